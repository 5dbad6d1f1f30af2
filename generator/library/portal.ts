import { resolve } from "node:path";
import { lintConfigFor } from "../config/index.js";
import { createPortal as createPortalApp, type PortalApp } from "../../portal/server.js";
import { portalIntegrations } from "../../portal/integrations.js";
import { portalConfigFor, type ConfigInput } from "./config-for.js";

export interface CreatePortalOptions {
  /** The folder holding the specs (`<api>/v<N>/openapi.yaml`, or any OpenAPI file). */
  specs: string;
  /** Lint rules, model settings and `portal:` branding; default: the nearest specwright.config.yaml above the specs folder. */
  config?: ConfigInput;
  /** Origins allowed to fetch specs and call the mocks (`*` for any, without credentials). */
  corsOrigins?: string[];
  /** Host names answered besides localhost names and IP addresses (`.example.com` for a domain and below). */
  allowedHosts?: string[];
  /** Reload specs when their files change (default true). */
  watch?: boolean;
  /** Folder for the persistent index (default: none, the index is built in memory at each start). */
  cacheDir?: string;
  /** MB the loaded specs may take (estimated from their size); default 400. */
  memoryBudgetMb?: number;
}

export type { PortalApp };

/**
 * The docs portal as an Express app, to mount or listen on yourself: the same pages, mocks, lint reports and
 * changelogs as `specwright portal`. Call `app.close()` to stop watching the specs.
 */
export async function createPortal(options: CreatePortalOptions): Promise<PortalApp> {
  const specsDir = resolve(options.specs);
  const config = await portalConfigFor(specsDir, options.config);
  const lintConfig = (file: string) => lintConfigFor(config, file);
  const app = await createPortalApp({
    specsDir,
    lintConfigFor: lintConfig,
    brand: config.portal,
    ...(options.corsOrigins ? { corsOrigins: options.corsOrigins } : {}),
    ...(options.allowedHosts ? { allowedHosts: options.allowedHosts } : {}),
    ...(options.watch !== undefined ? { watch: options.watch } : {}),
    ...(options.cacheDir !== undefined ? { cacheDir: resolve(options.cacheDir) } : {}),
    ...(options.memoryBudgetMb !== undefined ? { memoryBudgetMb: options.memoryBudgetMb } : {}),
    ...portalIntegrations(config),
  });
  return app;
}
