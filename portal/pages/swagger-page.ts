import { html } from "../html.js";
import { apiHeader } from "./api-header.js";
import { renderPage } from "./layout.js";
import type { ApiPageInput } from "./redoc-page.js";

/** Swagger UI with "try it out"; the page script offers the portal's mock as the first server. */
export function renderSwaggerPage({ current, versions, loaded, links, frame, withMock }: ApiPageInput & { withMock: boolean }): string {
  const { api, version } = current;
  const body = html`${apiHeader(current, versions, "swagger", links)}
<div id="swagger-ui">${loaded ? html`<p class="loading">Loading Swagger UI…</p>` : ""}</div>`;
  return renderPage({
    title: `${current.summary?.title ?? api} ${version} – Try it out`,
    links,
    body,
    wide: true,
    styles: ["swagger-ui/swagger-ui.css"],
    scripts: loaded ? ["swagger-ui/swagger-ui-bundle.js", "portal/swagger-init.js"] : [],
    config: { specUrl: links.download(api, version, "json"), mockUrl: withMock ? links.mock(api, version) : undefined },
    ...frame,
  });
}
