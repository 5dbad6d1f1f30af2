import { html } from "../html.js";
import { apiHeader } from "./api-header.js";
import { renderPage } from "./layout.js";
import type { ApiPageInput } from "./redoc-page.js";

/**
 * Swagger UI with "try it out"; the page script offers the portal's mock as the first server, and with a configured
 * OAuth2 client, the Authorize dialog runs the authorization code flow with PKCE through the portal's redirect page.
 */
export function renderSwaggerPage({
  current,
  versions,
  loaded,
  links,
  frame,
  withMock,
}: ApiPageInput & { withMock: boolean }): string {
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
    config: {
      specUrl: links.download(api, version, "json"),
      mockUrl: withMock ? links.mock(api, version) : undefined,
      oauth2Redirect: links.asset("swagger-ui/oauth2-redirect.html"),
      oauth2: frame?.brand?.oauth2,
    },
    ...frame,
  });
}
