// `specwright generate --server`: server.ts, ahead-of-time validators, mock.ts, the handlers.ts scaffold, the
// server runtime copied in, the bundled document (JSON and YAML, served by `docs`), package.json and the server's
// README. Deterministic; written all-or-nothing (handlers.ts and a package.json of the user's carried over).
import { readdirSync, readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { stringify as toYaml } from "yaml";
import type { ApiModel } from "../../model/ir.js";
import { jsLiteral, jsString } from "../shared/code-literals.js";
import { collectGarbage } from "../shared/collect-garbage.js";
import { tidy } from "../shared/format.js";
import { LINE_WIDTH, prettyLiteral } from "../shared/pretty-literal.js";
import { generatedHeader } from "../shared/header.js";
import { writeOutputDir } from "../shared/output-dir.js";
import { loadTemplates } from "../shared/templates.js";
import { emitTypes } from "../types.js";
import { mockAnswers } from "./mock-samples.js";
import { isGeneratedPackageJson, serverPackageJson } from "./package-json.js";
import { serverReadmeView } from "./readme-view.js";
import { compileValidators } from "./validators.js";
import type { ValidatorKind } from "./validators.js";
import { warnOnce, warnOnStderr, type Warn } from "../../model/pattern-policy.js";
import { buildServerView } from "./view-model.js";

const TEMPLATES_DIR = fileURLToPath(new URL("../../../templates/server/", import.meta.url));
const RUNTIME_DIR = fileURLToPath(new URL("../../../templates/runtime/server/", import.meta.url));

/** The user's file: scaffolded when absent, otherwise carried over byte for byte. */
export const HANDLERS_FILE = "handlers.ts";

/** The server's README: README.md, or SERVER.md when the client (whose README.md it is) shares the folder. */
export function serverReadmeName(options: GenerateServerOptions): string {
  return options.skipTypes === true ? "SERVER.md" : "README.md";
}

export interface GenerateServerOptions {
  /** Skip types.ts (when the client generation, which writes it too, runs in the same output). */
  skipTypes?: boolean;
  /** Hears of each spec pattern left out of the validators and each mock answer that falls back (default: a `warning:` line on stderr). */
  warn?: Warn;
}

/**
 * Every file of the server output, by path relative to `outDir`. `outDir` is only read: an existing
 * handlers.ts there is kept as it is.
 */
export async function renderServer(
  model: ApiModel,
  bundledDoc: Readonly<Record<string, unknown>>,
  outDir: string,
  options: GenerateServerOptions = {},
): Promise<Map<string, string>> {
  const templates = loadTemplates(TEMPLATES_DIR);
  const render = (name: string, view: object): string => {
    const template = templates.get(name);
    if (template === undefined) throw new Error(`missing template ${name}.hbs in ${TEMPLATES_DIR}`);
    return tidy(template(view));
  };
  const header = generatedHeader(model.source);
  const warn = warnOnce(options.warn ?? warnOnStderr);
  const validators = compileValidators(model, warn);
  collectGarbage();
  const view = buildServerView(model, validators, header);
  const answers = mockAnswers(model, warn);
  const samples: Record<string, unknown> = {};
  for (const [id, answer] of answers) if (answer.body !== undefined) samples[id] = answer.body;
  collectGarbage();

  const files = new Map<string, string>();
  // openapi-typescript reads the document itself: the one emitter input besides the IR (DESIGN.md).
  if (options.skipTypes !== true) files.set("types.ts", await emitTypes(bundledDoc, model.source));
  files.set("server.ts", render("server.ts", serverTemplateView(view, validators.exports, model.title)));
  collectGarbage();
  files.set(
    "mock.ts",
    render("mock.ts", {
      ...view,
      hasMockPaging: [...answers.values()].some((answer) => answer.paging !== null),
      samples: JSON.stringify(samples, null, 2)
        .replace(/\u2028/g, "\\u2028")
        .replace(/\u2029/g, "\\u2029"),
      operations: view.operations.map((op) => {
        const answer = answers.get(op.id);
        const paging = answer?.paging ?? null;
        return {
          ...op,
          idLiteral: jsString(op.id),
          mockStatus: answer?.status ?? 200,
          paging: paging === null ? "" : prettyLiteral(paging, "    ", LINE_WIDTH),
          declaresLocation: answer?.declaresLocation === true,
        };
      }),
    }),
  );
  for (const kind of ["params", "bodies", "params-details", "bodies-details"] as ValidatorKind[]) {
    files.set(
      `validators/${kind}.js`,
      `${header}${validators.modules[kind] === "" ? "export {};" : validators.modules[kind]}\n`,
    );
    files.set(`validators/${kind}.d.ts`, validatorDeclarations(header, validators.exports[kind]));
  }
  collectGarbage();
  for (const [name, text] of servedDocuments(bundledDoc)) files.set(name, text);
  collectGarbage();
  const userManifest = await readFile(join(outDir, "package.json"), "utf8").then(
    (text) => (isGeneratedPackageJson(text) ? undefined : text),
    () => undefined,
  );
  files.set("package.json", userManifest ?? serverPackageJson());
  files.set(
    serverReadmeName(options),
    render("README.md", serverReadmeView(model, generatedHeader(model.source, "<!--"), view.operations)),
  );
  for (const file of readdirSync(RUNTIME_DIR)
    .filter((name) => name.endsWith(".ts"))
    .sort()) {
    files.set(`runtime/server/${file}`, header + readFileSync(join(RUNTIME_DIR, file), "utf8"));
  }
  const existing = await readFile(join(outDir, HANDLERS_FILE), "utf8").catch(() => undefined);
  files.set(
    HANDLERS_FILE,
    existing ??
      render("handlers.ts", {
        ...view,
        sourceComment: jsString(model.source).slice(1, -1),
        operations: view.operations.map((op) => ({
          ...op,
          notImplemented: jsLiteral(`${op.id} is not implemented yet.`),
        })),
      }),
  );
  return files;
}

/** Generates the server into `outDir` (replaced as a whole, handlers.ts kept); returns the relative paths written. */
export async function generateServer(
  model: ApiModel,
  bundledDoc: Readonly<Record<string, unknown>>,
  outDir: string,
  options: GenerateServerOptions = {},
): Promise<string[]> {
  const files = await renderServer(model, bundledDoc, outDir, options);
  await writeOutputDir(outDir, files);
  return [...files.keys()];
}

/**
 * The bundled document as the server serves it (`docs`) and reads it (development-mode response validation):
 * written out verbatim, never interpreted here. YAML is rendered now so that serving it needs no YAML library.
 */
function servedDocuments(bundledDoc: Readonly<Record<string, unknown>>): [string, string][] {
  return [
    ["openapi.json", `${JSON.stringify(bundledDoc)}\n`],
    ["openapi.yaml", toYaml(bundledDoc, { aliasDuplicateObjects: false, lineWidth: 0 })],
  ];
}

/**
 * server.ts's view: imports only the validator modules it uses, and names `Handlers`' principal parameter `_P`
 * when no request type uses it, so the output compiles under noUnusedLocals and noUnusedParameters.
 */
function serverTemplateView(
  view: ReturnType<typeof buildServerView>,
  exports: Readonly<Record<ValidatorKind, readonly string[]>>,
  title: string,
): object {
  return {
    ...view,
    titleLiteral: jsString(title),
    principalParam: view.operations.some((op) => op.requestTypeRef.endsWith("<P>")) ? "P" : "_P",
    uses: { params: exports.params.length > 0, bodies: exports.bodies.length > 0 },
  };
}

function validatorDeclarations(header: string, names: readonly string[]): string {
  const lines = names.map((name) => `export declare const ${name}: ValidateFunction;`);
  return `${header}import type { ValidateFunction } from "../runtime/server/validation.js";\n\n${lines.join("\n")}\n`;
}
