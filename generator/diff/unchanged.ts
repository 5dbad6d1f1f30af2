import type { Located, SpecDocument } from "../load/index.js";

/**
 * A shortcut for the common case: a node written identically in both documents, whose `$ref`s all lead to
 * parts that are identical too, cannot hold a change, so the detailed comparison can skip it. Only for
 * single-file documents, where an internal `$ref` names the same place in both.
 */
export class UnchangedNodes {
  private readonly clean = new Map<string, boolean>();
  private readonly enabled: boolean;

  constructor(
    private readonly oldDoc: SpecDocument,
    private readonly newDoc: SpecDocument,
  ) {
    this.enabled = oldDoc.files.size === 1 && newDoc.files.size === 1;
  }

  /** True when both nodes are provably the same API contract. */
  same(before: Located, after: Located): boolean {
    if (!this.enabled) return false;
    const refs = new Set<string>();
    if (!equalCollectingRefs(before.value, after.value, refs)) return false;
    for (const ref of refs) if (!this.refIsClean(ref)) return false;
    return true;
  }

  private refIsClean(ref: string): boolean {
    const known = this.clean.get(ref);
    if (known !== undefined) return known;
    if (!ref.startsWith("#")) return false;
    // Optimistic while in progress: a cycle of identical nodes is identical.
    this.clean.set(ref, true);
    const before = this.oldDoc.resolveRef(this.oldDoc.rootFile, ref);
    const after = this.newDoc.resolveRef(this.newDoc.rootFile, ref);
    const result =
      before !== undefined &&
      after !== undefined &&
      this.same({ value: this.oldDoc.valueAt(before), at: before }, { value: this.newDoc.valueAt(after), at: after });
    this.clean.set(ref, result);
    return result;
  }
}

function equalCollectingRefs(a: unknown, b: unknown, refs: Set<string>): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== "object" || typeof b !== "object") return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!equalCollectingRefs(a[i], b[i], refs)) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = Object.keys(left);
  if (keys.length !== Object.keys(right).length) return false;
  for (const key of keys) {
    if (!Object.prototype.hasOwnProperty.call(right, key)) return false;
    if (key === "$ref" && typeof left[key] === "string") {
      if (left[key] !== right[key]) return false;
      refs.add(left[key] as string);
      continue;
    }
    if (!equalCollectingRefs(left[key], right[key], refs)) return false;
  }
  return true;
}
