import { html } from "../html.js";
import { apiHeader } from "./api-header.js";
import { renderPage } from "./layout.js";
import type { ApiPageInput } from "./redoc-page.js";
import type { VersionView } from "../catalog/api-views.js";

export interface ChangeLine {
  /** "breaking" changes are listed first and marked. */
  kind: string;
  message: string;
  where: string;
}

export type Changelog =
  | { status: "first" }
  | { status: "unavailable"; reason: string }
  | { status: "ok"; previous: VersionView; changes: ChangeLine[] };

/** What changed from the previous major version to this one (from `specwright diff`). */
export function renderChangelogPage(input: ApiPageInput & { changelog: Changelog }): string {
  const { current, versions, links, changelog, frame } = input;
  let content: ReturnType<typeof html>;
  if (changelog.status === "first")
    content = html`<p>${current.version} is the first version of this API: there is nothing to compare it with.</p>`;
  else if (changelog.status === "unavailable") content = html`<p class="note">No changelog: ${changelog.reason}</p>`;
  else {
    const breaking = changelog.changes.filter((c) => c.kind === "breaking").length;
    content = html`<p>From <a href="${links.redoc(current.api, changelog.previous.version)}">${changelog.previous.version}</a> to ${current.version}:
${changelog.changes.length} changes, ${breaking} breaking.</p>
<ul class="changes">${changelog.changes.map(
      (c) =>
        html`<li class="${c.kind}"><span class="badge ${c.kind}">${c.kind}</span> ${c.message} ${c.where ? html`<small><code>${c.where}</code></small>` : ""}</li>`,
    )}</ul>`;
  }
  const body = html`${apiHeader(current, versions, "changelog", links)}
<h2>Changelog</h2>
${content}`;
  return renderPage({
    title: `${current.summary?.title ?? current.api} ${current.version} – Changelog`,
    links,
    body,
    ...frame,
  });
}
