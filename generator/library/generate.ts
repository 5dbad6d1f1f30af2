// Turning a config and a spec into written code: the one path `specwright generate`, `npm start` and the library
// share. Lint gate first (error-level conventions refuse the spec), then the model, then the emitters, and the
// output folder is written all-or-nothing.
import { resolve } from "node:path";
import {
  apiModelSettings,
  lintConfigFor,
  modelOptionsFor,
  type ApiModelSettings,
  type SpecwrightConfig,
} from "../config/index.js";
import type { Diagnostic, PresetName } from "../conventions/index.js";
import { bundleSpec, loadSpec, type SpecDocument } from "../load/index.js";
import type { Rename } from "../model/ir.js";
import { ModelError } from "../model/model-error.js";
import { SpecLoadError } from "../load/load-error.js";
import type { NamingStyle } from "../model/method-names.js";
import { writeOutputDir } from "../emit/shared/output-dir.js";
import { configFor, type ConfigInput } from "./config-for.js";

/** One API to build: what the CLI makes of its flags and config, and what `generate()` makes of its options. */
export interface GenerateJob extends ApiModelSettings {
  name: string;
  spec: string;
  out: string;
  client: boolean;
  server: boolean;
  /** Lint preset gating generation; absent: the config's `extends`. */
  preset: PresetName | undefined;
  /** Also write the client's tanstack-query.ts (`--tanstack-query`, else the api entry's `tanstackQuery`). */
  tanstackQuery: boolean;
  config: SpecwrightConfig;
}

export type JobResult =
  | { status: "written"; files: number; document: SpecDocument; warnings: readonly string[]; renames: Rename[] }
  | { status: "lint-failed"; diagnostics: Diagnostic[]; report: string; document: SpecDocument };

export interface JobOptions {
  /** False skips the lint gate (third-party specs that follow other conventions). */
  conventions: boolean;
  allowRemoteRefs?: boolean;
}

/** Lints (unless disabled), models and renders one API; writes its output folder in one step. */
export async function runGenerateJob(job: GenerateJob, options: JobOptions, cwd = process.cwd()): Promise<JobResult> {
  const document = await loadSpec(job.spec, { allowRemoteRefs: options.allowRemoteRefs });
  if (options.conventions) {
    // Loaded on demand: a run without the lint gate (third-party specs) or without a server skips their start-up cost.
    const [{ lintDocument }, { formatDiagnostics }] = await Promise.all([
      import("../conventions/index.js"),
      import("./format.js"),
    ]);
    const errors = lintDocument(document, lintConfigFor(job.config, document.rootFile, { preset: job.preset })).filter(
      (d) => d.severity === "error",
    );
    if (errors.length > 0) {
      const report = formatDiagnostics(errors, {
        cwd,
        sourceOf: (file) => document.files.get(file)?.text,
        customRules: job.config.customRules,
      });
      return { status: "lint-failed", diagnostics: errors, report, document };
    }
  }
  const bundled = await bundleSpec(document);
  try {
    return await renderJob(job, document, bundled);
  } catch (error) {
    throw locatedModelError(error, document);
  }
}

/**
 * A ModelError (a place in the bundled document and a fix) as a SpecLoadError at file:line:col. In a one-file
 * spec the bundled pointer is the source's; otherwise the error keeps its pointer.
 */
function locatedModelError(error: unknown, document: SpecDocument): unknown {
  if (
    !(error instanceof ModelError) ||
    error.pointer === undefined ||
    (error.file !== undefined && error.file !== document.rootFile) ||
    document.files.size !== 1
  )
    return error;
  const at = { file: document.rootFile, pointer: error.pointer };
  if (document.valueAt(at) === undefined) return error;
  const { line, column } = document.locate(at);
  return new SpecLoadError({ message: error.message, file: document.rootFile, line, column, fix: error.fix });
}

async function renderJob(
  job: GenerateJob,
  document: SpecDocument,
  bundled: Record<string, unknown>,
): Promise<JobResult> {
  // Loaded here, not at the top: the emitters pull in openapi-typescript and the TypeScript compiler (~2 s of CPU),
  // which no other command needs.
  const [{ buildModel }, { renderClient }] = await Promise.all([
    import("../model/build-model.js"),
    import("../emit/client/generate-client.js"),
  ]);
  const model = buildModel(bundled, modelOptionsFor(job.config, job.spec, job));
  const files = new Map<string, string>();
  if (job.client)
    for (const [path, content] of await renderClient(model, bundled, {
      outDir: job.out,
      tanstackQuery: job.tanstackQuery,
    }))
      files.set(path, content);
  const { renderServer } = job.server ? await import("../emit/server/generate-server.js") : { renderServer: undefined };
  if (renderServer)
    for (const [path, content] of await renderServer(model, bundled, job.out, { skipTypes: job.client }))
      files.set(path, content);
  // The server's package.json replaces the client's in a shared folder: it needs the adapter's peer dependency too.
  const manifest = files.get("package.json");
  if (job.client && job.server && job.tanstackQuery && manifest !== undefined) {
    const { withTanstackPeer } = await import("../emit/client/tanstack-view.js");
    files.set("package.json", withTanstackPeer(manifest));
  }
  await writeOutputDir(job.out, files);
  return { status: "written", files: files.size, document, warnings: model.warnings, renames: model.renames };
}

export interface GenerateOptions {
  /** The OpenAPI document. */
  spec: string;
  /** The output folder, replaced as a whole (a server's handlers.ts is kept). */
  out: string;
  /** Write the client SDK (default true unless `server` alone is asked for). */
  client?: boolean;
  /** Write the Express server. */
  server?: boolean;
  /** specwright.config.yaml (a path, or a parsed config); default: the nearest one above the spec. */
  config?: ConfigInput;
  /** Lint preset gating generation; absent: the config's `extends`. */
  preset?: PresetName;
  /** False: generate even when error-level conventions fail (default true). */
  conventions?: boolean;
  /** Grouped client method names; absent: the config's `names`, else the naming rule. */
  names?: NamingStyle;
  /** Also write a TanStack Query adapter beside the client; absent: the config entry's `tanstackQuery`. */
  tanstackQuery?: boolean;
  allowRemoteRefs?: boolean;
}

/**
 * Generates a typed client and/or an Express server for one spec, as `specwright generate SPEC --out DIR` does. The
 * config's entry for the spec (pagination declarations, `autoPagination`, `names`) applies. A spec that breaks an
 * error-level convention is refused: the result is `lint-failed` with the diagnostics, and nothing is written.
 */
export async function generate(options: GenerateOptions): Promise<JobResult> {
  const config = await configFor(options.config, options.spec);
  const api = apiModelSettings(config, options.spec);
  const client = options.client ?? options.server !== true;
  const names = options.names ?? api.names;
  const entry = config.apis.find((candidate) => candidate.spec === resolve(options.spec));
  const tanstackQuery = options.tanstackQuery ?? entry?.tanstackQuery ?? false;
  const job: GenerateJob = {
    name: options.spec,
    spec: options.spec,
    out: resolve(options.out),
    client,
    server: options.server === true,
    preset: options.preset,
    tanstackQuery,
    config,
    ...api,
    ...(names !== undefined ? { names } : {}),
  };
  return runGenerateJob(job, {
    conventions: options.conventions ?? true,
    ...(options.allowRemoteRefs !== undefined ? { allowRemoteRefs: options.allowRemoteRefs } : {}),
  });
}
