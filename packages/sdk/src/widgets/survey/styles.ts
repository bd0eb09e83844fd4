/**
 * The survey's own styles, added to the shadow root with the chunk (`css` export). Same conventions
 * as the host's sheet: the host's short tokens, logical properties, px.
 */
export const SURVEY_CSS = `.q{margin-block-start:12px}
.scale{display:flex;gap:4px}
.scale label{position:relative;flex:1}
.scale input{position:absolute;inset:0;margin:0;opacity:0;cursor:pointer}
.scale span{display:grid;place-items:center;min-block-size:36px;border:1px solid var(--border);border-radius:6px}
.scale input:checked+span{background:var(--accent);border-color:var(--accent);color:var(--on-accent)}
.scale input:focus-visible+span{outline:2px solid var(--cairn-focus,var(--accent));outline-offset:2px}
.stars span,.stars input:checked+span{border:0;background:0;color:var(--muted);font-size:24px}
.stars .on,.stars input:checked+.on{color:var(--accent)}
.ends{display:flex;justify-content:space-between;gap:8px;margin-block-start:4px;color:var(--muted);font-size:.9em}
.opts{display:grid;gap:6px}
.opts label{display:flex;align-items:center;gap:8px;padding:6px 8px;border:1px solid var(--border);border-radius:6px;cursor:pointer}
input,textarea{accent-color:var(--accent);font:inherit}
.text{inline-size:100%;padding:6px 8px;border:1px solid var(--border);border-radius:6px;background:var(--bg);color:inherit}
textarea.text{min-block-size:80px;resize:vertical}
.btn:disabled{opacity:.6;cursor:default}
.cta a{display:inline-block;padding:7px 14px;border-radius:8px;background:var(--accent);color:var(--on-accent);text-decoration:none}`
