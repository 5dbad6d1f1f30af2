// The generator's own schema walking (mock samples): not part of the runtime every generated server ships.
import { resolvePointer } from "../../../templates/runtime/server/json-schema.js";
import { isObject } from "../../facts/json-object.js";

/** `node`, or what its `$ref` chain (internal refs only) leads to; undefined when the chain breaks. */
export function followRefs(document: unknown, node: unknown): Record<string, unknown> | undefined {
  let current = node;
  for (let hops = 0; hops < 32 && isObject(current) && typeof current.$ref === "string"; hops++) {
    current = resolvePointer(document, current.$ref.slice(1));
  }
  return isObject(current) ? current : undefined;
}
