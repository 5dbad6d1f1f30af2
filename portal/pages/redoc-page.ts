import { html } from "../html.js";
import type { LoadedSpec } from "../catalog/spec-entry.js";
import { apiHeader } from "./api-header.js";
import { renderPage, type PageFrame } from "./layout.js";
import type { Links } from "./links.js";
import { listOperations } from "./operations.js";
import type { VersionView } from "./view.js";

export interface ApiPageInput {
  current: VersionView;
  versions: VersionView[];
  loaded: LoadedSpec | undefined;
  links: Links;
  frame?: Partial<PageFrame>;
}

/** Redoc, rendered over a plain outline (description and operations) that reads without scripts. */
export function renderRedocPage({ current, versions, loaded, links, frame }: ApiPageInput): string {
  const { api, version } = current;
  const outline = loaded
    ? html`<div class="outline">
<p class="description">${loaded.summary.description}</p>
<h2>Operations</h2>
<ul class="operations">${listOperations(loaded.bundled).map((op) => html`<li><code class="method">${op.method}</code> <code>${op.path}</code> ${op.summary || op.operationId}</li>`)}</ul>
</div>`
    : "";
  const body = html`${apiHeader(current, versions, "redoc", links)}
<div id="redoc">${outline}</div>`;
  return renderPage({
    title: `${current.summary?.title ?? api} ${version} – Reference`,
    links,
    body,
    wide: true,
    scripts: loaded ? ["redoc/redoc.standalone.js", "portal/redoc-init.js"] : [],
    config: { specUrl: links.download(api, version, "json") },
    ...frame,
  });
}
