import type { Located, NodeRef, SpecDocument } from "../../../load/index.js";
import { refOf } from "../../../load/index.js";
import { specViewOf } from "../../../load/spec-view.js";
import { apiErrorSchema } from "../../../facts/error-schema.js";
import type { JsonObject } from "../../rule.js";

/** The API's one error schema, a `components.schemas` entry: its key and where it really is. */
export interface StandardSchema {
  name: string;
  resolved: Located<JsonObject>;
  /** True when it is `settings.errors.schema`; false when the error responses return it instead (none is named). */
  configured: boolean;
}

/**
 * The API's error schema by generator/facts/error-schema.ts (the one lint, diff and the generators share): the
 * configured one when the document has it, else the one most error responses return. An inline schema cannot be
 * referenced, so it is no standard to ask for.
 */
export function findStandardSchema(document: SpecDocument, configuredName: string): StandardSchema | undefined {
  const found = apiErrorSchema(specViewOf(document), configuredName);
  if (found === undefined || found.name === null) return undefined;
  return { name: found.name, resolved: found.schema as Located<JsonObject>, configured: found.configured };
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
