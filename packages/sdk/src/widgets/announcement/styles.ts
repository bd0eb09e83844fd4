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
.launcher{position:fixed;inset-block-end:var(--space);inset-inline-end:var(--space);box-shadow:var(--shadow)}
.badge,.new{font-weight:600;color:var(--accent)}
.feed-open .corner{inset-block-end:calc(2*var(--space) + 40px)}
.feed{margin:0;padding:0;list-style:none}.feed li{padding-block:8px;border-block-start:1px solid var(--border)}.feed h3{margin:0 0 4px;font-size:1em}
@keyframes cairn-pulse{70%{box-shadow:0 0 0 12px transparent}}`
