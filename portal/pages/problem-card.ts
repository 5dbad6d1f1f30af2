import { html, type SafeHtml } from "../html.js";
import type { LoadProblem } from "../catalog/spec-entry.js";

/** The error card of a spec that does not load: where, what, and how to fix it. */
export function problemCard(problem: LoadProblem, servingLastGood: boolean): SafeHtml {
  const place = problem.line !== undefined ? `${problem.file}:${problem.line}:${problem.column ?? 1}` : problem.file;
  return html`<section class="card error" role="alert">
<h3>This spec does not load</h3>
<p><code>${place}</code>: ${problem.message}</p>
${problem.fix ? html`<p class="fix">Fix: ${problem.fix}</p>` : ""}
<p class="note">${servingLastGood ? "The last version that loaded is still served below." : "Nothing from this file can be shown until it loads."}</p>
</section>`;
}
