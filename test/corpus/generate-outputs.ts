// Client and server generation as `specwright generate` does it with the `minimal` preset: a document with
// minimal-preset errors is refused with its first diagnostic, otherwise both outputs are written.
import { join } from "node:path";
import { bundleSpec, type SpecDocument } from "../../generator/load/index.js";
import { ALL_RULES, lintDocument, presetConfig } from "../../generator/conventions/index.js";
import { buildModel } from "../../generator/model/build-model.js";
import { generateClient } from "../../generator/emit/client/generate-client.js";
import { generateServer } from "../../generator/emit/server/generate-server.js";
import type { ApiModel } from "../../generator/model/ir.js";

export interface GenerateOutcome {
  /** The first minimal-preset error when generation was refused. */
  refusedBy?: string;
  files: number;
  /** What the outputs were generated from (absent when refused). */
  model?: ApiModel;
  bundled?: Record<string, unknown>;
}

export interface GenerateOutputsOptions {
  /** Leave out types.ts (openapi-typescript): code that is run, not type-checked, does not need it. */
  skipTypes?: boolean;
}

/** Writes `<outDir>/client` and `<outDir>/server`. `source` is the spec path named in the generated headers. */
export async function generateOutputs(
  document: SpecDocument,
  source: string,
  outDir: string,
  options: GenerateOutputsOptions = {},
): Promise<GenerateOutcome> {
  const blocking = lintDocument(document, presetConfig("minimal", ALL_RULES)).find((d) => d.severity === "error");
  if (blocking) return { refusedBy: `${blocking.ruleId} at ${blocking.pointer || "/"}: ${blocking.message}`, files: 0 };
  const bundled = await bundleSpec(document);
  const model = buildModel(bundled, { source });
  const client = await generateClient(model, bundled, join(outDir, "client"), {
    skipTypes: options.skipTypes === true,
  });
  const server = await generateServer(model, bundled, join(outDir, "server"), {
    skipTypes: options.skipTypes === true,
  });
  return { files: client.length + server.length, model, bundled };
}
