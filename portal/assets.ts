import { createRequire } from "node:module";
import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const STATIC_DIR = join(dirname(fileURLToPath(import.meta.url)), "static");

/**
 * Every file the portal serves under /assets/, by URL path, from the installed packages and portal/static.
 * A fixed table rather than a directory mount: nothing outside it can be reached, whatever the URL says.
 */
export function assetTable(): Map<string, string> {
  const redocDir = dirname(require.resolve("redoc/bundles/redoc.standalone.js"));
  const swaggerDir = dirname(require.resolve("swagger-ui-dist/package.json"));
  const table = new Map<string, string>([
    ["redoc/redoc.standalone.js", join(redocDir, "redoc.standalone.js")],
    ["swagger-ui/swagger-ui.css", join(swaggerDir, "swagger-ui.css")],
    ["swagger-ui/swagger-ui-bundle.js", join(swaggerDir, "swagger-ui-bundle.js")],
  ]);
  for (const name of readdirSync(STATIC_DIR)) table.set(`portal/${name}`, join(STATIC_DIR, name));
  return table;
}
