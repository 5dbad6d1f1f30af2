import { html, type SafeHtml } from "../html.js";
import type { Diagnostic } from "../../generator/conventions/index.js";
import { apiHeader } from "./api-header.js";
import { lintLabel } from "./index-page.js";
import type { Links } from "./links.js";
import { renderPage } from "./layout.js";
import type { ApiPageInput } from "./redoc-page.js";

/**
 * Problems listed on one lint page. Microsoft Graph beta has 78,000: listed whole, its page was 39 MB (a browser
 * stalls on it), and rendering it was part of the portal build's peak. Every problem is counted per rule above the
 * list; `specwright lint` gives them all.
 */
export const LINT_PAGE_PROBLEMS = 1000;

export function renderLintPage(
  input: ApiPageInput & { diagnostics: Diagnostic[]; relative: (file: string) => string },
): string {
  const { current, versions, links, diagnostics, relative, frame } = input;
  const listed = diagnostics.slice(0, LINT_PAGE_PROBLEMS);
  const cut = listed.length < diagnostics.length;
  const body = html`${apiHeader(current, versions, "lint", links)}
<h2>Lint report: ${lintLabel(current)}</h2>
${
  diagnostics.length === 0
    ? html`<p class="clean">${input.loaded ? "No problems: this version follows every enabled convention." : "The spec did not load, so it was not linted."}</p>`
    : html`${cut ? ruleCounts(diagnostics, links) : ""}<table class="lint">
<thead><tr><th>Severity</th><th>Rule</th><th>Problem</th><th>Where</th></tr></thead>
<tbody>${listed.map(
        (d) =>
          html`<tr class="${d.severity}"><td>${d.severity}</td><td><a href="${links.rules(d.ruleId)}">${d.ruleId}</a></td><td>${d.message}</td><td><code>${relative(d.file)}:${d.line}:${d.column}</code><br><small>${d.pointer}</small></td></tr>`,
      )}</tbody>
</table>${
        cut
          ? html`<p class="more">The first ${LINT_PAGE_PROBLEMS.toLocaleString("en")} of ${diagnostics.length.toLocaleString("en")} problems are listed. <code>specwright lint</code> on the spec lists them all.</p>`
          : ""
      }`
}`;
  return renderPage({
    title: `${current.summary?.title ?? current.api} ${current.version} – Lint`,
    links,
    body,
    ...frame,
  });
}

/** How many problems each rule found, most first: what a long report is read for before its rows. */
function ruleCounts(diagnostics: Diagnostic[], links: Links): SafeHtml {
  const counts = new Map<string, { severity: string; count: number }>();
  for (const { ruleId, severity } of diagnostics) {
    const entry = counts.get(ruleId) ?? { severity, count: 0 };
    entry.count += 1;
    counts.set(ruleId, entry);
  }
  const rows = [...counts].sort(([a, x], [b, y]) => y.count - x.count || a.localeCompare(b));
  return html`<table class="lint lint-counts">
<thead><tr><th>Severity</th><th>Rule</th><th>Problems</th></tr></thead>
<tbody>${rows.map(
    ([ruleId, { severity, count }]) =>
      html`<tr class="${severity}"><td>${severity}</td><td><a href="${links.rules(ruleId)}">${ruleId}</a></td><td>${count.toLocaleString("en")}</td></tr>`,
  )}</tbody>
</table>
`;
}
