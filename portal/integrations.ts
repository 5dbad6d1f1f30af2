import { dirname, relative } from "node:path";
import { apiModelSettings, modelOptionsFor, type SpecwrightConfig } from "../generator/config/index.js";
import type { DiffEngine } from "./changelog.js";
import { codeSamplesFor, type CodeSamplesFor } from "./code-samples.js";
import type { MockFactory } from "./mock/mock-backends.js";
import { generatedMockFactory } from "./mock/generated-mock.js";
import type { ChangeLine } from "./pages/changelog-page.js";

/**
 * The parts of the portal that come from other specwright modules: the diff engine for changelogs and the generated
 * server's mock handlers. Both are loaded on first use, so a portal nobody asks for a changelog or a mock starts fast.
 *
 * The mocks and the reference's code samples are modelled from the config exactly as `specwright generate` would (settings, pagination
 * declarations, `autoPagination`, names), so they page as the generated server does and name methods as the client does.
 */
export function portalIntegrations(config?: SpecwrightConfig): {
  diff: DiffEngine;
  mockFactory: MockFactory;
  codeSamples: CodeSamplesFor;
} {
  const modelOptions = config && ((file: string) => modelOptionsFor(config, file, apiModelSettings(config, file)));
  return {
    diff: specwrightDiff,
    mockFactory: generatedMockFactory(modelOptions),
    codeSamples: codeSamplesFor(modelOptions),
  };
}

/** `specwright diff` between two loads, as changelog lines (the version bump verdict is the CLI's business). */
export const specwrightDiff: DiffEngine = async (oldSpec, newSpec) => {
  const { diffDocuments } = await import("../generator/diff/index.js");
  const result = diffDocuments(oldSpec.document, newSpec.document);
  return result.changes.map((change): ChangeLine => {
    const at = change.new ?? change.old;
    const operation = change.operation ? `${change.operation.method.toUpperCase()} ${change.operation.path}` : "";
    const place = at
      ? `${relative(dirname((change.new ? newSpec : oldSpec).document.rootFile), at.file) || at.file}:${at.line}:${at.column}`
      : "";
    return {
      kind: change.classification,
      message: change.message,
      where: [operation, place].filter(Boolean).join(" · "),
    };
  });
};
