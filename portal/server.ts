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
 * Loads the specs and starts watching them; resolves once every spec has been loaded once. Lint runs in the
 * background (`catalog.lintAll()`): the first lint page view waits for it.
 */
export async function createPortal(options: Omit<PortalOptions, "port">): Promise<PortalApp> {
  const catalog = new SpecCatalog(options.specsDir, { lintConfigFor: options.lintConfigFor });
  const watching = options.watch ?? true;
  if (watching) catalog.watch();
  await catalog.refresh();
  const live = watching ? new LiveEvents(catalog) : undefined;
  const hosts = new HostPolicy([options.host ?? "localhost", ...(options.allowedHosts ?? [])]);
  const mocks = new MockBackends(options.mockFactory);
  // An edited or removed spec's mock goes with its load. Not on close: a restart reuses the generated folders.
  const dropOldMocks = () => void mocks.retainOnly(catalog.entries().flatMap((entry) => (entry.current ? [entry.current] : [])));
  catalog.on("change", dropOldMocks);
  const app = createPortalApp({ catalog, cors: new CorsPolicy(options.corsOrigins), mocks, hosts, diff: options.diff, live, codeSamples: options.codeSamples, brand: options.brand });
  return Object.assign(app, {
    catalog,
    close: () => {
      catalog.close();
      catalog.off("change", dropOldMocks);
      live?.close();
    },
  });
}

/** Loads the specs, starts watching them and listens; resolves once every spec has been loaded once. */
export async function startPortal(options: PortalOptions): Promise<RunningPortal> {
  const app = await createPortal(options);
  const host = options.host ?? "localhost";
  const server = await listen(app, options.port ?? 8080, host);
  const { port } = server.address() as AddressInfo;
  // Lint after listening, so a large spec does not delay the first page; the first lint page view waits for it.
  setImmediate(() => app.catalog.lintAll());
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
