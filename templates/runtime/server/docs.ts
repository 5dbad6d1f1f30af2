// The API's own reference, served when the router is built with `docs`: Redoc at {base}/docs, Swagger UI at
// {base}/docs/swagger (its "try it out" calls this server), the bundled document at {base}/openapi.json and
// {base}/openapi.yaml. The page assets come from the installed `redoc` and `swagger-ui-dist` packages (optional peer
// dependencies), resolved from this file, never from a CDN; the pages run no inline script (CSP script-src 'self').
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { IRoute, Request, RequestHandler, Response, Router } from "express";

export interface DocsOptions {
  /** Where the two pages live, under the base path (default "/docs"); move them when the spec has a `/docs` path. */
  path?: string;
}

/** The bundled document as the generator wrote it next to server.ts. */
export interface DocsDocuments {
  json: URL;
  yaml: URL;
}

export interface DocsMount {
  basePath: string;
  options: true | DocsOptions;
  title: string;
  documents: DocsDocuments | undefined;
  /** The spec's path templates, relative to the base path. */
  specPaths: readonly string[];
  /** Adds the OPTIONS answer (CORS preflight or Allow) and the 405 to one of the docs routes. */
  close(route: IRoute, allow: readonly string[]): void;
}

/**
 * Pages: scripts from this server only; inline styles because Redoc (styled-components) and Swagger UI inject
 * <style>; blob: workers for Redoc's search; "try it out" may only reach this server (connect-src 'self').
 */
const PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");
/** The documents themselves: nothing loads or runs if a browser renders one. */
const DOCUMENT_CSP = "default-src 'none'; sandbox";

const REDOC_INIT = `// Renders the reference with Redoc; \`sanitize\` strips HTML from the spec's Markdown.
(function () {
  var target = document.getElementById("redoc");
  if (!target || !window.Redoc) return;
  window.Redoc.init(target.getAttribute("data-spec-url"), { sanitize: true, expandResponses: "200,201" }, target, function (error) {
    if (error) target.setAttribute("data-redoc-error", String(error.message || error));
    else target.setAttribute("data-redoc-ready", "true");
  });
})();
`;

const SWAGGER_INIT = `// Swagger UI whose "try it out" calls this server: its base URL replaces the spec's servers at every level.
(function () {
  var target = document.getElementById("swagger-ui");
  if (!target || !window.SwaggerUIBundle) return;
  fetch(target.getAttribute("data-spec-url"), { credentials: "same-origin" })
    .then(function (response) {
      if (!response.ok) throw new Error("spec download failed: HTTP " + response.status);
      return response.json();
    })
    .then(function (spec) {
      spec.servers = [{ url: target.getAttribute("data-server-url"), description: "This server" }];
      Object.keys(spec.paths || {}).forEach(function (path) {
        var item = spec.paths[path];
        if (!item || typeof item !== "object") return;
        delete item.servers;
        Object.keys(item).forEach(function (key) {
          if (item[key] && typeof item[key] === "object" && !Array.isArray(item[key])) delete item[key].servers;
        });
      });
      target.textContent = "";
      window.SwaggerUIBundle({
        spec: spec,
        domNode: target,
        queryConfigEnabled: false,
        tryItOutEnabled: true,
        deepLinking: false,
        presets: [window.SwaggerUIBundle.presets.apis],
        layout: "BaseLayout",
      });
    })
    .catch(function (error) {
      target.textContent = String(error.message || error);
    });
})();
`;

/** The spec documents' paths, relative to the base path. */
const DOCUMENT_PATHS = ["/openapi.json", "/openapi.yaml"];

/** Adds the docs routes to `router`; throws at startup when a package is missing or a spec path is in the way. */
export function mountDocs(router: Router, mount: DocsMount): void {
  const docsPath = normaliseDocsPath(mount.options === true ? undefined : mount.options.path);
  if (mount.documents === undefined)
    throw new Error("createRouter: docs needs the generated openapi.json and openapi.yaml; regenerate the server");
  checkNoCollision(mount.specPaths, docsPath);
  const assets = assetFiles();
  const documents = mount.documents;
  const allow = ["GET", "HEAD", "OPTIONS"];
  const add = (path: string, handler: RequestHandler): void => {
    const route = router.route(escapeLiteral(mount.basePath + path));
    route.get(handler);
    mount.close(route, allow);
  };
  // Links are built per request from req.baseUrl, so the pages work wherever the app mounts the router.
  const prefix = (req: Request): string => `${req.baseUrl}${mount.basePath}`;
  add(docsPath, (req, res) => sendPage(res, redocPage(mount.title, prefix(req), docsPath)));
  add(`${docsPath}/swagger`, (req, res) => sendPage(res, swaggerPage(mount.title, prefix(req), docsPath)));
  // dotfiles allowed: the paths are fixed here, and may lie in a dot folder (pnpm's node_modules/.pnpm).
  for (const [name, file] of assets) {
    add(`${docsPath}/assets/${name}`, (_req, res, next) => {
      res.setHeader("X-Content-Type-Options", "nosniff");
      res.sendFile(file, { dotfiles: "allow" }, (error) => error && next(error));
    });
  }
  for (const [name, script] of [
    ["redoc-init.js", REDOC_INIT],
    ["swagger-init.js", SWAGGER_INIT],
  ] as const) {
    add(`${docsPath}/assets/${name}`, (_req, res) => {
      res.setHeader("X-Content-Type-Options", "nosniff");
      res.type("application/javascript").send(script);
    });
  }
  for (const [path, url, type] of [
    [DOCUMENT_PATHS[0], documents.json, "application/json"],
    [DOCUMENT_PATHS[1], documents.yaml, "application/yaml"],
  ] as const) {
    const file = fileURLToPath(url);
    add(path ?? "", (_req, res, next) => {
      res.sendFile(
        file,
        {
          dotfiles: "allow",
          headers: {
            "Content-Type": `${type}; charset=utf-8`,
            "Content-Security-Policy": DOCUMENT_CSP,
            "X-Content-Type-Options": "nosniff",
          },
        },
        (error) => error && next(error),
      );
    });
  }
}

