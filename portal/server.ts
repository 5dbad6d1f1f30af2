import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import type { PortalSettings } from "../generator/config/index.js";
import type { LintConfig } from "../generator/conventions/index.js";
import { createPortalApp } from "./app.js";
import { SpecCatalog } from "./catalog/catalog.js";
import type { DiffEngine } from "./changelog.js";
import type { CodeSamplesFor } from "./code-samples.js";
import { CorsPolicy } from "./cors-policy.js";
import { HostPolicy } from "./host-policy.js";
import { LiveEvents } from "./live-events.js";
import { MockBackends, type MockFactory } from "./mock/mock-backends.js";

export interface PortalOptions {
  specsDir: string;
  port?: number;
  host?: string;
  /** Host names served besides localhost names, IP addresses and `host` (`.example.com` for a domain and below). */
  allowedHosts?: string[];
  corsOrigins?: string[];
  /** Reload specs when their files change (default true). */
  watch?: boolean;
  lintConfigFor?: (file: string) => LintConfig;
  /** Folder for the persistent index; without one it is built in memory at every start. */
  cacheDir?: string;
  /** MB the loaded specs may take (estimated); default 400. */
  memoryBudgetMb?: number;
  /**
   * Answer at once and index in the background (the index page shows how far it is), rather than resolve once every
   * changed spec has been indexed. What `specwright portal` does.
   */
  indexInBackground?: boolean;
  mockFactory?: MockFactory;
  diff?: DiffEngine;
  codeSamples?: CodeSamplesFor;
  /** The config's `portal:` settings (branding, tag-group threshold, OAuth2 client). */
  brand?: PortalSettings;
}

export interface RunningPortal {
  url: string;
  catalog: SpecCatalog;
  close(): Promise<void>;
}

/** The portal's Express app over a specs folder, for mounting in an app of your own; `close()` stops its watcher. */
export type PortalApp = ReturnType<typeof createPortalApp> & { catalog: SpecCatalog; close(): void };

/**
 * Reads the index, starts watching the specs and indexes the changed ones; resolves once they are indexed, or at once
 * with `indexInBackground`. Specs are loaded when a page, download or mock first asks for them.
 */
export async function createPortal(options: Omit<PortalOptions, "port">): Promise<PortalApp> {
  const catalog = new SpecCatalog(options.specsDir, {
    lintConfigFor: options.lintConfigFor,
    cacheDir: options.cacheDir,
    memoryBudgetMb: options.memoryBudgetMb,
    tagGroupThreshold: options.brand?.tagGroupThreshold,
  });
  const watching = options.watch ?? true;
  await catalog.open();
  if (watching) catalog.watch();
  if (options.indexInBackground) {
    // Once the caller has had a chance to listen: the first page is served from what the index already holds.
    setImmediate(() =>
      catalog
        .refresh()
        .catch((error: unknown) =>
          process.stderr.write(`portal: indexing failed: ${error instanceof Error ? error.message : String(error)}\n`),
        ),
    );
  } else {
    await catalog.refresh();
  }
  const live = watching ? new LiveEvents(catalog) : undefined;
  const hosts = new HostPolicy([options.host ?? "localhost", ...(options.allowedHosts ?? [])]);
  const mocks = new MockBackends(options.mockFactory);
  // An edited or removed spec's mock goes with its load. Not on close: a restart reuses the generated folders.
  const dropOldMocks = () =>
    void mocks.retainOnly(catalog.entries().flatMap((entry) => (entry.current ? [entry.current] : [])));
  catalog.on("change", dropOldMocks);
  catalog.on("evict", dropOldMocks);
  const app = createPortalApp({
    catalog,
    cors: new CorsPolicy(options.corsOrigins),
    mocks,
    hosts,
    diff: options.diff,
    live,
    codeSamples: options.codeSamples,
    brand: options.brand,
  });
  return Object.assign(app, {
    catalog,
    close: () => {
      catalog.close();
      catalog.off("change", dropOldMocks);
      catalog.off("evict", dropOldMocks);
      live?.close();
    },
  });
}

/** `createPortal`, listening; with `indexInBackground` it listens before any spec is read. */
export async function startPortal(options: PortalOptions): Promise<RunningPortal> {
  const app = await createPortal(options);
  const host = options.host ?? "localhost";
  const server = await listen(app, options.port ?? 8080, host);
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${urlHost(host)}:${port}`,
    catalog: app.catalog,
    close: async () => {
      app.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function listen(app: PortalApp, port: number, host: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, host);
    server.once("listening", () => resolve(server));
    server.once("error", reject);
  });
}

function urlHost(host: string): string {
  return host.includes(":") ? `[${host}]` : host;
}
