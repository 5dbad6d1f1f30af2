import type { PortalSettings } from "../../generator/config/index.js";
import { html, jsonForScript, type SafeHtml } from "../html.js";
import { brandStyle, DEFAULT_TITLE, favicon, footer, themeConfig, topBar } from "./brand.js";
import type { Links } from "./links.js";

export interface PageFrame {
  title: string;
  links: Links;
  body: SafeHtml;
  /** Page-specific scripts under /assets/ (never inline, so the CSP needs no 'unsafe-inline' for scripts). */
  scripts?: string[];
  styles?: string[];
  /** Data for the page scripts, read from a non-executable JSON block. */
  config?: unknown;
  /** Live server only: the catalog generation, so the page can reload itself when a spec changes. */
  liveGeneration?: number;
  /** Static site only: the policy as a meta tag, since a static host may not send headers. */
  metaCsp?: string;
  wide?: boolean;
  /** The `portal:` settings: title, logo, colours, footer links. */
  brand?: PortalSettings;
}

export function renderPage(frame: PageFrame): string {
  const { links } = frame;
  const live =
    frame.liveGeneration !== undefined
      ? { generation: frame.liveGeneration, events: `${links.root}_events` }
      : undefined;
  const scripts = [...(frame.scripts ?? []), ...(live ? ["portal/live-reload.js"] : [])];
  const page = html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
${frame.metaCsp ? html`<meta http-equiv="Content-Security-Policy" content="${frame.metaCsp}">` : ""}
<title>${frame.title} – ${frame.brand?.title ?? DEFAULT_TITLE}</title>
${favicon(frame.brand, links)}
<script src="${links.asset("portal/theme.js")}"></script>
${(frame.styles ?? []).map((style) => html`<link rel="stylesheet" href="${links.asset(style)}">`)}
<link rel="stylesheet" href="${links.asset("portal/portal.css")}">
${brandStyle(frame.brand)}
</head>
<body${frame.wide ? html` class="wide"` : ""}>
${topBar(frame.brand, links)}
<main>
${frame.body}
</main>
${footer(frame.brand)}
<script type="application/json" id="portal-config">${jsonForScript({ ...(frame.config as object | undefined), live, theme: themeConfig(frame.brand) })}</script>
${scripts.map((script) => html`<script src="${links.asset(script)}"></script>`)}
</body>
</html>
`;
  return page.value;
}
