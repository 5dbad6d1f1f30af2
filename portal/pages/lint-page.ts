import { html } from "../html.js";
import type { Diagnostic } from "../../generator/conventions/index.js";
import { apiHeader } from "./api-header.js";
import { lintLabel } from "./index-page.js";
import { renderPage } from "./layout.js";
import type { ApiPageInput } from "./redoc-page.js";

export function renderLintPage(
  input: ApiPageInput & { diagnostics: Diagnostic[]; relative: (file: string) => string },
): string {
  const { current, versions, links, diagnostics, relative, frame } = input;
  const body = html`${apiHeader(current, versions, "lint", links)}
<h2>Lint report: ${lintLabel(current)}</h2>
${
  diagnostics.length === 0
    ? html`<p class="clean">${input.loaded ? "No problems: this version follows every enabled convention." : "The spec did not load, so it was not linted."}</p>`
    : html`<table class="lint">
<thead><tr><th>Severity</th><th>Rule</th><th>Problem</th><th>Where</th></tr></thead>
<tbody>${diagnostics.map(
        (d) =>
          html`<tr class="${d.severity}"><td>${d.severity}</td><td><a href="${links.rules(d.ruleId)}">${d.ruleId}</a></td><td>${d.message}</td><td><code>${relative(d.file)}:${d.line}:${d.column}</code><br><small>${d.pointer}</small></td></tr>`,
      )}</tbody>
</table>`
}`;
  return renderPage({
    title: `${current.summary?.title ?? current.api} ${current.version} – Lint`,
    links,
    body,
    ...frame,
  });
}
