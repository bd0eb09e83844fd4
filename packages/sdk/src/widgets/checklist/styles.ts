/** Confetti pieces of the celebration, spread evenly around the circle. */
export const BITS = 8

/**
 * The checklist's own styles, added to the shadow root with the chunk (`css` export). Classes start
 * with `cl-` (every kind's sheet shares the shadow root); host tokens, logical properties, px. With
 * reduced motion the host turns animations off, and the confetti, hidden unless animated, with them.
 */
export const CHECKLIST_CSS = `.cl-launcher{position:fixed;inset-block-end:var(--space);inset-inline-end:var(--space);display:flex;align-items:center;gap:8px;padding-block:6px;padding-inline:6px 16px;border:1px solid var(--border);border-radius:999px;background:var(--bg);color:var(--fg);box-shadow:var(--shadow);animation:cairn-in .2s}
.cl-ring{flex:none}
.cl-ring circle{fill:none;stroke-width:4}
.cl-track{stroke:var(--border)}
.cl-fill{stroke:var(--accent);transition:stroke-dasharray .4s}
[dir=rtl] .cl-ring{transform:scaleX(-1)}
.cl-count{color:var(--muted);font-size:.9em}
.cl-title{padding-inline-end:72px}
.cl-title:focus{outline:0}
.cl-min{position:absolute;inset-block-start:8px;inset-inline-end:44px;inline-size:32px;block-size:32px;border:0;border-radius:50%;background:0;color:var(--muted);font-size:20px;line-height:1}
.cl-meter{display:flex;align-items:center;gap:8px;margin-block:8px}
.cl-meter .progress{margin:0}
.cl-items{display:grid;gap:2px;margin:0;padding:0;list-style:none}
.cl-item{display:flex;align-items:flex-start;gap:10px;padding-block:6px}
.cl-mark{flex:none;display:grid;place-items:center;inline-size:22px;block-size:22px;border:2px solid var(--border);border-radius:50%;color:transparent}
.cl-on .cl-mark{border-color:var(--accent);background:var(--accent);color:var(--on-accent)}
.cl-on .cl-name{color:var(--muted);text-decoration:line-through}
.cl-act{padding:0;border:0;background:0;color:var(--accent);text-align:start;text-decoration:underline}
.cl-desc{margin:2px 0 0;color:var(--muted);font-size:.9em}
.cl-done{position:relative;margin-block-start:var(--space);text-align:center}
.cl-done-title{margin:0 0 4px;font-size:1.1em;font-weight:600}
.cl-done .actions{justify-content:center}
.cl-bit{position:absolute;inset-block-start:12px;inset-inline-start:50%;inline-size:6px;block-size:10px;border-radius:2px;background:var(--accent);opacity:0;animation:cl-pop 1s ease-out}
.cl-bit:nth-child(even){background:var(--fg)}
@keyframes cl-pop{from{opacity:1;transform:rotate(var(--r)) translateY(0)}to{opacity:0;transform:rotate(var(--r)) translateY(-48px)}}
${Array.from({ length: BITS }, (_, i) => `.cl-bit:nth-child(${i + 1}){--r:${(i * 360) / BITS}deg}`).join('')}`
