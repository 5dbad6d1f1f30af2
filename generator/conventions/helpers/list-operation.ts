// What a "list operation" is (CONVENTIONS.md §1) and where its items are: shared by the pagination rules and by
// anything else (other rules, the client model) that must agree with them on which operations page.
import pluralize from "pluralize";
import type { Located, SpecDocument } from "../../load/index.js";
import { isObject, type OperationInfo, type ResponseInfo } from "../operation-info.js";
import type { JsonObject } from "../rule.js";
import type { ConventionSettings } from "../settings.js";
import { preferredJsonMediaType } from "../../facts/media-types.js";

/** The body of an operation's success response: the response, its media type's `schema` as written, and resolved. */
export interface SuccessBody {
  response: ResponseInfo;
  mediaType: string;
  /** The `schema` member of the media type, as written (a `$ref` object when it references a component). */
  schemaEntry: Located;
  /** The schema after following `$ref`s, located where it is written (possibly in another file). */
  schema: Located<JsonObject>;
}

/** Where the items of a collection are: the body itself is the array, or one property of an envelope object. */
export type ItemsArray =
  | { kind: "body"; array: Located<JsonObject> }
  | { kind: "property"; name: string; array: Located<JsonObject>; property: Located };

export interface ListOperation {
  operation: OperationInfo;
  body: SuccessBody;
  items: ItemsArray;
}

/** Array names that mark a collection envelope whatever the configured name (Stripe `data`, Django `results`...). */
const COMMON_ITEMS_NAMES = ["items", "data", "results", "values", "records", "entries", "elements"];
/** Properties that say "this object is one page of something": an object with one of these and one array is a page. */
const PAGE_MARKERS = [
  "next_page_token",
  "total_size",
  "total_count",
  "total",
  "count",
  "has_more",
  "next",
  "next_cursor",
  "cursor",
  "page",
];

/** True when the last segment of the path is a literal, not a `{param}`: `/pets`, `/pets/{id}/tags`, not `/pets/{id}`. */
export function isCollectionPath(path: string): boolean {
  const last = path.replace(/\/+$/, "").split("/").pop() ?? "";
  return last !== "" && !/^\{[^}]*\}$/.test(last);
}

/** The last literal segment of a path as a JSON property name (`/line-items` -> `line_items`), or undefined. */
export function resourceNameOf(path: string): string | undefined {
  const literal = path
    .split("/")
    .filter((segment) => segment !== "" && !segment.includes("{"))
    .pop();
  return literal === undefined ? undefined : literal.replace(/-/g, "_");
}

/** The resource name of a collection path as an items array may be named after it: `pets` on `/pets` (and on `/pet`). */
export function resourceItemsNames(path: string): string[] {
  const resource = resourceNameOf(path);
  return resource === undefined ? [] : [...new Set([resource, pluralize.plural(resource)])];
}

/** The property names a collection's items array may have: the configured one first, then the plural resource name. */
export function itemsNameCandidates(path: string, settings: ConventionSettings): string[] {
  return [...new Set([settings.pagination.itemsProperty, ...resourceItemsNames(path), ...COMMON_ITEMS_NAMES])];
}

export function isArraySchema(schema: unknown): boolean {
  if (!isObject(schema)) return false;
  const type = schema.type;
  if (type === "array" || (Array.isArray(type) && type.includes("array"))) return true;
  return type === undefined && "items" in schema && !("properties" in schema);
}

/** The first 2xx response with a JSON body (200 before 201...), with its schema resolved. */
export function successBody(document: SpecDocument, operation: OperationInfo): SuccessBody | undefined {
  const successes = operation.responses
    .filter((r) => /^2(\d\d|XX)$/i.test(r.status))
    .sort((a, b) => a.status.localeCompare(b.status));
  for (const response of successes) {
    const content = document.child(response.response, "content");
    if (!content || !isObject(content.value)) continue;
    const mediaType = preferredJsonMediaType(Object.keys(content.value));
    if (mediaType === undefined) continue;
    const schemaEntry = document.child(content, mediaType, "schema");
    if (!schemaEntry) continue;
    const schema = document.resolve(schemaEntry);
    if (isObject(schema.value)) return { response, mediaType, schemaEntry, schema: schema as Located<JsonObject> };
  }
  return undefined;
}

