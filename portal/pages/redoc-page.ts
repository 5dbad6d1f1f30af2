import { html } from "../html.js";
import type { LoadedSpec } from "../catalog/loaded-spec.js";
import { apiHeader } from "./api-header.js";
import { renderPage, type PageFrame } from "./layout.js";
import type { Links } from "./links.js";
import { listOperations } from "../catalog/operations.js";
import { isLargeSpec, operationIndex, tagGroups, type TagGroup } from "../catalog/tag-groups.js";
import type { VersionView } from "../catalog/api-views.js";

export interface ApiPageInput {
  current: VersionView;
  versions: VersionView[];
  loaded: LoadedSpec | undefined;
  links: Links;
  frame?: Partial<PageFrame>;
}

/**
 * Redoc, rendered over a plain outline (description and operations) that reads without scripts. A large spec's page
 * lists its tags instead, and each tag's page runs Redoc on that tag's operations only.
 */
export function renderRedocPage(input: ApiPageInput & { tag?: TagGroup }): string {
  const { current, versions, loaded, links, frame, tag } = input;
  const { api, version } = current;
  const threshold = frame?.brand?.tagGroupThreshold;
  const groups = loaded && !tag && isLargeSpec(loaded.bundled, threshold) ? tagGroups(loaded.bundled) : undefined;
  // Tag pages and the list of groups resolve links to operations of other groups (portal/static/tag-links.js). A page
  // names only what its own group holds; where the others' operations are, the script fetches from the index, one
  // file per API version: embedded, Graph beta's 4.6 MB index made each of its 829 pages as large.
  const grouped =
    loaded && (tag || groups)
      ? {
          group: tag?.slug ?? null,
          groupsUrl: `${links.redoc(api, version)}tags/`,
          indexUrl: links.tagIndex(api, version),
          own: tag ? ownAnchors(tag) : { operations: [], tags: [] },
        }
      : undefined;
  const operations = tag ? tag.operations : loaded ? listOperations(loaded.bundled) : [];
  const outline = !loaded
    ? ""
    : groups
      ? html`<div class="outline">
<p class="description">${loaded.summary.description}</p>
<p class="note">${operations.length} operations in ${groups.length} groups: the reference shows one group at a time (all of them at once: <a href="${links.swagger(api, version)}">Try it out</a>, or the downloads).</p>
<ul class="tag-groups">${groups.map((group) => html`<li><a href="${links.redocTag(api, version, group.slug)}">${group.name}</a> <small>${group.operations.length} ${group.webhooks ? "webhooks" : "operations"}</small> ${firstLine(group.description)}</li>`)}</ul>
</div>`
      : html`<div class="outline">
${tag ? html`<p><a href="${links.redoc(api, version)}">All groups</a> › ${tag.name}</p>` : html`<p class="description">${loaded.summary.description}</p>`}
<h2>${tag?.webhooks ? "Webhooks" : "Operations"}</h2>
<ul class="operations">${operations.map((op) => html`<li><code class="method">${op.method}</code> <code>${op.path}</code> ${op.summary || op.operationId}</li>`)}</ul>
</div>`;
  const body = html`${apiHeader(current, versions, "redoc", links)}
<div id="redoc">${outline}</div>`;
  return renderPage({
    title: `${current.summary?.title ?? api} ${version} – ${tag ? `${tag.name} – ` : ""}Reference`,
    links,
    body,
    wide: true,
    scripts: [
      ...(grouped ? ["portal/tag-links.js"] : []),
      ...(loaded && !groups ? ["redoc/redoc.standalone.js", "portal/redoc-init.js"] : []),
    ],
    config: { specUrl: links.reference(api, version, tag?.slug), grouped },
    ...frame,
  });
}

/** The keys of `operationIndex` that point at this group: links to them stay on the page, for Redoc. */
function ownAnchors(tag: TagGroup): { operations: string[]; tags: string[] } {
  return { operations: Object.keys(operationIndex([tag]).operations), tags: [tag.name] };
}

function firstLine(text: string): string {
  return text.split("\n")[0]?.slice(0, 200) ?? "";
}
