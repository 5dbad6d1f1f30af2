// A parameter's shape, read from its resolved schema: whether its wire value is a scalar, an array or an object
// (and which names an exploded object owns), and which JSON types each string may be coerced to. The server
// deserialises by this fact, so a schema written as `allOf`/`oneOf`/`anyOf` without a top-level `type` is read as
// what it resolves to (OpenAPI 3.1 §4.8.12.4: style/explode apply to the schema's resolved type).
import type { FormField, ItemType, JsonSchema, ParamShape, ScalarType } from "./ir.js";
import { describesJson } from "../facts/media-types.js";
import { isObject } from "./refs.js";
import type { JsonObject, RefResolver } from "./refs.js";

/** Keep the raw string when a string branch exists; otherwise the narrowest type first. */
const SCALAR_ORDER: readonly ScalarType[] = ["string", "integer", "number", "boolean", "null"];
const MAX_DEPTH = 16;
const COMPOSITIONS = ["allOf", "oneOf", "anyOf"] as const;

/** JSON types a schema admits; null when it does not constrain the type. */
type TypeSet = ReadonlySet<string> | null;

export function parameterShape(
  refs: RefResolver,
  schema: JsonSchema,
  contentMediaType: string | undefined,
): ParamShape {
  if (contentMediaType !== undefined && describesJson(contentMediaType))
    return { kind: "json", mediaType: contentMediaType };
  const types = typesOf(refs, schema, 0);
  const items = firstItems(refs, schema, 0);
  const properties = propertiesOf(refs, schema, 0);
  if (types?.has("array") === true || (types === null && items !== undefined)) {
    return { kind: "array", items: itemTypes(items === undefined ? null : typesOf(refs, items, 0)) };
  }
  if (types?.has("object") === true || (types === null && properties.size > 0)) {
    const additional = additionalOf(refs, schema, 0);
    const open = properties.size === 0 || additional !== false;
    return {
      kind: "object",
      properties: Object.fromEntries(
        [...properties].map(([name, property]) => [name, itemTypes(typesOf(refs, property, 0))]),
      ),
      open,
      additional: isObject(additional) ? itemTypes(typesOf(refs, additional, 0)) : [],
    };
  }
  return { kind: "scalar", types: scalarTypes(types) };
}

/**
 * The fields of a form body schema; `encoding` is the media type object's (OpenAPI 3.1 §4.8.15). In multipart, an
 * object property without an encoding entry is a JSON part (its default contentType, 3.0.3 §4.7.15.1), and a file
 * property (see `isFileSchema`) also carries the media types its `encoding` allows.
 */
export function formFields(refs: RefResolver, schema: JsonSchema, encoding: unknown, multipart = false): FormField[] {
  const encodings = isObject(encoding) ? encoding : {};
  return [...propertiesOf(refs, schema, 0)].map(([name, property]) => {
    const entry = Object.hasOwn(encodings, name) ? encodings[name] : undefined;
    const contentType = isObject(entry) && typeof entry.contentType === "string" ? entry.contentType : undefined;
    const node = (isObject(property) ? property : {}) as JsonSchema;
    const shape = parameterShape(refs, node, contentType);
    if (!multipart) return { name, shape };
    if (isFileSchema(refs, node)) {
      const contentTypes = contentType
        ?.split(",")
        .map((type) => type.trim())
        .filter((type) => type !== "");
      return {
        name,
        shape,
        file: true,
        ...(contentTypes !== undefined && contentTypes.length > 0 ? { contentTypes } : {}),
      };
    }
    // An entry with only style/explode (Stripe's deepObject parts) asks for form serialisation, not the default.
    return entry === undefined && shape.kind === "object"
      ? { name, shape: { kind: "json", mediaType: "application/json" } }
      : { name, shape };
  });
}

/**
 * A property whose parts are files: `format: binary` (3.0 §4.7.14.3), `contentMediaType` or `contentEncoding`
 * (3.1 §4.8.14.3), on the schema or, for an array of files, on its items.
 */
function isFileSchema(refs: RefResolver, schema: unknown): boolean {
  const node = refs.resolve(schema);
  if (node === undefined) return false;
  if (node.format === "binary" || typeof node.contentMediaType === "string" || typeof node.contentEncoding === "string")
    return true;
  const items = firstItems(refs, node, 0);
  const item = items === undefined ? undefined : refs.resolve(items);
  return (
    item !== undefined &&
    (item.format === "binary" || typeof item.contentMediaType === "string" || typeof item.contentEncoding === "string")
  );
}

