/**
 * The announcement's own styles, added to the shadow root with the chunk (`css` export). Same
 * conventions as the host's sheet: its short tokens, logical properties, px. The pulse stops under
 * `prefers-reduced-motion` through the host sheet's rule for every animation.
 */
export const ANNOUNCEMENT_CSS = `.media{display:block;inline-size:100%;block-size:auto;margin-block-end:8px;border-radius:6px}
.top .body,.bottom .body{display:inline}
.cta-link a{display:inline-block;min-block-size:36px;padding:7px 14px;border-radius:8px;background:var(--accent);color:var(--on-accent);text-decoration:none}
.beacon{position:fixed;inline-size:20px;block-size:20px;padding:0;border:3px solid var(--bg);border-radius:50%;background:var(--accent);box-shadow:0 0 0 0 var(--accent);animation:cairn-pulse 1.6s infinite}
.tip .surface{inset:auto}
@keyframes cairn-pulse{70%{box-shadow:0 0 0 12px transparent}}`
