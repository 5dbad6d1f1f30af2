// The constant an error payload sends for a required member the failure says nothing about (error-payload.ts's
// `value` part): openapi-sampler's sample, mended where the sampler is known to break the schema, since the
// payload must validate against the spec's own error schema (issue 12):
// - a self-referencing schema (id4i's `ApiError.errorList: ApiError[]`) is cut off with `null` items at the
//   or `{}` items where it meets the cycle; an array with such an item (undefined or null where the item schema
//   does not allow null, an object without the members the item schema requires) is sent empty when its minItems
//   allows, which ends the recursion with a valid value;
// - the sampler ignores `pattern` (JSON Schema Validation §6.3.3): a string that does not match gets one that does
//   (optimade's `meta.api_version`, a semantic-version pattern).
import type { JSONSchema7 } from "json-schema";
import { sample } from "openapi-sampler";
import { stringForPattern } from "./pattern-sample.js";
import { sampleMatcher } from "./pattern-policy.js";
import { isObject, type JsonObject, type RefResolver } from "./refs.js";

/** Deeper than this the sample is left as it is: the sampler's own depth limit (maxSampleDepth) is below it. */
const MAX_DEPTH = 16;

export function errorSample(schema: unknown, refs: RefResolver, root: Readonly<Record<string, unknown>>): unknown {
  const value = sample(schema as JSONSchema7, { quiet: true, skipWriteOnly: true, maxSampleDepth: 8 }, root) ?? null;
  return mended(value, schema, refs, 0);
}

function mended(value: unknown, declared: unknown, refs: RefResolver, depth: number): unknown {
  if (depth > MAX_DEPTH) return value;
  const parts = partsOf(declared, refs, 0);
  if (Array.isArray(value)) {
    const items = parts.map((part) => part.items).find((items) => items !== undefined && !Array.isArray(items));
    if (items === undefined) return value;
    if (value.some((item) => broken(item, items, refs))) {
      const minItems = Math.max(0, ...parts.map((part) => (typeof part.minItems === "number" ? part.minItems : 0)));
      if (minItems === 0) return [];
    }
    return value.map((item) => mended(item, items, refs, depth + 1));
  }
  if (isObject(value)) {
    const out: JsonObject = {};
    for (const [name, member] of Object.entries(value)) {
      const schema = parts.map((part) => (isObject(part.properties) ? part.properties[name] : undefined)).find(Boolean);
      out[name] = schema === undefined ? member : mended(member, schema, refs, depth + 1);
    }
    return out;
  }
  if (typeof value === "string") return matchingString(value, parts);
  return value;
}

/** A string every `pattern` of the schema's parts accepts: `value` when it does, else one built from the pattern. */
function matchingString(value: string, parts: readonly JsonObject[]): string {
  const part = parts.find((each) => typeof each.pattern === "string");
  if (part === undefined || typeof part.pattern !== "string") return value;
  if (sampleMatcher(part.pattern)?.test(value) !== false) return value;
  const min = Math.max(0, ...parts.map((each) => (typeof each.minLength === "number" ? each.minLength : 0)));
  const max = Math.min(
    Infinity,
    ...parts.map((each) => (typeof each.maxLength === "number" ? each.maxLength : Infinity)),
  );
  return stringForPattern(part.pattern, min, max) ?? value;
}

/** The schema with its refs resolved and its allOf parts (each applies to the value, JSON Schema Core §10.2.1.1). */
function partsOf(declared: unknown, refs: RefResolver, depth: number): JsonObject[] {
  const schema = refs.resolve(declared);
  if (schema === undefined || depth > MAX_DEPTH) return [];
  const allOf = Array.isArray(schema.allOf) ? schema.allOf : [];
  return [schema, ...allOf.flatMap((part) => partsOf(part, refs, depth + 1))];
}

/** An item the sampler cut off at a cycle: nothing (or null) where null is not allowed, or an object short of required members. */
function broken(item: unknown, declared: unknown, refs: RefResolver): boolean {
  if (item === undefined || item === null) return !allowsNull(declared, refs);
  if (!isObject(item)) return false;
  return partsOf(declared, refs, 0).some(
    (part) => Array.isArray(part.required) && part.required.some((name) => typeof name === "string" && !(name in item)),
  );
}

/** OpenAPI 3.0's `nullable`, a 3.1 type list with "null", or a schema that says nothing about the type. */
function allowsNull(declared: unknown, refs: RefResolver): boolean {
  const parts = partsOf(declared, refs, 0);
  if (parts.length === 0) return true;
  return parts.every(
    (part) =>
      part.nullable === true ||
      part.type === "null" ||
      (Array.isArray(part.type) && part.type.includes("null")) ||
      (part.type === undefined && part.$ref === undefined && !isObject(part.properties) && part.items === undefined),
  );
}
