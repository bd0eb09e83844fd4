/**
 * The shadow root's stylesheet. Public tokens are `--cairn-*` custom properties (they inherit from
 * the host page and from `init({ theme })` on the host element); the short internal names are declared
 * on `.root`, inside the shadow tree, where page CSS cannot reach them. Logical properties only, so
 * `dir="rtl"` mirrors everything; px, never rem, so the page's root font size changes nothing.
 */
/** The widgets' font unless the theme sets `--cairn-font`. */
export const FONT = 'system-ui,sans-serif'

export const HOST_CSS = `:host{all:initial!important;display:block!important;position:fixed!important;inset-block-start:0!important;inset-inline-start:0!important;z-index:var(--cairn-z-index,2147483647)!important}
*{box-sizing:border-box}
.root{--bg:var(--cairn-bg,#fff);--fg:var(--cairn-fg,#1b1d22);--muted:var(--cairn-muted,#565b66);--accent:var(--cairn-accent,#3451d1);--on-accent:var(--cairn-accent-text,#fff);--border:var(--cairn-border,#d5d8df);--shadow:var(--cairn-shadow,0 8px 30px #0c0e1233);--space:var(--cairn-space,16px);--radius:var(--cairn-radius,10px);font:var(--cairn-font-size,14px)/1.5 var(--cairn-font,${FONT});color:var(--fg);text-align:start}
@media (prefers-color-scheme:dark){.root{--bg:var(--cairn-bg,#1e2026);--fg:var(--cairn-fg,#eceef3);--muted:var(--cairn-muted,#a6abb8);--accent:var(--cairn-accent,#93a6ff);--on-accent:var(--cairn-accent-text,#11131a);--border:var(--cairn-border,#444853);--shadow:var(--cairn-shadow,0 8px 30px #0008)}}
.backdrop{position:fixed;inset:0;display:grid;place-items:center;padding:var(--space);background:var(--cairn-backdrop,#0c0e1273)}
.surface{position:relative;inline-size:min(var(--cairn-width,360px),100vw - 2*var(--space));max-block-size:calc(100vh - 2*var(--space));overflow:auto;padding:var(--space);background:var(--bg);border:1px solid var(--border);border-radius:var(--radius);box-shadow:var(--shadow);outline:0;animation:cairn-in .2s}
.corner{position:fixed;inset-block-end:var(--space);inset-inline-end:var(--space)}
.top,.bottom{position:fixed;inset-inline:0;inline-size:auto;border-radius:0}
.top{inset-block-start:0}.bottom{inset-block-end:0}
.title{margin:0 0 8px;padding-inline-end:28px;font-size:1.15em;line-height:1.3}
p,ul,ol{margin:0 0 8px}ul,ol{padding-inline-start:20px}
a{color:var(--accent)}
.actions{display:flex;flex-wrap:wrap;align-items:center;justify-content:flex-end;gap:8px;margin-block-start:var(--space)}
.progress{margin-inline-end:auto;color:var(--muted);font-size:.9em}
button{font:inherit;color:inherit;cursor:pointer}
.btn{min-block-size:36px;padding:6px 14px;border:1px solid var(--border);border-radius:8px;background:var(--bg)}
.primary{background:var(--accent);border-color:var(--accent);color:var(--on-accent)}
.close{position:absolute;inset-block-start:8px;inset-inline-end:8px;inline-size:32px;block-size:32px;border:0;border-radius:50%;background:0;color:var(--muted);font-size:20px}
button:hover{filter:brightness(.95)}
:focus-visible{outline:2px solid var(--cairn-focus,var(--accent));outline-offset:2px}
.sr{position:absolute;inline-size:1px;block-size:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
@keyframes cairn-in{from{opacity:0;transform:translateY(8px)}}
@media (prefers-reduced-motion:reduce){*{animation:none!important;transition:none!important}}`
