// Reading a response schema for pagination: field paths through `$ref`s, `allOf` and `anyOf`/`oneOf` alternatives
// (a nullable `next_page` is often `anyOf: [{ $ref }, { type: "null" }]`), the items array, and scalar types.
import type { FieldPath, JsonSchema } from "./ir.js";
import type { RefResolver } from "./refs.js";

/** Page size parameters, in the order they are looked for. */
export const SIZE_PARAMS = ["page_size", "per_page", "limit", "pageSize", "perPage", "maxResults", "max_results"];

/** `next_page.offset` -> ["next_page", "offset"]. Property names containing a dot cannot be declared (none seen). */
export function fieldPathOf(dotted: string): FieldPath {
  return dotted.split(".");
}

export function dottedPath(path: FieldPath): string {
  return path.join(".");
}

/** The properties of an object schema and of each of its `anyOf`/`oneOf` alternatives (first definition wins). */
function propertiesOf(resolver: RefResolver, schema: unknown): Map<string, JsonSchema> {
  const out = new Map(resolver.properties(schema));
  const resolved = resolver.resolve(schema);
  for (const key of ["anyOf", "oneOf"] as const) {
    for (const alternative of Array.isArray(resolved?.[key]) ? (resolved[key] as unknown[]) : []) {
      for (const [name, property] of resolver.properties(alternative)) if (!out.has(name)) out.set(name, property);
    }
  }
  return out;
}

/** The schema at `path` from `root` (the root itself for an empty path); undefined when a step does not exist. */
export function schemaAt(resolver: RefResolver, root: JsonSchema | null, path: FieldPath): JsonSchema | undefined {
  let node: JsonSchema | undefined = root ?? undefined;
  for (const name of path) {
    if (node === undefined) return undefined;
    node = propertiesOf(resolver, node).get(name);
  }
  return node;
}

/** The schema's `type` values, following refs (a 3.0 `nullable` adds nothing here). */
function typesOf(resolver: RefResolver, schema: unknown): string[] {
  const type = resolver.resolve(schema)?.type;
  return Array.isArray(type)
    ? type.filter((t): t is string => typeof t === "string")
    : typeof type === "string"
      ? [type]
      : [];
}

export function isNumericSchema(resolver: RefResolver, schema: unknown): boolean {
  return typesOf(resolver, schema).some((type) => type === "integer" || type === "number");
}

export function isStringLike(resolver: RefResolver, schema: unknown): boolean {
  const types = typesOf(resolver, schema);
  return types.includes("string") && !types.some((type) => type === "integer" || type === "number");
}

export function isBooleanSchema(resolver: RefResolver, schema: unknown): boolean {
  return typesOf(resolver, schema).includes("boolean");
}

/** A URL (`format: uri`): a next *link* to follow, not a token to send back in a parameter. */
export function isUrlSchema(resolver: RefResolver, schema: unknown): boolean {
  const format = resolver.resolve(schema)?.format;
  return typeof format === "string" && /^(uri|url|iri)(-reference)?$/.test(format);
}

/**
 * Where the items are: null when the body is the array; undefined when the response carries no array.
 * `preferred` is taken when it is an array; otherwise, unless `strict` (it was declared), the array is found: the only
 * top-level array property, else `items`/`data`/`results`.
 */
export function findItemsField(
  resolver: RefResolver,
  schema: JsonSchema | null,
  preferred: FieldPath | undefined,
  strict: boolean,
): FieldPath | null | undefined {
  if (!schema) return undefined;
  if (resolver.isArraySchema(schema)) return null;
  if (preferred !== undefined) {
    const at = schemaAt(resolver, schema, preferred);
    if (at !== undefined && resolver.isArraySchema(at)) return preferred;
    if (strict) return undefined;
  }
  const arrays = [...resolver.properties(schema)]
    .filter(([, property]) => resolver.isArraySchema(property))
    .map(([name]) => name);
  const name =
    arrays.length === 1 ? arrays[0] : ["items", "data", "results"].find((candidate) => arrays.includes(candidate));
  return name === undefined ? undefined : [name];
}
