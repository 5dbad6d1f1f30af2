import { html, type SafeHtml } from "../html.js";
import { renderPage, type PageFrame } from "./layout.js";
import type { Links } from "./links.js";
import { problemCard } from "./problem-card.js";
import { matchesQuery, type ApiView, type VersionView } from "./view.js";

export interface IndexPageInput {
  apis: ApiView[];
  links: Links;
  /** The search text from `?q=`; the page also filters as you type when scripts run. */
  query: string;
  frame?: Partial<PageFrame>;
}

export function renderIndexPage({ apis, links, query, frame }: IndexPageInput): string {
  const shown = apis.filter((api) => matchesQuery(api, query));
  const body = html`<h1>APIs</h1>
<form class="search" method="get" action="${links.index()}" role="search">
<label for="q">Filter by name or tag</label>
<input id="q" name="q" type="search" value="${query}" placeholder="e.g. pets">
<button type="submit">Filter</button>
</form>
<p class="count" id="api-count">${shown.length} of ${apis.length} APIs</p>
<ul class="apis" id="api-list">
${apis.map((api) => apiCard(api, links, matchesQuery(api, query)))}
</ul>
${apis.length === 0 ? html`<p>No OpenAPI documents found in the specs directory.</p>` : ""}`;
  return renderPage({ title: "APIs", links, body, scripts: ["portal/index-filter.js"], ...frame });
}

function apiCard(api: ApiView, links: Links, visible: boolean): SafeHtml {
  const search = [api.api, api.summary?.title ?? "", ...(api.summary?.tags ?? [])].join(" ").toLowerCase();
  return html`<li class="card api" data-api="${api.api}" data-search="${search}"${visible ? "" : html` hidden`}>
<h2><a href="${links.redoc(api.api, latest(api).version)}">${api.summary?.title ?? api.api}</a> <small>${api.api}</small></h2>
${api.summary?.description ? html`<p class="description">${firstParagraph(api.summary.description)}</p>` : ""}
${api.summary?.tags.length ? html`<p class="tags">${api.summary.tags.map((tag) => html`<a class="tag" href="${links.index(tag)}">${tag}</a> `)}</p>` : ""}
<table class="versions">
<thead><tr><th>Version</th><th>Docs</th><th>Lint</th><th>Download</th></tr></thead>
<tbody>${api.versions.map((version) => versionRow(version, links))}</tbody>
</table>
${api.versions.filter((v) => v.problem).map((v) => problemCard(v.problem!, v.summary !== undefined))}
</li>`;
}

function versionRow(view: VersionView, links: Links): SafeHtml {
  const { api, version } = view;
  if (!view.summary) return html`<tr class="broken"><td>${version}</td><td colspan="3">does not load (see below)</td></tr>`;
  return html`<tr>
<td>${version} <small>${view.summary.infoVersion}</small>${view.problem ? html` <span class="badge error">broken edit</span>` : ""}</td>
<td><a href="${links.redoc(api, version)}">Reference</a> · <a href="${links.swagger(api, version)}">Try it</a></td>
<td><a href="${links.lint(api, version)}">${lintLabel(view)}</a></td>
<td><a href="${links.download(api, version, "json")}">JSON</a> · <a href="${links.download(api, version, "yaml")}">YAML</a></td>
</tr>`;
}

export function lintLabel(view: VersionView): string {
  if (!view.lint) return "not linted";
  if (view.lint.errors === 0 && view.lint.warnings === 0) return "clean";
  return `${plural(view.lint.errors, "error")}, ${plural(view.lint.warnings, "warning")}`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

function latest(api: ApiView): VersionView {
  return [...api.versions].reverse().find((v) => v.summary) ?? api.versions[api.versions.length - 1]!;
}

function firstParagraph(text: string): string {
  const paragraph = text.trim().split(/\n\s*\n/)[0] ?? "";
  return paragraph.length > 400 ? `${paragraph.slice(0, 400)}…` : paragraph;
}
