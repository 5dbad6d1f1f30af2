import type { SpecDocument } from "../../load/index.js";
import { isObject } from "../../conventions/operation-info.js";
import { collectPaths } from "../paths.js";
import { matchPaths } from "../match-paths.js";
import type { OperationKey } from "../types.js";
import { parseStabilitySelector } from "./operation-selector.js";
import type { EntryPlace, StabilityLevel, StabilityRule } from "./types.js";

const LEVELS: readonly StabilityLevel[] = ["alpha", "beta"];

/**
 * Finds whether an operation was published as alpha or beta, and says how it is known. The old document decides:
 * what clients relied on is what it promised, so a beta operation that becomes stable may still break once, while a
 * stable one marked beta in the new version is still judged as stable.
 */
export class StabilityLookup {
  private readonly oldPathOf = new Map<string, string>();
  private readonly rules: Array<{ rule: StabilityRule; method?: string; matches: (path: string) => boolean }>;

  constructor(
    private readonly oldDoc: SpecDocument,
    newDoc: SpecDocument,
    rules: readonly StabilityRule[],
  ) {
    const oldPaths = [...collectPaths(oldDoc).keys()];
    for (const path of oldPaths) this.oldPathOf.set(path, path);
    for (const [oldPath, newPath] of matchPaths(oldPaths, [...collectPaths(newDoc).keys()]).pairs)
      this.oldPathOf.set(newPath, oldPath);
    this.rules = rules.flatMap((rule) => {
      const parsed = parseStabilitySelector(rule.selector);
      return "error" in parsed ? [] : [{ rule, ...parsed }];
    });
  }

  /** Why the operation is exempt from the gate, or undefined for a stable one. */
  exemption(operation: OperationKey): { reason: string; entry?: EntryPlace } | undefined {
    const name = `${operation.method.toUpperCase()} ${operation.path}`;
    const oldPath = this.oldPathOf.get(operation.path);
    const declared = oldPath === undefined ? undefined : this.declared(oldPath, operation.method);
    if (declared)
      return {
        reason: `${name} is x-stability: ${declared} in the old version, so its breaking changes do not fail the gate`,
      };
    for (const { rule, method, matches } of this.rules) {
      if (method !== undefined && method !== operation.method.toLowerCase()) continue;
      if (!matches(operation.path) && !(oldPath !== undefined && matches(oldPath))) continue;
      return {
        reason: `${name} is ${rule.level} by diff.stability "${rule.selector}", so its breaking changes do not fail the gate`,
        entry: rule.at,
      };
    }
    return undefined;
  }

  /** `x-stability` on the operation, else on its path item. */
  private declared(path: string, method: string): StabilityLevel | undefined {
    const entry = collectPaths(this.oldDoc).get(path);
    if (!entry) return undefined;
    const operation = entry.operations().get(method.toLowerCase());
    const fromOperation = operation?.node.value["x-stability"];
    const value = fromOperation ?? (isObject(entry.item.value) ? entry.item.value["x-stability"] : undefined);
    return typeof value === "string" && (LEVELS as readonly string[]).includes(value)
      ? (value as StabilityLevel)
      : undefined;
  }
}
