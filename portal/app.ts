import { basename, dirname } from "node:path";
import express, { type NextFunction, type Request, type Response } from "express";
import helmet from "helmet";
import { defaultPortalSettings, type PortalSettings } from "../generator/config/index.js";
import { ALL_RULES } from "../generator/conventions/index.js";
import { assetTable } from "./assets.js";
import type { SpecCatalog } from "./catalog/catalog.js";
import { entryKey, type SpecEntry } from "./catalog/spec-entry.js";
import { changelogFor, type DiffEngine } from "./changelog.js";
import type { CorsPolicy } from "./cors-policy.js";
import { codeSamplesFor, type CodeSamplesFor } from "./code-samples.js";
import { downloadOf, referenceOf, tagIndexOf, type Download, type SpecFormat } from "./downloads.js";
import { HostPolicy } from "./host-policy.js";
import { html } from "./html.js";
import type { LiveEvents } from "./live-events.js";
import type { MockBackends } from "./mock/mock-backends.js";
import { renderChangelogPage } from "./pages/changelog-page.js";
import { renderIndexPage } from "./pages/index-page.js";
import { logoAsset } from "./pages/brand.js";
import { searchJson } from "./pages/search-json.js";
import { parseSearchQuery, searchCatalog, API_PAGE_SIZE } from "./catalog/search.js";
import { renderPage } from "./pages/layout.js";
import { renderLintPage } from "./pages/lint-page.js";
import { Links } from "./pages/links.js";
import { renderRedocPage, type ApiPageInput } from "./pages/redoc-page.js";
import { renderRulesPage } from "./pages/rules-page.js";
import { renderSwaggerPage } from "./pages/swagger-page.js";
import { findTagGroup } from "./catalog/tag-groups.js";
import { apiViews, versionView } from "./catalog/api-views.js";
import type { LoadedSpec } from "./catalog/loaded-spec.js";
import { inertResponses } from "./mock/inert-responses.js";
import { sendProblem } from "./mock/problem.js";
import { contentSecurityPolicy, INERT_CSP, tryItOrigins } from "./security.js";

export interface PortalAppOptions {
  catalog: SpecCatalog;
  cors: CorsPolicy;
  mocks: MockBackends;
  /** The host names served (default: localhost names and IP addresses only). */
  hosts?: HostPolicy;
  diff?: DiffEngine;
  live?: LiveEvents;
  /** The reference's code samples (default: built with the default model settings). */
  codeSamples?: CodeSamplesFor;
  /** The `portal:` settings of the config: branding, tag-group threshold, OAuth2 client. */
  brand?: PortalSettings;
}

const links = new Links("/");

