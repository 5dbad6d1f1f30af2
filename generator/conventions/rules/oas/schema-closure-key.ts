// What a compiled example validator depends on, so it can be kept across edits of the rest of the document
// (cached-validator.ts): the schema's own subtree and, transitively, every subtree its local `$ref`s name.
import { createHash } from "node:crypto";
import { getAtPointer, parsePointer } from "../../../load/json-pointer.js";

/** Keys that change how ajv resolves a `$ref` (a new base URI or a name to find): such a schema is not cached. */
const RESOLUTION_KEYS = new Set([
  "$id",
  "$anchor",
  "$dynamicRef",
  "$dynamicAnchor",
  "$recursiveRef",
  "$recursiveAnchor",
]);

/**
 * A hash of the schema at `pointer` of a file's value and of all it reaches by `#…` references, pointers included
 * (how OpenAPI 3.0 keywords are rewritten depends on where a schema sits). Undefined when the validator may depend on
 * more than that: a reference to another file or one that does not resolve, or a key that moves resolution. The whole
 * subtree is scanned, examples too, which can only make it more cautious.
 */
export function schemaClosureKey(root: unknown, pointer: string): string | undefined {
  const hash = createHash("sha256");
  const seen = new Set<string>();
  const pending = [pointer];
  for (let at = pending.pop(); at !== undefined; at = pending.pop()) {
    if (seen.has(at)) continue;
    seen.add(at);
    let node: unknown;
    try {
      node = getAtPointer(root, parsePointer(at));
    } catch {
      return undefined;
    }
    if (node === undefined) return undefined;
    hash.update(`${at}\u0000${JSON.stringify(node)}\u0000`);
    if (!collectRefs(node, pending)) return undefined;
  }
  return hash.digest("hex");
}

/** Adds the pointers of the local `$ref`s under `node` to `into`; false when one is not local or resolution may move. */
function collectRefs(node: unknown, into: string[]): boolean {
  if (Array.isArray(node)) return node.every((item) => collectRefs(item, into));
  if (node === null || typeof node !== "object") return true;
  for (const [key, member] of Object.entries(node)) {
    if (RESOLUTION_KEYS.has(key)) return false;
    if (key === "$ref" && typeof member === "string") {
      if (!member.startsWith("#")) return false;
      try {
        into.push(decodeURIComponent(member.slice(1)));
      } catch {
        return false;
      }
    } else if (!collectRefs(member, into)) return false;
  }
  return true;
}