/** `text` as an Express 5 route matching exactly itself: path-to-regexp syntax (`*`, `(`, `:`, `?`...) escaped. */
function escapeLiteral(text: string): string {
  return text.replace(/[\\{}()[\]+?!:*]/g, (char) => `\\${char}`);
}

function normaliseDocsPath(path: string | undefined): string {
  const trimmed = (path ?? "/docs").replace(/\/+$/, "");
  const absolute = trimmed.startsWith("/") ? trimmed : `/${trimmed}`;
  if (absolute === "" || absolute === "/" || /[{}?#]/.test(absolute)) {
    throw new Error(
      `createRouter: docs.path ${JSON.stringify(path)} must be a literal path below the base path, such as "/_docs"`,
    );
  }
  return absolute;
}

/**
 * The docs routes are added before the operations, so a spec path under them would be shadowed: that is a startup
 * error rather than a silent change of the API. Templated segments (`/{name}`) are not in the way: OpenAPI has
 * concrete paths win over templated ones (3.1 §4.8.8.1 "Path Templating Matching").
 */
function checkNoCollision(specPaths: readonly string[], docsPath: string): void {
  for (const path of specPaths) {
    const normalised = path.replace(/\/+$/, "");
    if (normalised === docsPath || normalised.startsWith(`${docsPath}/`)) {
      throw new Error(
        `createRouter: docs serves ${docsPath}, but the spec has the path ${path}; pass docs: { path: "/_docs" } (or another free path)`,
      );
    }
    if (DOCUMENT_PATHS.includes(normalised)) {
      throw new Error(
        `createRouter: docs serves the document at ${normalised}, but the spec has that path itself; leave docs off`,
      );
    }
  }
}

/** The package files the pages load, by asset name; resolved from the user's project (where this file lives). */
function assetFiles(): Map<string, string> {
  const require = createRequire(import.meta.url);
  const resolve = (specifier: string): string => {
    try {
      return require.resolve(specifier);
    } catch {
      const name = specifier.split("/")[0] ?? specifier;
      throw new Error(
        `createRouter: docs needs the package ${name}, which is not installed; run \`npm install redoc swagger-ui-dist\` (optional peer dependencies of this server)`,
      );
    }
  };
  const swaggerDir = dirname(resolve("swagger-ui-dist/package.json"));
  return new Map([
    ["redoc.standalone.js", resolve("redoc/bundles/redoc.standalone.js")],
    ["swagger-ui-bundle.js", join(swaggerDir, "swagger-ui-bundle.js")],
    ["swagger-ui.css", join(swaggerDir, "swagger-ui.css")],
  ]);
}

function sendPage(res: Response, html: string): void {
  res.setHeader("Content-Security-Policy", PAGE_CSP);
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("Referrer-Policy", "no-referrer");
  res.type("html").send(html);
}

function redocPage(title: string, prefix: string, docsPath: string): string {
  const assets = `${prefix}${docsPath}/assets`;
  return page(
    `${title} – Reference`,
    "",
    `<div id="redoc" data-spec-url="${attr(`${prefix}/openapi.json`)}"></div>
<script src="${attr(`${assets}/redoc.standalone.js`)}"></script>
<script src="${attr(`${assets}/redoc-init.js`)}"></script>`,
  );
}

function swaggerPage(title: string, prefix: string, docsPath: string): string {
  const assets = `${prefix}${docsPath}/assets`;
  return page(
    `${title} – Try it out`,
    `<link rel="stylesheet" href="${attr(`${assets}/swagger-ui.css`)}">`,
    `<div id="swagger-ui" data-spec-url="${attr(`${prefix}/openapi.json`)}" data-server-url="${attr(prefix === "" ? "/" : prefix)}"></div>
<script src="${attr(`${assets}/swagger-ui-bundle.js`)}"></script>
<script src="${attr(`${assets}/swagger-init.js`)}"></script>`,
  );
}

function page(title: string, head: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${attr(title)}</title>
${head}
</head>
<body>
${body}
</body>
</html>
`;
}

/** Text safe in HTML content and in a double-quoted attribute. */
function attr(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
