// `specwright generate`: flags and config into jobs (generator/library/generate.ts builds each one). With no spec
// argument every API of specwright.config.yaml is built, in parallel.
import { watch, type FSWatcher } from "node:fs";
import { relative, resolve } from "node:path";
import { Option, type Command } from "commander";
import { PRESET_NAMES, type PresetName } from "../conventions/index.js";
import { configFileForSpec, findConfigFile, loadConfigFile } from "../config/index.js";
import type { SpecDocument } from "../load/index.js";
import type { Rename } from "../model/ir.js";
import type { NamingStyle } from "../model/method-names.js";
import { runGenerateJob, type GenerateJob } from "../library/generate.js";
import { describeFailure, EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, UsageError } from "./errors.js";

export interface GenerateOptions {
  out?: string;
  client?: boolean;
  server?: boolean;
  /** commander's `--no-conventions`: false skips the lint gate. */
  conventions: boolean;
  preset?: PresetName;
  config?: string;
  watch?: boolean;
  allowRemoteRefs?: boolean;
  /** `--names`: overrides the api entry's `names`. */
  names?: NamingStyle;
  /** `--tanstack-query`: the client's TanStack Query adapter for every API generated, whatever the entry says. */
  tanstackQuery?: boolean;
}

export function registerGenerate(program: Command): void {
  program
    .command("generate")
    .description(
      "generate a typed client and/or Express server from a spec (exit 0 written, 1 convention errors, 2 bad usage or unreadable input); without a spec, every API of specwright.config.yaml",
    )
    .argument("[spec]", "the OpenAPI document (default: every API listed in specwright.config.yaml)")
    .option("-o, --out <dir>", "output folder (replaced as a whole; the server's handlers.ts is kept)")
    .option("--client", "generate the client SDK (the default when neither --client nor --server is given)")
    .option("--server", "generate the Express server")
    .option("--no-conventions", "do not stop on convention errors (third-party specs that follow other conventions)")
    .addOption(new Option("--preset <name>", "lint preset gating generation (e.g. minimal)").choices(PRESET_NAMES))
    .option("-c, --config <file>", "config file (default: the nearest specwright.config.yaml)")
    .option("-w, --watch", "regenerate when a spec file changes")
    .option("--allow-remote-refs", "follow $refs to http(s) URLs")
    .option(
      "--tanstack-query",
      "also write tanstack-query.ts beside the client: TanStack Query v5 query, mutation and infinite query options per operation",
    )
    .addOption(
      new Option(
        "--names <style>",
        "grouped client method names: rule (list, get, create, update, replace, delete; else the operationId without the group) or operationId (as they are)",
      ).choices(["rule", "operationId"]),
    )
    .action(async (spec: string | undefined, options: GenerateOptions) => {
      process.exitCode = await runGenerate(spec, options);
    });
}

async function jobsFor(spec: string | undefined, options: GenerateOptions, cwd: string): Promise<GenerateJob[]> {
  const onlyServer = options.server === true && options.client !== true;
  if (spec !== undefined) {
    if (!options.out)
      throw new UsageError(
        "--out is required with a spec argument",
        "e.g. specwright generate specs/petstore/v1/openapi.yaml --out gen/petstore --client",
      );
    const file = resolve(cwd, spec);
    const config = await loadConfigFile(
      options.config !== undefined ? resolve(cwd, options.config) : configFileForSpec(file, cwd),
    );
    const entry = config.apis.find((api) => api.spec === file);
    return [
      {
        name: entry?.name ?? spec,
        spec,
        out: resolve(cwd, options.out),
        client: !onlyServer,
        server: options.server === true,
        preset: options.preset ?? entry?.preset,
        pagination: entry?.pagination ?? {},
        ...(entry?.autoPagination !== undefined ? { autoPagination: entry.autoPagination } : {}),
        ...namesFor(options, entry?.names),
        tanstackQuery: options.tanstackQuery === true || entry?.tanstackQuery === true,
        config,
      },
    ];
  }
  const configFile = options.config !== undefined ? resolve(cwd, options.config) : findConfigFile(cwd);
  if (!configFile)
    throw new UsageError(
      "no spec given and no specwright.config.yaml found",
      "pass a spec and --out, or list APIs under `apis:` in specwright.config.yaml",
    );
  const config = await loadConfigFile(configFile);
  if (config.apis.length === 0)
    throw new UsageError(
      `${relative(cwd, configFile)} lists no APIs`,
      "add entries under `apis:` (name, spec, out, client, server)",
    );
  const flags = options.client === true || options.server === true;
  return config.apis.map((api) => ({
    name: api.name,
    spec: relative(cwd, api.spec) || api.spec,
    out: api.out,
    client: flags ? options.client === true : api.client,
    server: flags ? options.server === true : api.server,
    preset: options.preset ?? api.preset,
    pagination: api.pagination,
    ...(api.autoPagination !== undefined ? { autoPagination: api.autoPagination } : {}),
    ...namesFor(options, api.names),
    tanstackQuery: options.tanstackQuery === true || api.tanstackQuery === true,
    config,
  }));
}

