/**
 * The tour's own styles (the chunk's `css` export). The tip, the arrow and the spotlight follow
 * floating-ui's coordinates, which are physical (from the viewport's top-left) in every direction.
 */
export const TOUR_CSS = `.tip{position:fixed;z-index:1}
.tip>.corner{position:relative;inset:auto}
.arrow{position:absolute;inline-size:12px;block-size:12px;background:var(--bg);border:0 solid var(--border);transform:rotate(45deg);z-index:1}
.arrow[data-side=bottom]{top:-7px;border-top-width:1px;border-left-width:1px}
.arrow[data-side=top]{bottom:-7px;border-bottom-width:1px;border-right-width:1px}
.arrow[data-side=right]{left:-7px;border-bottom-width:1px;border-left-width:1px}
.arrow[data-side=left]{right:-7px;border-top-width:1px;border-right-width:1px}
.spot{position:fixed;border-radius:8px;box-shadow:0 0 0 200vmax var(--cairn-backdrop,#0c0e1273);pointer-events:none;transition:all .2s}
.block{position:fixed}
.lock .close{display:none}
.media{display:block;max-inline-size:100%;block-size:auto;margin-block-end:8px;border-radius:6px}`
