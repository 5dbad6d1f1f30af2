// Following internal `$ref`s of a bundled document (the loader leaves only `#/...` refs).
import { getAtPointer, parsePointer } from "../load/json-pointer.js";
import type { JsonSchema } from "./ir.js";

import { isObject, type JsonObject } from "../facts/json-object.js";

export { isObject, type JsonObject };

export function refOf(value: unknown): string | undefined {
  return isObject(value) && typeof value.$ref === "string" ? value.$ref : undefined;
}

export class RefResolver {
  constructor(readonly root: JsonObject) {}

  /** The object a (chain of) internal `$ref` ends at; the value itself when it is not a ref. Cycles and dangling
   * refs resolve to undefined rather than looping or throwing (the loader reported them already). */
  resolve(value: unknown): JsonObject | undefined {
    const seen = new Set<string>();
    let node = value;
    for (let ref = refOf(node); ref !== undefined; ref = refOf(node)) {
      if (seen.has(ref) || !ref.startsWith("#")) return undefined;
      seen.add(ref);
      node = getAtPointer(this.root, parsePointer(ref));
    }
    return isObject(node) ? node : undefined;
  }

  /** `components.schemas` key a schema directly refers to (one hop), else null. */
  schemaName(schema: unknown): string | null {
    const ref = refOf(schema);
    const match = ref?.match(/^#\/components\/schemas\/([^/]+)$/);
    return match?.[1] ? (parsePointer("/" + match[1])[0] ?? null) : null;
  }

  /** The properties of an object schema, following refs and merging `allOf` members (later wins). */
  properties(schema: unknown, depth = 0): Map<string, JsonSchema> {
    const out = new Map<string, JsonSchema>();
    const resolved = this.resolve(schema);
    if (!resolved || depth > 16) return out;
    for (const member of Array.isArray(resolved.allOf) ? resolved.allOf : []) {
      for (const [name, property] of this.properties(member, depth + 1)) out.set(name, property);
    }
    if (isObject(resolved.properties)) {
      for (const [name, property] of Object.entries(resolved.properties))
        if (isObject(property)) out.set(name, property);
    }
    return out;
  }

  isArraySchema(schema: unknown): boolean {
    const resolved = this.resolve(schema);
    if (!resolved) return false;
    const type = resolved.type;
    return (
      type === "array" ||
      (Array.isArray(type) && type.includes("array")) ||
      ("items" in resolved && !("properties" in resolved))
    );
  }
}
