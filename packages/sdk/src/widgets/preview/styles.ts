/** The preview bar: a slim strip at the top of the page, above every widget, mirrored by `dir`. */
export const PREVIEW_CSS = `.preview{position:fixed;inset-block-start:8px;inset-inline:0;margin-inline:auto;inline-size:max-content;max-inline-size:calc(100vw - 16px);display:flex;flex-wrap:wrap;align-items:center;gap:8px;padding:6px 10px;background:var(--fg);color:var(--bg);border-radius:var(--radius);box-shadow:var(--shadow);font-size:13px;z-index:2}
.preview strong{font-weight:600}
.preview code{font:12px ui-monospace,monospace;opacity:.85}
.preview button,.preview select{font:inherit;color:inherit;background:transparent;border:1px solid currentColor;border-radius:6px;padding:2px 8px;cursor:pointer}
.preview button:disabled{opacity:.45;cursor:default}
.preview :focus-visible{outline:2px solid currentColor;outline-offset:2px}
.preview select option{color:var(--fg);background:var(--bg)}
.preview p{flex-basis:100%;margin:0}`
