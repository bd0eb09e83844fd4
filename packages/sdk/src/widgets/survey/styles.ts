/**
 * The survey's own styles, added to the shadow root with the chunk (`css` export). Everything sits
 * under `.sv`, the survey's content box, because the shadow root's sheets are shared by every kind.
 * Same conventions as the host's sheet: the host's short tokens, logical properties, px.
 */
export const SURVEY_CSS = `.sv .q{margin-block-start:12px}
.sv .scale{display:flex;gap:4px}
.scale label{position:relative;flex:1}
.scale input{position:absolute;inset:0;margin:0;opacity:0}
.scale span{display:grid;place-items:center;min-block-size:36px;border:1px solid var(--border);border-radius:6px}
.scale :checked+span{background:var(--accent);border-color:var(--accent);color:var(--on-accent)}
.scale :focus-visible+span{outline:2px solid var(--cairn-focus,var(--accent));outline-offset:2px}
.stars span{border:0;background:0!important;color:var(--muted);font-size:24px}
.stars .on{color:var(--accent)}
.sv .ends{display:flex;justify-content:space-between;margin-block-start:4px;color:var(--muted);font-size:.9em}
.sv .opts{display:grid;gap:6px}
.opts label{display:flex;align-items:center;gap:8px;padding:6px 8px;border:1px solid var(--border);border-radius:6px}
.sv input,.sv textarea{accent-color:var(--accent);font:inherit}
.sv .text{inline-size:100%;padding:6px 8px;border:1px solid var(--border);border-radius:6px;background:var(--bg);color:inherit}
.sv textarea{min-block-size:80px}
.sv :disabled{opacity:.6}
.sv .cta a{display:inline-block;padding:7px 14px;border-radius:8px;background:var(--accent);color:var(--on-accent);text-decoration:none}`
