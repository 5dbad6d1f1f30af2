import type { IndexProgress } from "../catalog/catalog.js";
import { operationAnchor } from "../catalog/index-record.js";
import { LINT_FILTERS, type OperationHit, type Page, type SearchQuery, type SearchResult } from "../catalog/search.js";
import { html, type SafeHtml } from "../html.js";
import { renderPage, type PageFrame } from "./layout.js";
import type { Links } from "./links.js";
import { problemCard } from "./problem-card.js";
import { searchText, type ApiView, type VersionView } from "../catalog/api-views.js";

export interface IndexPageInput {
  result: SearchResult;
  query: SearchQuery;
  links: Links;
  /**
   * Every API of the catalog, when it fits on one page: the cards the search leaves out are rendered hidden, so the
   * page script filters as you type. A larger catalog is searched on the server only (the form, then links).
   */
  everyApi?: ApiView[];
  progress?: IndexProgress;
  frame?: Partial<PageFrame>;
  /**
   * A static site's catalog, too large for one page: where page N of the list is (a static host has no `?page=`) and
   * the JSON of every API the page script searches, as the server would.
   */
  staticPages?: { pageHref: (page: number) => string; searchIndex: string };
}

export const EMPTY_QUERY: SearchQuery = { q: "", tag: "", lint: undefined, page: 1, opage: 1 };

export function renderIndexPage({
  result,
  query,
  links,
  everyApi,
  progress,
  frame,
  staticPages,
}: IndexPageInput): string {
  const { apis, operations } = result;
  const shown = new Set(apis.items.map((api) => api.api));
  const cards = everyApi ?? apis.items;
  const body = html`<h1>APIs</h1>
<form class="search" method="get" action="${links.index()}" role="search">
<label for="q">Search APIs and operations</label>
<input id="q" name="q" type="search" value="${query.q}" placeholder="e.g. pets, issues">
<label for="tag">Tag</label>
<input id="tag" name="tag" type="text" value="${query.tag}" size="12">
<label for="lint">Lint</label>
<select id="lint" name="lint"><option value="">any</option>${LINT_FILTERS.map((status) => html`<option value="${status}"${query.lint === status ? html` selected` : ""}>${status}</option>`)}</select>
<button type="submit">Search</button>
</form>
${progress?.running ? html`<p class="note" id="index-progress" role="status">${progress.queued === 0 ? "Looking for changed specs" : `Indexing ${progress.indexed} of ${progress.queued} specs`}: the list fills in as they are read (<a href="${searchHref(links, query, {})}">refresh</a>).</p>` : ""}
<p class="count" id="api-count">${apis.total} of ${result.allApis} APIs</p>
<ul class="apis" id="api-list"${everyApi ? html` data-complete` : ""}${staticPages ? html` data-search-index="${staticPages.searchIndex}"` : ""}>
${cards.map((api) => apiCard(api, links, shown.has(api.api)))}
</ul>
${pager(apis, staticPages ? staticPages.pageHref : (n) => searchHref(links, query, { page: n }), "page")}
${result.allApis === 0 && !progress?.running ? html`<p>No OpenAPI documents found in the specs directory.</p>` : ""}
${query.q.trim() !== "" ? operationHits(operations, links, query) : ""}`;
  return renderPage({
    title: "APIs",
    links,
    body,
    scripts: everyApi ? ["portal/index-filter.js"] : staticPages ? ["portal/static-search.js"] : [],
    ...frame,
  });
}

function operationHits(operations: Page<OperationHit>, links: Links, query: SearchQuery): SafeHtml {
  return html`<section class="operation-hits" id="operation-hits">
<h2>Operations</h2>
<p class="count">${operations.total} operations match</p>
<ul class="operations">${operations.items.map((hit) => html`<li><a href="${operationHref(links, hit)}"><code class="method">${hit.operation.method}</code> <code>${hit.operation.path}</code></a> ${hit.operation.summary || hit.operation.operationId} <small>${hit.title} ${hit.version}</small></li>`)}</ul>
${pager(operations, (n) => searchHref(links, query, { opage: n }), "opage")}
</section>`;
}