/** The portal's routes: pages, assets, spec downloads, mocks, health. Every unknown or traversing path is a 404. */
export function createPortalApp(options: PortalAppOptions): express.Express {
  const { catalog, cors, mocks } = options;
  const samples = options.codeSamples ?? codeSamplesFor();
  const brand = options.brand ?? defaultPortalSettings();
  const assets = assetTable(brand);
  const logo = logoAsset(brand);
  const app = express();
  app.disable("x-powered-by");
  app.set("query parser", "simple");
  app.use((options.hosts ?? new HostPolicy()).middleware());
  app.use(helmet({ contentSecurityPolicy: false, crossOriginEmbedderPolicy: false }));
  const frame = () => ({ liveGeneration: options.live ? catalog.generation : undefined, brand });

  app.get("/healthz", (_req, res) => {
    const entries = catalog.entries();
    res.json({ status: "ok", apis: entries.length, broken: entries.filter((entry) => entry.problem).length });
  });

  if (options.live) {
    const live = options.live;
    app.get("/_events", (req, res) => live.subscribe(req, res));
  }

  app.get("/assets/*path", (req, res, next) => {
    const path = (req.params.path as unknown as string[]).join("/");
    const file = assets.get(path);
    if (!file) return next();
    for (const [name, value] of Object.entries(assetHeaders(path, logo, brand))) res.setHeader(name, value);
    // `root`: only the file's own name is checked for dotfiles (the patched Redoc bundle lives under node_modules/.cache).
    res.sendFile(basename(file), { root: dirname(file), maxAge: "1h", dotfiles: "deny" });
  });

  app.get("/", (req, res) => {
    const query = parseSearchQuery(req.query);
    const result = searchCatalog(catalog, query);
    const everyApi = result.allApis <= API_PAGE_SIZE ? apiViews(catalog) : undefined;
    sendPage(res, renderIndexPage({ result, query, links, everyApi, progress: catalog.progress, frame: frame() }));
  });

  app.get("/search.json", (req, res) => {
    const query = parseSearchQuery(req.query);
    res.setHeader("Cache-Control", "no-cache");
    res.json(searchJson(searchCatalog(catalog, query), query, links, catalog.progress));
  });

  app.get("/rules", (_req, res) => sendPage(res, renderRulesPage(ALL_RULES, links, frame())));

  type Loaded = { entry: SpecEntry; loaded: LoadedSpec | undefined };
  /** `tryIt`: the Swagger UI page, which connects to the spec's servers and token endpoints and opens OAuth2 popups. */
  const apiPage = (
    render: (input: ApiPageInput, found: Loaded, req: Request) => Promise<string | undefined> | string | undefined,
    tryIt = false,
  ) => {
    return async (req: Request, res: Response, next: NextFunction) => {
      const entry = catalog.find(String(req.params.api), String(req.params.version));
      if (!entry) return next();
      const loaded = await catalog.load(entry);
      const input: ApiPageInput = {
        current: versionView(catalog, entry),
        versions: catalog.versionsOf(entry.api).map((other) => versionView(catalog, other)),
        loaded,
        links,
        frame: frame(),
      };
      const page = await render(input, { entry, loaded }, req);
      if (page === undefined) return next();
      sendPage(res, page, tryIt && loaded ? tryItOrigins(loaded) : [], tryIt);
    };
  };
  app.get(
    "/apis/:api/:version",
    apiPage((input) => renderRedocPage(input)),
  );
  app.get(
    "/apis/:api/:version/tags/:tag",
    apiPage((input, { loaded }, req) => {
      const tag = loaded && findTagGroup(loaded.bundled, String(req.params.tag));
      return tag ? renderRedocPage({ ...input, tag }) : undefined;
    }),
  );
  app.get(
    "/apis/:api/:version/swagger",
    apiPage((input) => renderSwaggerPage({ ...input, withMock: true }), true),
  );
  app.get(
    "/apis/:api/:version/lint",
    apiPage((input, { entry, loaded }) =>
      renderLintPage({
        ...input,
        diagnostics: loaded ? catalog.lintOf(loaded, entry.file) : [],
        relative: (file) => catalog.relative(file),
      }),
    ),
  );
  app.get(
    "/apis/:api/:version/changelog",
    apiPage(async (input, { entry }) =>
      renderChangelogPage({ ...input, changelog: await changelogFor(catalog, entry, options.diff) }),
    ),
  );

  const downloadCors = cors.forDownloads();
  app.options("/specs/:api/:version/:file", downloadCors);
  const sendDownload = async (req: Request, res: Response, download: Download, filename: string) => {
    res.setHeader("Cross-Origin-Resource-Policy", "cross-origin");
    res.setHeader("Content-Type", download.contentType);
    res.setHeader("ETag", download.etag);
    res.setHeader("Cache-Control", "no-cache");
    res.setHeader("Vary", "Origin, Accept-Encoding");
    res.setHeader("Content-Disposition", `inline; filename="${filename}"`);
    // JSON and YAML are shown as text, and nosniff (helmet) keeps them so; the policy is for a browser that would not.
    res.setHeader("Content-Security-Policy", INERT_CSP);
    if (req.fresh) return void res.status(304).end();
    const gzip = req.acceptsEncodings("gzip", "identity") === "gzip";
    if (gzip) res.setHeader("Content-Encoding", "gzip");
    res.end(gzip ? download.gzipped : download.body);
  };
  app.get("/specs/:api/:version/reference.json", downloadCors, async (req, res, next) => {
    const entry = catalog.find(String(req.params.api), String(req.params.version));
    const loaded = entry && (await catalog.load(entry));
    if (!entry || !loaded) return next();
    await sendDownload(req, res, await referenceOf(loaded, samples), `${entry.api}-${entry.version}-reference.json`);
  });
  app.options("/specs/:api/:version/tags/index.json", downloadCors);
  app.get("/specs/:api/:version/tags/index.json", downloadCors, async (req, res, next) => {
    const entry = catalog.find(String(req.params.api), String(req.params.version));
    const loaded = entry && (await catalog.load(entry));
    if (!entry || !loaded) return next();
    await sendDownload(req, res, await tagIndexOf(loaded), `${entry.api}-${entry.version}-tags.json`);
  });
  app.get("/specs/:api/:version/tags/:tag/reference.json", downloadCors, async (req, res, next) => {
    const entry = catalog.find(String(req.params.api), String(req.params.version));
    const loaded = entry && (await catalog.load(entry));
    const tag = loaded && findTagGroup(loaded.bundled, String(req.params.tag));
    if (!entry || !loaded || !tag) return next();
    await sendDownload(
      req,
      res,
      await referenceOf(loaded, samples, tag),
      `${entry.api}-${entry.version}-${tag.slug}-reference.json`,
    );
  });
  app.get("/specs/:api/:version/:file", downloadCors, async (req, res, next) => {
    const format = ({ "openapi.json": "json", "openapi.yaml": "yaml" } as Record<string, SpecFormat>)[
      String(req.params.file)
    ];
    const entry = catalog.find(String(req.params.api), String(req.params.version));
    const loaded = format && entry && (await catalog.load(entry));
    if (!format || !entry || !loaded) return next();
    await sendDownload(req, res, await downloadOf(loaded, format), `${entry.api}-${entry.version}.${format}`);
  });
  app.options("/specs/:api/:version/tags/:tag/openapi.json", downloadCors);
  app.get("/specs/:api/:version/tags/:tag/openapi.json", downloadCors, async (req, res, next) => {
    const entry = catalog.find(String(req.params.api), String(req.params.version));
    const loaded = entry && (await catalog.load(entry));
    const tag = loaded && findTagGroup(loaded.bundled, String(req.params.tag));
    if (!entry || !loaded || !tag) return next();
    await sendDownload(
      req,
      res,
      await downloadOf(loaded, "json", tag),
      `${entry.api}-${entry.version}-${tag.slug}.json`,
    );
  });

  // inertResponses first: whatever answers below it (the mock, CORS, this 404) goes out inert.
  app.use("/mock/:api/:version", inertResponses, cors.forMocks(), async (req, res, next) => {
    const entry = catalog.find(String(req.params.api), String(req.params.version));
    const loaded = entry && (await catalog.load(entry));
    if (!entry || !loaded) {
      return sendProblem(res, 404, "Not Found", "no API of this portal has that name and version");
    }
    res.setHeader("Cross-Origin-Resource-Policy", "cross-origin");
    const handler = await mocks.handlerFor(loaded, entryKey(entry));
    handler(req, res, next);
  });

  app.use((_req, res) => {
    res.status(404);
    sendPage(
      res,
      renderPage({
        title: "Not found",
        links,
        brand,
        body: html`<h1>Not found</h1><p>Nothing here. <a href="/">All APIs</a></p>`,
      }),
    );
  });

  app.use((error: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(error);
    const status = statusOf(error);
    if (status >= 500) process.stderr.write(`portal: ${error instanceof Error ? error.message : String(error)}\n`);
    res.status(status);
    sendPage(
      res,
      renderPage({
        title: "Error",
        links,
        brand,
        body: html`<h1>${status >= 500 ? "Something went wrong" : "Bad request"}</h1>`,
      }),
    );
  });
  return app;
}

