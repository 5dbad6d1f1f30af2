import type { Located, NodeRef, SpecDocument } from "../../../load/index.js";
import { refOf } from "../../../load/index.js";
import { isObject } from "../../operation-info.js";
import type { JsonObject } from "../../rule.js";

/** The API's one error schema (`settings.errors.schema` in components.schemas): as declared and where it really is. */
export interface StandardSchema {
  name: string;
  declared: Located;
  resolved: Located<JsonObject>;
}

export function findStandardSchema(document: SpecDocument, name: string): StandardSchema | undefined {
  const declared = document.child(document.root, "components", "schemas", name);
  if (!declared) return undefined;
  const resolved = document.resolve(declared);
  return isObject(resolved.value) ? { name, declared, resolved: resolved as Located<JsonObject> } : undefined;
}

export function samePlace(a: NodeRef, b: NodeRef): boolean {
  return a.file === b.file && a.pointer === b.pointer;
}

/**
 * True when `schema` is the standard schema by `$ref`, or an `allOf` that extends it by `$ref`
 * (RFC 9457 lets a problem type add members). An inline copy of the standard schema does not count.
 */
export function refersToStandard(document: SpecDocument, schema: Located, standard: StandardSchema): boolean {
  const target = document.resolve(schema);
  if (refOf(schema.value) !== undefined && samePlace(target.at, standard.resolved.at)) return true;
  const allOf = document.child(target, "allOf");
  if (!allOf || !Array.isArray(allOf.value)) return false;
  return document
    .children(allOf)
    .some(([, part]) => refOf(part.value) !== undefined && samePlace(document.resolve(part).at, standard.resolved.at));
}
