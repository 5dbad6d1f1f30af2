import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { PortalSettings } from "../generator/config/index.js";
import { logoAsset } from "./pages/brand.js";
import { SPECWRIGHT_CACHE } from "../generator/load/cache-dir.js";

const require = createRequire(import.meta.url);
const STATIC_DIR = join(dirname(fileURLToPath(import.meta.url)), "static");
const CACHE_DIR = join(SPECWRIGHT_CACHE, "assets");

/**
 * Every file the portal serves under /assets/, by URL path, from the installed packages, portal/static and the
 * config's logo. A fixed table rather than a directory mount: nothing outside it can be reached, whatever the URL says.
 */
export function assetTable(brand?: PortalSettings): Map<string, string> {
  const redocDir = dirname(require.resolve("redoc/bundles/redoc.standalone.js"));
  const swaggerDir = dirname(require.resolve("swagger-ui-dist/package.json"));
  const table = new Map<string, string>([
    ["redoc/redoc.standalone.js", localRedocBundle(join(redocDir, "redoc.standalone.js"))],
    ["swagger-ui/swagger-ui.css", join(swaggerDir, "swagger-ui.css")],
    ["swagger-ui/swagger-ui-bundle.js", join(swaggerDir, "swagger-ui-bundle.js")],
    // The OAuth2 popup lands here and hands the code to the opener (Swagger UI); it loads its script from beside it.
    ["swagger-ui/oauth2-redirect.html", join(swaggerDir, "oauth2-redirect.html")],
    ["swagger-ui/oauth2-redirect.js", join(swaggerDir, "oauth2-redirect.js")],
  ]);
  for (const name of readdirSync(STATIC_DIR)) table.set(`portal/${name}`, join(STATIC_DIR, name));
  const logo = logoAsset(brand);
  if (logo && brand?.logo) table.set(logo, brand.logo.file);
  return table;
}

/** Redoc's sidebar shows Redocly's logo from its CDN, unconditionally; the portal loads nothing from other origins. */
const REDOC_CDN_LOGO = "https://cdn.redoc.ly/redoc/logo-mini.svg";
/** An empty SVG in its place (img-src allows data:): the image loads, so Redoc keeps its "API docs by Redocly" link. */
const EMPTY_SVG = "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' width='1' height='1'/%3E";

/** The Redoc bundle with the CDN logo replaced, written once per bundle content under node_modules/.cache. */
function localRedocBundle(file: string): string {
  const source = readFileSync(file, "utf8");
  if (!source.includes(REDOC_CDN_LOGO)) return file;
  const hash = createHash("sha256").update(source).digest("hex").slice(0, 16);
  const patched = join(CACHE_DIR, `redoc.standalone-${hash}.js`);
  if (!existsSync(patched)) {
    mkdirSync(CACHE_DIR, { recursive: true });
    const temp = `${patched}.${process.pid}.tmp`;
    writeFileSync(temp, source.split(REDOC_CDN_LOGO).join(EMPTY_SVG));
    renameSync(temp, patched);
  }
  return patched;
}
