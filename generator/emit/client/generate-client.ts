// `specwright generate --client`: types.ts (openapi-typescript) + client.ts and README.md (Handlebars over the
// client view model) + the runtime copied in. Deterministic; written all-or-nothing.
import { readdirSync, readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { ApiModel } from "../../model/ir.js";
import { collectGarbage } from "../shared/collect-garbage.js";
import { tidy } from "../shared/format.js";
import { generatedHeader } from "../shared/header.js";
import { writeOutputDir } from "../shared/output-dir.js";
import { loadTemplates } from "../shared/templates.js";
import { GENERATED_DESCRIPTION, isGeneratedPackageJson } from "../server/package-json.js";
import { emitTypes, typesInput } from "../types.js";
import { tanstackView, withTanstackPeer } from "./tanstack-view.js";
import { clientView } from "./view-model.js";

const TEMPLATES_DIR = fileURLToPath(new URL("../../../templates/client/", import.meta.url));
const RUNTIME_DIR = fileURLToPath(new URL("../../../templates/runtime/client/", import.meta.url));
/** The adapter's runtime: copied only with the adapter, since it imports @tanstack/query-core's types. */
const TANSTACK_RUNTIME = "tanstack-query.ts";

export interface GenerateClientOptions {
  /** Skip types.ts (tests of the client templates alone); default false. */
  skipTypes?: boolean;
  /** Also write tanstack-query.ts, TanStack Query v5 options per operation (`--tanstack-query`); default false. */
  tanstackQuery?: boolean;
  /** The output folder: a package.json the user wrote there is kept (the server output's rule too). */
  outDir?: string;
}

/** The output folder's package.json when the user wrote it (not one of ours), else undefined. */
async function usersPackageJson(outDir: string | undefined): Promise<string | undefined> {
  if (outDir === undefined) return undefined;
  const text = await readFile(join(outDir, "package.json"), "utf8").catch(() => undefined);
  return text === undefined || isGeneratedPackageJson(text) ? undefined : text;
}

/** Every file of the client output, by relative path. */
export async function renderClient(
  model: ApiModel,
  bundledDoc: Readonly<Record<string, unknown>>,
  options: GenerateClientOptions = {},
): Promise<Map<string, string>> {
  // types.ts and the request/response views read one repaired copy of the document.
  const types = typesInput(bundledDoc);
  const files = new Map<string, string>();
  if (!options.skipTypes) files.set("types.ts", emitTypes(bundledDoc, model.source, types));
  collectGarbage();
  const templates = loadTemplates(TEMPLATES_DIR);
  const client = clientView(model, bundledDoc, types);
  collectGarbage();
  // The README tells how to enable the adapter when it is off, and how to use it when it is on.
  const view = { ...client, tanstack: options.tanstackQuery ? tanstackView(model, client) : null };
  const render = (name: string, header: string) => {
    const template = templates.get(name);
    if (!template) throw new Error(`missing template ${name}.hbs in ${TEMPLATES_DIR}`);
    return tidy(template({ ...view, header }));
  };
  files.set("client.ts", render("client.ts", generatedHeader(model.source)));
  collectGarbage();
  files.set("schemas.ts", render("schemas.ts", generatedHeader(model.source)));
  files.set("README.md", render("README.md", generatedHeader(model.source, "<!--")));
  if (options.tanstackQuery) files.set("tanstack-query.ts", render("tanstack-query.ts", generatedHeader(model.source)));
  // ESM, and side-effect free so that bundlers tree-shake unused runtime exports. A package.json the user wrote (a
  // name and version to publish the client under, say) is theirs: kept as it is, the README says what it needs.
  const manifest =
    JSON.stringify({ private: true, type: "module", sideEffects: false, description: GENERATED_DESCRIPTION }, null, 2) +
    "\n";
  files.set(
    "package.json",
    (await usersPackageJson(options.outDir)) ?? (options.tanstackQuery ? withTanstackPeer(manifest) : manifest),
  );
  for (const file of readdirSync(RUNTIME_DIR)
    .filter((name) => name.endsWith(".ts") && (name !== TANSTACK_RUNTIME || options.tanstackQuery))
    .sort()) {
    files.set(`runtime/${file}`, generatedHeader(model.source) + readFileSync(RUNTIME_DIR + file, "utf8"));
  }
  return files;
}

/** Generates the client into `outDir` (replaced as a whole); returns the relative paths written. */
export async function generateClient(
  model: ApiModel,
  bundledDoc: Readonly<Record<string, unknown>>,
  outDir: string,
  options: GenerateClientOptions = {},
): Promise<string[]> {
  const files = await renderClient(model, bundledDoc, { outDir, ...options });
  await writeOutputDir(outDir, files);
  return [...files.keys()];
}
