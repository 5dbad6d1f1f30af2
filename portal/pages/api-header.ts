import { html, type SafeHtml } from "../html.js";
import type { Links } from "./links.js";
import { problemCard } from "./problem-card.js";
import type { VersionView } from "../catalog/api-views.js";

export type ApiTab = "redoc" | "swagger" | "lint" | "changelog";

const TAB_LABELS: Record<ApiTab, string> = {
  redoc: "Reference",
  swagger: "Try it out",
  lint: "Lint report",
  changelog: "Changelog",
};

/** Title, version switcher and tabs shared by every page of one API version. */
export function apiHeader(current: VersionView, versions: VersionView[], tab: ApiTab, links: Links): SafeHtml {
  const { api, version } = current;
  const pageOf = (tabName: ApiTab, v: string) => links[tabName](api, v);
  return html`<div class="api-header">
<h1>${current.summary?.title ?? api} <small>${version}${current.summary ? html` · ${current.summary.infoVersion}` : ""}</small></h1>
<nav class="version-switcher" aria-label="Versions">Version:
${versions.map((v) =>
  v.version === version
    ? html`<a class="version current" aria-current="page" href="${pageOf(tab, v.version)}">${v.version}</a> `
    : html`<a class="version" href="${pageOf(tab, v.version)}">${v.version}</a> `,
)}
</nav>
<nav class="tabs" aria-label="Views">
${(Object.keys(TAB_LABELS) as ApiTab[]).map((name) =>
  name === tab
    ? html`<a class="tab current" aria-current="page" href="${pageOf(name, version)}">${TAB_LABELS[name]}</a> `
    : html`<a class="tab" href="${pageOf(name, version)}">${TAB_LABELS[name]}</a> `,
)}
<span class="downloads">Download: <a href="${links.download(api, version, "json")}">JSON</a> · <a href="${links.download(api, version, "yaml")}">YAML</a></span>
</nav>
${current.problem ? problemCard(current.problem, current.summary !== undefined) : ""}
</div>`;
}