/**
 * Headers of the assets that are not plain scripts and styles: the logo (an SVG could hold script: sandboxed, with the
 * content type its extension was checked for) and the OAuth2 redirect page, which must keep its `window.opener`
 * (the Swagger UI page) after the authorization server's pages: COOP unsafe-none (HTML spec §7.1.3.1).
 */
function assetHeaders(path: string, logo: string | undefined, brand: PortalSettings): Record<string, string> {
  if (path === logo && brand.logo)
    return { "Content-Type": brand.logo.contentType, "Content-Security-Policy": INERT_CSP };
  if (path === "swagger-ui/oauth2-redirect.html")
    return { "Content-Security-Policy": contentSecurityPolicy(), "Cross-Origin-Opener-Policy": "unsafe-none" };
  return {};
}

function sendPage(res: Response, page: string, connectTo: string[] = [], popups = false): void {
  res.setHeader("Content-Security-Policy", contentSecurityPolicy(connectTo));
  // The Swagger UI page opens the OAuth2 authorization popup and must keep talking to it.
  if (popups) res.setHeader("Cross-Origin-Opener-Policy", "same-origin-allow-popups");
  res.setHeader("Cache-Control", "no-cache");
  res.type("html").send(page);
}

/** A client mistake (a malformed URL escape, a bad body) keeps its 4xx; anything else is ours. */
function statusOf(error: unknown): number {
  const status =
    (error as { status?: unknown; statusCode?: unknown } | null)?.status ??
    (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === "number" && status >= 400 && status < 600 ? status : 500;
}
