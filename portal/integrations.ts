import { dirname, relative } from "node:path";
import { apiModelSettings, modelOptionsFor, type SpecwrightConfig } from "../generator/config/index.js";
import type { DiffEngine } from "./changelog.js";
import type { MockFactory } from "./mock/mock-backends.js";
import { generatedMockFactory } from "./mock/generated-mock.js";
import type { ChangeLine } from "./pages/changelog-page.js";

/**
 * The parts of the portal that come from other specwright modules: the diff engine for changelogs and the generated
 * server's mock handlers. Both are loaded on first use, so a portal nobody asks for a changelog or a mock starts fast.
 *
 * The mocks are generated from the config exactly as `specwright generate` would (settings, pagination
 * declarations, `autoPagination`), so they page as the generated server does.
 */
export function portalIntegrations(config?: SpecwrightConfig): { diff: DiffEngine; mockFactory: MockFactory } {
  return { diff: specwrightDiff, mockFactory: generatedMockFactory(config && ((file) => modelOptionsFor(config, file, apiModelSettings(config, file)))) };
}

/** `specwright diff` between two loads, as changelog lines (the version bump verdict is the CLI's business). */
export const specwrightDiff: DiffEngine = async (oldSpec, newSpec) => {
  const { diffDocuments } = await import("../generator/diff/index.js");
  const result = diffDocuments(oldSpec.document, newSpec.document);
  return result.changes.map((change): ChangeLine => {
    const at = change.new ?? change.old;
    const operation = change.operation ? `${change.operation.method.toUpperCase()} ${change.operation.path}` : "";
    const place = at ? `${relative(dirname((change.new ? newSpec : oldSpec).document.rootFile), at.file) || at.file}:${at.line}:${at.column}` : "";
    return { kind: change.classification, message: change.message, where: [operation, place].filter(Boolean).join(" · ") };
  });
};
