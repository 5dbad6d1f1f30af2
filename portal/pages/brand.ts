import type { PortalColors, PortalSettings } from "../../generator/config/index.js";
import { html, type SafeHtml } from "../html.js";
import type { Links } from "./links.js";

export const DEFAULT_TITLE = "API portal";

/** The logo's URL path under /assets/ (its extension tells a static host the type). */
export function logoAsset(brand: PortalSettings | undefined): string | undefined {
  return brand?.logo ? `brand/logo${brand.logo.extension}` : undefined;
}

/** The top bar: logo, title, and the dark-mode switch (shown by theme.js; without scripts the system's choice holds). */
export function topBar(brand: PortalSettings | undefined, links: Links): SafeHtml {
  const logo = logoAsset(brand);
  return html`<header class="top"><a class="brand" href="${links.index()}">${logo ? html`<img class="logo" src="${links.asset(logo)}" alt="">` : ""}${brand?.title ?? DEFAULT_TITLE}</a>
<button type="button" id="theme-toggle" class="theme-toggle" aria-pressed="false" hidden>Dark mode</button></header>`;
}

/** The logo as the tab's icon; without one, an empty icon, so the browser does not ask for /favicon.ico (a 404). */
export function favicon(brand: PortalSettings | undefined, links: Links): SafeHtml {
  const logo = logoAsset(brand);
  return html`<link rel="icon" href="${logo ? links.asset(logo) : "data:,"}">`;
}

export function footer(brand: PortalSettings | undefined): SafeHtml {
  if (!brand || brand.footer.length === 0) return html``;
  return html`<footer class="bottom"><nav aria-label="Footer">${brand.footer.map((link) => html`<a href="${link.url}" rel="noopener">${link.label}</a> `)}</nav></footer>`;
}

const VARIABLES: Record<keyof PortalColors, string> = {
  primary: "--accent",
  header: "--header-bg",
  headerText: "--header-fg",
};

function declarations(colors: PortalColors): string {
  return Object.entries(colors)
    .filter(([name, value]) => name in VARIABLES && typeof value === "string")
    .map(([name, value]) => `${VARIABLES[name as keyof PortalColors]}: ${value};`)
    .join(" ");
}

/**
 * The brand colours as overrides of portal.css's variables, light and dark (dark falls back to the light ones). The
 * values were checked to be plain CSS colours when the config was read, and html`` escapes them all the same.
 */
export function brandStyle(brand: PortalSettings | undefined): SafeHtml {
  if (!brand) return html``;
  const { dark, ...light } = brand.colors;
  const lightRules = declarations(light);
  const darkRules = declarations({ ...light, ...dark });
  if (lightRules === "" && darkRules === "") return html``;
  return html`<style>:root { ${lightRules} } :root[data-theme="dark"] { ${darkRules} } @media (prefers-color-scheme: dark) { :root:not([data-theme]) { ${darkRules} } }</style>`;
}

/** What the page scripts need of the brand: Redoc's theme is built from these colours. */
export function themeConfig(brand: PortalSettings | undefined): { colors: PortalSettings["colors"] } | undefined {
  return brand ? { colors: brand.colors } : undefined;
}
