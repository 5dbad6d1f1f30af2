import type { DiffEngine } from "./changelog.js";
import type { MockFactory } from "./mock/mock-backends.js";

/**
 * The parts of the portal that come from other specwright modules: the diff engine for changelogs and the generated
 * server's mock handlers. Absent pieces leave the portal working (no changelog; example-based mocks).
 */
export async function portalIntegrations(): Promise<{ diff?: DiffEngine; mockFactory?: MockFactory }> {
  return {};
}