/** Straight to the operation in its reference page (its tag group's page for a large spec). */
export function operationHref(links: Links, hit: OperationHit): string {
  const page = hit.operation.group
    ? links.redocTag(hit.api, hit.version, hit.operation.group)
    : links.redoc(hit.api, hit.version);
  const anchor = operationAnchor(hit.operation);
  return anchor ? `${page}#${anchor.split("/").map(encodeURIComponent).join("/")}` : page;
}

function pager(page: Page<unknown>, to: (page: number) => string, param: "page" | "opage"): SafeHtml | "" {
  if (page.pages <= 1) return "";
  return html`<nav class="pager" aria-label="${param === "page" ? "API pages" : "Operation pages"}">
${page.page > 1 ? html`<a rel="prev" href="${to(page.page - 1)}">Previous</a>` : ""}
<span>Page ${page.page} of ${page.pages}</span>
${page.page < page.pages ? html`<a rel="next" href="${to(page.page + 1)}">Next</a>` : ""}
</nav>`;
}

/** The index URL of a query with some fields changed; defaults are left out, so links stay short. */
export function searchHref(links: Links, query: SearchQuery, change: Partial<SearchQuery>): string {
  const merged = { ...query, ...change };
  const params = new URLSearchParams();
  if (merged.q) params.set("q", merged.q);
  if (merged.tag) params.set("tag", merged.tag);
  if (merged.lint) params.set("lint", merged.lint);
  if (merged.page > 1) params.set("page", String(merged.page));
  if (merged.opage > 1) params.set("opage", String(merged.opage));
  const search = params.toString();
  return links.index() + (search ? `?${search}` : "");
}

function apiCard(api: ApiView, links: Links, visible: boolean): SafeHtml {
  return html`<li class="card api" data-api="${api.api}" data-search="${searchText(api)}"${visible ? "" : html` hidden`}>
<h2><a href="${links.redoc(api.api, newestLoadedVersion(api).version)}">${api.summary?.title ?? api.api}</a> <small>${api.api}</small></h2>
${api.summary?.description ? html`<p class="description">${firstParagraph(api.summary.description)}</p>` : ""}
${api.summary?.tags.length ? html`<p class="tags">${api.summary.tags.map((tag) => html`<a class="tag" href="${searchHref(links, EMPTY_QUERY, { tag })}">${tag}</a> `)}</p>` : ""}
<table class="versions">
<thead><tr><th>Version</th><th>Docs</th><th>Lint</th><th>Download</th></tr></thead>
<tbody>${api.versions.map((version) => versionRow(version, links))}</tbody>
</table>
${api.versions.filter((v) => v.problem).map((v) => problemCard(v.problem!, v.summary !== undefined))}
</li>`;
}

function versionRow(view: VersionView, links: Links): SafeHtml {
  const { api, version } = view;
  if (!view.summary)
    return html`<tr class="broken"><td>${version}</td><td colspan="3">does not load (see below)</td></tr>`;
  return html`<tr>
<td>${version} <small>${view.summary.infoVersion}</small>${view.problem ? html` <span class="badge error">broken edit</span>` : ""}</td>
<td><a href="${links.redoc(api, version)}">Reference</a> · <a href="${links.swagger(api, version)}">Try it</a>${view.operationCount !== undefined ? html` <small>${view.operationCount} operations</small>` : ""}</td>
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

/** The version an API's card links to: the newest that loads (a newer one that does not is no place to land). */
export function newestLoadedVersion(api: ApiView): VersionView {
  return [...api.versions].reverse().find((v) => v.summary) ?? api.versions[api.versions.length - 1]!;
}

function firstParagraph(text: string): string {
  const paragraph = text.trim().split(/\n\s*\n/)[0] ?? "";
  return paragraph.length > 400 ? `${paragraph.slice(0, 400)}…` : paragraph;
}