function namesFor(options: GenerateOptions, configured: NamingStyle | undefined): { names?: NamingStyle } {
  const names = options.names ?? configured;
  return names !== undefined ? { names } : {};
}

export async function runGenerate(
  spec: string | undefined,
  options: GenerateOptions,
  cwd = process.cwd(),
): Promise<number> {
  const jobs = await jobsFor(spec, options, cwd);
  const documents = new Map<GenerateJob, SpecDocument>();
  const runOne = async (job: GenerateJob): Promise<number> => {
    const started = Date.now();
    const what = [job.client ? "client" : "", job.server ? "server" : ""].filter(Boolean).join("+");
    try {
      const result = await runGenerateJob(job, options, cwd);
      documents.set(job, result.document);
      if (result.status === "lint-failed") {
        process.stdout.write(result.report);
        process.stderr.write(
          `✗ ${job.name}: convention errors, nothing generated (fix them, or use --no-conventions / --preset minimal)\n`,
        );
        return EXIT_PROBLEMS;
      }
      for (const warning of result.warnings) process.stderr.write(`warning: ${job.name}: ${warning}\n`);
      process.stderr.write(
        `✓ ${job.name}: ${what} -> ${relative(cwd, job.out) || "."} (${result.files} files, ${((Date.now() - started) / 1000).toFixed(1)} s)\n`,
      );
      process.stderr.write(renameReport(job.name, result.renames));
      return EXIT_OK;
    } catch (error) {
      if (error instanceof UsageError) throw error;
      process.stderr.write(`✗ ${job.name}: ${describeFailure(error, cwd)}\n`);
      return EXIT_USAGE;
    }
  };
  const codes = await Promise.all(jobs.map(runOne));
  if (options.watch) {
    watchJobs(jobs, documents, runOne);
    return new Promise<number>(() => undefined);
  }
  return Math.max(...codes);
}

/** Re-runs a job when any file of its spec changes (debounced); the file set is refreshed after each run. */
function watchJobs(
  jobs: GenerateJob[],
  documents: Map<GenerateJob, SpecDocument>,
  runOne: (job: GenerateJob) => Promise<number>,
): void {
  for (const job of jobs) {
    let watchers: FSWatcher[] = [];
    let timer: NodeJS.Timeout | undefined;
    const arm = () => {
      watchers.forEach((watcher) => watcher.close());
      const files = documents.get(job) ? [...documents.get(job)!.files.keys()] : [resolve(job.spec)];
      watchers = files.map((file) =>
        watch(file, () => {
          clearTimeout(timer);
          timer = setTimeout(() => void runOne(job).then(arm), 150);
        }),
      );
    };
    arm();
  }
  process.stderr.write(`watching ${jobs.length} ${jobs.length === 1 ? "API" : "APIs"} for changes (Ctrl-C to stop)\n`);
}

/** Renamed parameters one by one (a caller must write the new key); resolved method names as a count (the README lists them). */
function renameReport(api: string, renames: readonly Rename[]): string {
  const lines = renames
    .filter((rename) => rename.kind === "parameter")
    .map(
      (rename) =>
        `  ${api}: ${rename.operation}: ${rename.where} is the params key \`${rename.got}\` (${rename.reason.replace(/`/g, "")})\n`,
    );
  const methods = renames.filter((rename) => rename.kind === "method").length;
  if (methods > 0)
    lines.push(
      `  ${api}: ${methods} grouped method name${methods === 1 ? "" : "s"} resolved to keep names unique (listed in the client README)\n`,
    );
  return lines.join("");
}