/** The properties of an object schema, following `$ref`s and merging `allOf` members (later wins); each as written. */
export function objectProperties(
  document: SpecDocument,
  schema: Located,
  visited = new Set<string>(),
): Map<string, Located> {
  const found = new Map<string, Located>();
  const resolved = document.resolve(schema);
  // Each schema is read once per call: `allOf: [B, B]` chains would otherwise double the work at every level.
  const key = `${resolved.at.file}#${resolved.at.pointer}`;
  if (!isObject(resolved.value) || visited.has(key)) return found;
  visited.add(key);
  const allOf = document.child(resolved, "allOf");
  if (allOf && Array.isArray(allOf.value)) {
    for (const [, member] of document.children(allOf))
      for (const [name, property] of objectProperties(document, member, visited)) found.set(name, property);
  }
  const properties = document.child(resolved, "properties");
  if (properties && isObject(properties.value))
    for (const [name, property] of document.children(properties)) found.set(name, property);
  return found;
}

/**
 * The property at a dotted path such as `next_page.offset` (x-pagination names nested fields so), each step through
 * `$ref`s, `allOf` and the alternatives of `anyOf`/`oneOf` (a nullable `next_page`); undefined when a step is missing.
 */
export function propertyAtPath(document: SpecDocument, schema: Located, dotted: string): Located | undefined {
  let node: Located | undefined = schema;
  for (const name of dotted.split(".")) {
    if (node === undefined) return undefined;
    node = propertiesWithAlternatives(document, node).get(name);
  }
  return node;
}

function propertiesWithAlternatives(document: SpecDocument, schema: Located): Map<string, Located> {
  const found = objectProperties(document, schema);
  const resolved = document.resolve(schema);
  for (const key of ["anyOf", "oneOf"]) {
    const alternatives = document.child(resolved, key);
    if (!alternatives || !Array.isArray(alternatives.value)) continue;
    for (const [, member] of document.children(alternatives)) {
      for (const [name, property] of objectProperties(document, member))
        if (!found.has(name)) found.set(name, property);
    }
  }
  return found;
}

/**
 * Where the items of a collection body are: the body when it is an array; else the envelope's array property named
 * like one of `candidates` (in order); else the only array property of an object that also carries a page marker
 * (`total_count`, `has_more`, ...). Undefined when the body carries no collection.
 */
export function findItemsArray(
  document: SpecDocument,
  body: Located<JsonObject>,
  candidates: readonly string[],
): ItemsArray | undefined {
  if (isArraySchema(body.value)) return { kind: "body", array: body };
  const properties = objectProperties(document, body);
  const arrayProperty = (name: string): ItemsArray | undefined => {
    const property = properties.get(name);
    if (!property) return undefined;
    const array = document.resolve(property);
    return isArraySchema(array.value)
      ? { kind: "property", name, array: array as Located<JsonObject>, property }
      : undefined;
  };
  for (const name of candidates) {
    const found = arrayProperty(name);
    if (found) return found;
  }
  if (!PAGE_MARKERS.some((marker) => properties.has(marker))) return undefined;
  const arrays = [...properties.keys()].map(arrayProperty).filter((found) => found !== undefined);
  return arrays.length === 1 ? arrays[0] : undefined;
}

/** `x-pagination: false` on an operation: its author says it is not a paginated list (e.g. a bounded enumeration). */
export function optsOutOfPagination(operation: OperationInfo): boolean {
  return operation.node.value["x-pagination"] === false;
}

const cache = new WeakMap<OperationInfo, { settings: ConventionSettings; list: ListOperation | undefined }>();

/**
 * The operation as a list operation (CONVENTIONS.md §1): a GET on a collection path whose success response carries a
 * collection; undefined for anything else, and for operations that opt out with `x-pagination: false`.
 * Memoized per operation, as every pagination rule asks for each operation of the same walk.
 */
export function listOperationOf(
  document: SpecDocument,
  operation: OperationInfo,
  settings: ConventionSettings,
): ListOperation | undefined {
  const cached = cache.get(operation);
  if (cached && cached.settings === settings) return cached.list;
  const list = computeListOperation(document, operation, settings);
  cache.set(operation, { settings, list });
  return list;
}

function computeListOperation(
  document: SpecDocument,
  operation: OperationInfo,
  settings: ConventionSettings,
): ListOperation | undefined {
  if (operation.method !== "get" || !isCollectionPath(operation.path) || optsOutOfPagination(operation))
    return undefined;
  const body = successBody(document, operation);
  if (!body) return undefined;
  const items = findItemsArray(document, body.schema, itemsNameCandidates(operation.path, settings));
  return items ? { operation, body, items } : undefined;
}

/** The operation's query parameter of that name (path-level and operation-level merged, resolved). */
export function queryParameter(operation: OperationInfo, name: string): Located<JsonObject> | undefined {
  return operation.parameters.find((p) => p.value.in === "query" && p.value.name === name);
}