function scalarTypes(types: TypeSet): ScalarType[] {
  return types === null ? [] : SCALAR_ORDER.filter((type) => types.has(type));
}

/** An item's or member's types: a JSON text first when it may be an object or array (ir.ts ItemType says why). */
function itemTypes(types: TypeSet): ItemType[] {
  const structured = types !== null && (types.has("object") || types.has("array"));
  return structured ? ["json", ...scalarTypes(types)] : scalarTypes(types);
}

/** Own `type` (with 3.0's `nullable`), narrowed by every `allOf` member and by the union of `oneOf`/`anyOf` branches. */
function typesOf(refs: RefResolver, schema: unknown, depth: number): TypeSet {
  const node = refs.resolve(schema);
  if (node === undefined || depth > MAX_DEPTH) return null;
  let types = ownTypes(node);
  for (const member of members(node.allOf)) types = intersect(types, typesOf(refs, member, depth + 1));
  for (const key of ["oneOf", "anyOf"] as const) {
    const branches = members(node[key]);
    if (branches.length === 0) continue;
    const union = new Set<string>();
    let constrained = true;
    for (const branch of branches) {
      const branchTypes = typesOf(refs, branch, depth + 1);
      if (branchTypes === null) constrained = false;
      else branchTypes.forEach((type) => union.add(type));
    }
    if (constrained) types = intersect(types, union);
  }
  return types;
}

function ownTypes(node: JsonObject): TypeSet {
  const declared =
    typeof node.type === "string"
      ? [node.type]
      : Array.isArray(node.type)
        ? node.type.filter((t): t is string => typeof t === "string")
        : undefined;
  let types: string[] | undefined = declared;
  // Without `type`, `const`/`enum` still say what the value is: `enum: [1, 2]` is read as an integer.
  if (types === undefined && node.const !== undefined) types = [jsonType(node.const)];
  if (types === undefined && Array.isArray(node.enum) && node.enum.length > 0) types = node.enum.map(jsonType);
  if (types === undefined) return null;
  const set = new Set(types);
  if (node.nullable === true) set.add("null");
  return set;
}

function jsonType(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value;
}

function intersect(a: TypeSet, b: TypeSet): TypeSet {
  if (a === null) return b;
  if (b === null) return a;
  const out = new Set<string>();
  for (const type of a) {
    if (b.has(type)) out.add(type);
    else if (type === "number" && b.has("integer")) out.add("integer");
    else if (type === "integer" && b.has("number")) out.add("integer");
  }
  return out;
}

function members(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function firstItems(refs: RefResolver, schema: unknown, depth: number): unknown {
  const node = refs.resolve(schema);
  if (node === undefined || depth > MAX_DEPTH) return undefined;
  if (isObject(node.items)) return node.items;
  for (const key of COMPOSITIONS) {
    for (const member of members(node[key])) {
      const items = firstItems(refs, member, depth + 1);
      if (items !== undefined) return items;
    }
  }
  return undefined;
}

/** Declared properties of the schema and of every composed member (an exploded object may carry any branch's). */
function propertiesOf(refs: RefResolver, schema: unknown, depth: number): Map<string, unknown> {
  const out = new Map<string, unknown>();
  const node = refs.resolve(schema);
  if (node === undefined || depth > MAX_DEPTH) return out;
  for (const key of COMPOSITIONS) {
    for (const member of members(node[key]))
      for (const [name, property] of propertiesOf(refs, member, depth + 1)) out.set(name, property);
  }
  if (isObject(node.properties))
    for (const [name, property] of Object.entries(node.properties)) out.set(name, property);
  return out;
}

/**
 * `additionalProperties` (or `patternProperties`, read as open) of the schema or a member: a schema, `true`, or
 * `false` when every declared place leaves it out (then only declared names belong to the object).
 */
function additionalOf(refs: RefResolver, schema: unknown, depth: number): unknown {
  const node = refs.resolve(schema);
  if (node === undefined || depth > MAX_DEPTH) return false;
  if (node.additionalProperties === true || isObject(node.additionalProperties)) return node.additionalProperties;
  if (isObject(node.patternProperties)) return true;
  for (const key of COMPOSITIONS) {
    for (const member of members(node[key])) {
      const found = additionalOf(refs, member, depth + 1);
      if (found !== false) return found;
    }
  }
  return false;
}
