import { existsSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { InvalidArgumentError, type Command } from "commander";
import { lintConfigFor } from "../config/index.js";
// `--config`, else the nearest specwright.config.yaml above the specs folder, else the defaults.
import { portalConfigFor } from "../library/config-for.js";
import type { RunningPortal } from "../../portal/server.js";
import { reportFailure, UsageError } from "./errors.js";
import { builtUnderHeapBound } from "./heap-bound.js";

interface ServeOptions {
  specs: string;
  port: number;
  host: string;
  allowedHosts: string[];
  corsOrigin: string[];
  watch: boolean;
  config?: string;
  cacheDir?: string;
  memoryBudget?: number;
  /** Listen before indexing (default true); `demo` waits, to print how many APIs it serves. */
  indexInBackground?: boolean;
}

interface BuildOptions {
  specs: string;
  out: string;
  config?: string;
  cacheDir: string;
  memoryBudget: number;
  /** Undefined: sized from the largest spec; 0: none. */
  maxHeap?: number;
}

/** Where the index persists between runs, as other tools keep their caches (find-cache-dir's convention). */
const DEFAULT_CACHE_DIR = "node_modules/.cache/specwright";
const CACHE_DIR_OPTION = [
  "--cache-dir <dir>",
  "folder for the persistent spec index (a restart reads only changed specs)",
  DEFAULT_CACHE_DIR,
] as const;
const MEMORY_BUDGET_OPTION = [
  "--memory-budget <MB>",
  "memory for specs loaded on demand, in MB (least recently used leave first)",
  parseMegabytes,
  400,
] as const;
/** A build reads each spec once (and the version before it, for the changelog): memory kept is memory wasted. */
const BUILD_MEMORY_BUDGET_OPTION = [
  "--memory-budget <MB>",
  "memory for specs kept between pages, in MB",
  parseMegabytes,
  64,
] as const;

export function registerPortal(program: Command): void {
  const portal = program
    .command("portal")
    .description(
      "serve every API in a specs folder: Redoc, Swagger UI with mock backends, lint reports, changelogs, spec downloads with CORS",
    )
    .option("-s, --specs <dir>", "folder holding the specs (<api>/v<N>/openapi.yaml, or any OpenAPI file)", "./specs")
    .option("-p, --port <port>", "port to listen on (0 picks a free one)", parsePort, 8080)
    .option("--host <host>", "interface to listen on", "localhost")
    .option(...ALLOWED_HOSTS_OPTION)
    .option(
      "--cors-origin <origin>",
      "another origin allowed to fetch specs and call mocks (repeatable; '*' allows any, without credentials)",
      collectOrigin,
      [],
    )
    .option("--no-watch", "do not reload specs when their files change")
    .option(
      "-c, --config <file>",
      "config file for lint rules and the portal: section (default: the nearest specwright.config.yaml above the specs folder)",
    )
    .option(...CACHE_DIR_OPTION)
    .option(...MEMORY_BUDGET_OPTION)
    .action(async (options: ServeOptions) => {
      try {
        const running = await servePortal(options);
        process.stdout.write(`portal: ${running.url}\n`);
      } catch (error) {
        reportFailure(error);
      }
    });

  portal
    .command("build")
    .description("write the portal as a static site (pages, assets, bundled specs) for any static host")
    .option("-s, --specs <dir>", "folder holding the specs", "./specs")
    .requiredOption("-o, --out <dir>", "output folder (replaced as a whole once the site is complete)")
    .option(
      "-c, --config <file>",
      "config file: lint rules, the portal: section (title, logo, colours, footer links, tagGroupThreshold) and the generate settings the code samples follow (default: the nearest specwright.config.yaml above the specs folder)",
    )
    .option(...CACHE_DIR_OPTION)
    .option(...BUILD_MEMORY_BUDGET_OPTION)
    .option(
      "--max-heap <MB>",
      "bound on the build's JavaScript heap, in MB (default: sized from the largest spec, at least 1024; 0 for none)",
      parseHeapMegabytes,
    )
    .action(async (given: BuildOptions, build: Command) => {
      try {
        const options = withParentOptions(given, build, ["specs", "config", "cacheDir", "memoryBudget"]);
        const specsDir = checkSpecsDir(options.specs);
        if (await builtUnderHeapBound({ specsDir, outDir: resolve(options.out), maxHeap: options.maxHeap })) return;
        const config = await portalConfigFor(specsDir, options.config);
        const [{ buildStaticSite }, { portalIntegrations }] = await Promise.all([
          import("../../portal/static-site.js"),
          import("../../portal/integrations.js"),
        ]);
        const result = await buildStaticSite({
          specsDir,
          outDir: resolve(options.out),
          lintConfigFor: (file) => lintConfigFor(config, file),
          cacheDir: resolve(options.cacheDir),
          memoryBudgetMb: options.memoryBudget,
          brand: config.portal,
          ...portalIntegrations(config),
        });
        process.stdout.write(`portal: wrote ${result.pages} pages for ${result.specs} specs to ${options.out}\n`);
        for (const problem of result.problems) process.stderr.write(`warning: ${problem}\n`);
      } catch (error) {
        reportFailure(error);
      }
    });
}

/**
 * `portal` declares `--specs` and `--config` too, and commander gives an option written after `build` to the
 * command that declares it first, the parent: `portal build --specs DIR` left build with its default. A value the
 * user wrote, on either command, wins over a default.
 */
function withParentOptions<T extends object>(options: T, command: Command, names: readonly (keyof T & string)[]): T {
  const merged = { ...options };
  const parent = command.parent;
  for (const name of names) {
    if (command.getOptionValueSource(name) !== "cli" && parent?.getOptionValueSource(name) === "cli")
      merged[name] = parent.getOptionValue(name) as T[typeof name];
  }
  return merged;
}

/** Starts the portal and stops it cleanly on Ctrl-C / SIGTERM. */
export async function servePortal(options: ServeOptions): Promise<RunningPortal> {
  const specsDir = checkSpecsDir(options.specs);
  const config = await portalConfigFor(specsDir, options.config);
  // Loaded on demand: Express, Redoc's assets and the page renderers are of no use to the other commands.
  const [{ startPortal }, { portalIntegrations }] = await Promise.all([
    import("../../portal/server.js"),
    import("../../portal/integrations.js"),
  ]);
  let running: RunningPortal;
  try {
    running = await startPortal({
      specsDir,
      port: options.port,
      host: options.host,
      allowedHosts: options.allowedHosts,
      corsOrigins: options.corsOrigin,
      watch: options.watch,
      cacheDir: resolve(options.cacheDir ?? DEFAULT_CACHE_DIR),
      memoryBudgetMb: options.memoryBudget ?? 400,
      indexInBackground: options.indexInBackground ?? true,
      lintConfigFor: (file) => lintConfigFor(config, file),
      brand: config.portal,
      ...portalIntegrations(config),
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EADDRINUSE" || code === "EACCES")
      throw new UsageError(
        `cannot listen on ${options.host}:${options.port} (${code})`,
        "pick another port with --port (or --port 0 for any free one)",
      );
    throw error;
  }
  const stop = () => void running.close().then(() => process.exit(0));
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  return running;
}

function checkSpecsDir(dir: string): string {
  const path = resolve(dir);
  if (!existsSync(path) || !statSync(path).isDirectory())
    throw new UsageError(
      `specs folder not found: ${dir}`,
      "pass the folder that holds your OpenAPI files with --specs",
    );
  return path;
}

function parseHeapMegabytes(value: string): number {
  const mb = Number(value);
  if (!Number.isInteger(mb) || mb < 0)
    throw new InvalidArgumentError("expected a whole number of megabytes (e.g. 2048), or 0 for no bound");
  return mb;
}

function parseMegabytes(value: string): number {
  const mb = Number(value);
  if (!Number.isFinite(mb) || mb < 1)
    throw new InvalidArgumentError("expected a number of megabytes, at least 1 (e.g. 400)");
  return mb;
}

export function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new InvalidArgumentError("expected a port number from 0 to 65535");
  return port;
}

/**
 * `--allowed-hosts a,b`: the host names the portal answers to besides localhost names, IP addresses and `--host`
 * (every other `Host` header is refused, against DNS rebinding). Shared with `demo`.
 */
export const ALLOWED_HOSTS_OPTION = [
  "--allowed-hosts <names>",
  "more host names to answer to, comma-separated (.example.com allows a domain and its subdomains); localhost names, IP addresses and --host always are",
  collectHosts,
  [] as string[],
] as const;

const HOST_NAME = /^\.?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.?$/i;

function collectHosts(value: string, previous: string[]): string[] {
  const names = value
    .split(",")
    .map((name) => name.trim())
    .filter(Boolean);
  const bad = names.find((name) => !HOST_NAME.test(name));
  if (bad !== undefined || names.length === 0) {
    throw new InvalidArgumentError(
      `not a host name: ${bad ?? value} (expected names such as docs.example.com or .example.com, comma-separated, no port or scheme)`,
    );
  }
  return [...previous, ...names];
}

function collectOrigin(value: string, previous: string[]): string[] {
  if (value === "*") return [...previous, value];
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new InvalidArgumentError(
      `not an origin: ${value} (expected scheme://host[:port], e.g. https://app.example.com)`,
    );
  }
  if (!/^https?:$/.test(url.protocol) || url.origin !== value.replace(/\/$/, "")) {
    throw new InvalidArgumentError(
      `not an origin: ${value} (expected scheme://host[:port] with no path, e.g. https://app.example.com)`,
    );
  }
  return [...previous, url.origin];
}
