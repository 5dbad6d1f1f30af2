// Helpers for tests of generated clients: generate into a temp folder, type-check it with tsc (strict).
import { execFile } from "node:child_process";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { generateClient } from "../../generator/emit/client/generate-client.js";
import { bundleSpec, loadSpec } from "../../generator/load/index.js";
import { buildModel, type BuildModelOptions } from "../../generator/model/build-model.js";
import type { ApiModel } from "../../generator/model/ir.js";

const run = promisify(execFile);
const TSC = resolve("node_modules/typescript/bin/tsc");

export async function tempDir(prefix: string): Promise<string> {
  return mkdtemp(join(tmpdir(), `specwright-${prefix}-`));
}

/** Loads, models and generates a client for a spec file into `<dir>/client`. */
export async function generateFromSpec(
  spec: string,
  dir: string,
  options: Omit<BuildModelOptions, "source"> = {},
): Promise<{ model: ApiModel; out: string }> {
  const document = await bundleSpec(await loadSpec(spec));
  const model = buildModel(document, { source: spec, ...options });
  const out = join(dir, "client");
  await generateClient(model, document, out);
  return { model, out };
}

/** Runs `tsc --noEmit` (strict, noUncheckedIndexedAccess) over `files` (relative to `dir`); returns tsc's output. */
export async function typecheck(dir: string, files: string[]): Promise<{ ok: boolean; output: string }> {
  const config = {
    compilerOptions: {
      target: "ES2022",
      module: "NodeNext",
      moduleResolution: "NodeNext",
      lib: ["ES2023", "DOM", "DOM.Iterable"],
      strict: true,
      noUncheckedIndexedAccess: true,
      noImplicitOverride: true,
      verbatimModuleSyntax: true,
      isolatedModules: true,
      noEmit: true,
      skipLibCheck: true,
      types: [],
    },
    files,
  };
  await writeFile(join(dir, "tsconfig.json"), JSON.stringify(config, null, 2));
  await writeFile(join(dir, "package.json"), JSON.stringify({ private: true, type: "module" }));
  try {
    await run(process.execPath, [TSC, "-p", join(dir, "tsconfig.json")], { maxBuffer: 64 * 1024 * 1024 });
    return { ok: true, output: "" };
  } catch (error) {
    const failure = error as { stdout?: string; stderr?: string; message: string };
    return { ok: false, output: (failure.stdout ?? "") + (failure.stderr ?? "") || failure.message };
  }
}

/** Writes `spec` (YAML text) into a new temp folder and generates its client into `<dir>/client`. */
export async function generateFromSpecText(prefix: string, spec: string): Promise<{ dir: string; out: string }> {
  const dir = await tempDir(prefix);
  await writeFile(join(dir, "spec.yaml"), spec);
  const { out } = await generateFromSpec(join(dir, "spec.yaml"), dir);
  return { dir, out };
}

/** Writes user code as `<dir>/<file>` and type-checks it; returns tsc's output ("" when it compiles). */
export async function typecheckUsage(dir: string, source: string, file = "usage.ts"): Promise<string> {
  await writeFile(join(dir, file), source);
  return (await typecheck(dir, [file])).output;
}
