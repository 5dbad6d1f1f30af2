// `specwright generate --client`: types.ts (openapi-typescript) + client.ts and README.md (Handlebars over the
// client view model) + the runtime copied in. Deterministic; written all-or-nothing.
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { ApiModel } from "../../model/ir.js";
import { tidy } from "../shared/format.js";
import { generatedHeader } from "../shared/header.js";
import { writeOutputDir } from "../shared/output-dir.js";
import { loadTemplates } from "../shared/templates.js";
import { emitTypes } from "../types.js";
import { clientView } from "./view-model.js";

const TEMPLATES_DIR = fileURLToPath(new URL("../../../templates/client/", import.meta.url));
const RUNTIME_DIR = fileURLToPath(new URL("../../../templates/runtime/client/", import.meta.url));

export interface GenerateClientOptions {
  /** Skip types.ts (tests of the client templates alone); default false. */
  skipTypes?: boolean;
}

/** Every file of the client output, by relative path. */
export async function renderClient(model: ApiModel, bundledDoc: Readonly<Record<string, unknown>>, options: GenerateClientOptions = {}): Promise<Map<string, string>> {
  const templates = loadTemplates(TEMPLATES_DIR);
  const view = clientView(model);
  const render = (name: string, header: string) => {
    const template = templates.get(name);
    if (!template) throw new Error(`missing template ${name}.hbs in ${TEMPLATES_DIR}`);
    return tidy(template({ ...view, header }));
  };
  const files = new Map<string, string>();
  if (!options.skipTypes) files.set("types.ts", await emitTypes(bundledDoc, model.source));
  files.set("client.ts", render("client.ts", generatedHeader(model.source)));
  files.set("README.md", render("README.md", generatedHeader(model.source, "<!--")));
  for (const file of readdirSync(RUNTIME_DIR).filter((name) => name.endsWith(".ts")).sort()) {
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
  const files = await renderClient(model, bundledDoc, options);
  await writeOutputDir(outDir, files);
  return [...files.keys()];
}
