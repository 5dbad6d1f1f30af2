import type { Located, SpecDocument } from "../load/index.js";
import { isObject } from "../conventions/operation-info.js";

/** A bound keyword and which way is stricter. */
export const BOUNDS = [
  { keyword: "minimum", stricter: "higher" },
  { keyword: "exclusiveMinimum", stricter: "higher" },
  { keyword: "maximum", stricter: "lower" },
  { keyword: "exclusiveMaximum", stricter: "lower" },
  { keyword: "minLength", stricter: "higher" },
  { keyword: "maxLength", stricter: "lower" },
  { keyword: "minItems", stricter: "higher" },
  { keyword: "maxItems", stricter: "lower" },
  { keyword: "minProperties", stricter: "higher" },
  { keyword: "maxProperties", stricter: "lower" },
] as const;

/**
 * A schema as the diff compares it: `$ref`s followed, `allOf` members merged into one object, a `null` branch or
 * `nullable: true` turned into a flag. What a schema means, not how it is written, so a refactoring into
 * components or into allOf is not a change.
 */
export interface SchemaView {
  /** The schema node itself (after `$ref`s), the place changes to it are reported. */
  node: Located;
  /** Allowed JSON types; undefined when the schema does not restrict the type. */
  types: Set<string> | undefined;
  nullable: boolean;
  properties: Map<string, Located>;
  /** Where the properties are written (the place to report a property added or removed). */
  propertiesAt: Located;
  required: Set<string>;
  enumValues: unknown[] | undefined;
  format: string | undefined;
  pattern: string | undefined;
  /** Numeric bounds by keyword (an OpenAPI 3.0 boolean exclusiveMinimum folds into the number). */
  bounds: Map<string, number>;
  uniqueItems: boolean;
  multipleOf: number | undefined;
  /** false when closed, a schema node when constrained, undefined when open. */
  additionalProperties: false | Located | undefined;
  items: Located | undefined;
  /** oneOf / anyOf alternatives other than the `null` one. */
  branches: { keyword: "oneOf" | "anyOf"; list: Located[] } | undefined;
  readOnly: boolean;
  writeOnly: boolean;
  default: unknown;
}

const views = new WeakMap<SpecDocument, Map<string, SchemaView>>();

export function keyOf(node: Located): string {
  return `${node.at.file}#${node.at.pointer}`;
}

/** The view of a schema, cached per document and source place. */
export function viewSchema(document: SpecDocument, schema: Located): SchemaView {
  const resolved = document.resolve(schema);
  let cache = views.get(document);
  if (!cache) views.set(document, (cache = new Map()));
  const key = keyOf(resolved);
  let view = cache.get(key);
  if (!view) {
    view = buildView(document, resolved, new Set([key]));
    cache.set(key, view);
  }
  return view;
}

function buildView(document: SpecDocument, node: Located, seen: Set<string>): SchemaView {
  const value = isObject(node.value) ? node.value : {};
  const view: SchemaView = {
    node,
    types: typesOf(value),
    nullable: value.nullable === true,
    properties: new Map(),
    propertiesAt: document.child(node, "properties") ?? node,
    required: new Set(Array.isArray(value.required) ? value.required.filter((name): name is string => typeof name === "string") : []),
    enumValues: Array.isArray(value.enum) ? [...value.enum] : "const" in value ? [value.const] : undefined,
    format: typeof value.format === "string" ? value.format : undefined,
    pattern: typeof value.pattern === "string" ? value.pattern : undefined,
    bounds: boundsOf(value),
    uniqueItems: value.uniqueItems === true,
    multipleOf: typeof value.multipleOf === "number" ? value.multipleOf : undefined,
    additionalProperties: undefined,
    items: document.child(node, "items"),
    branches: undefined,
    readOnly: value.readOnly === true,
    writeOnly: value.writeOnly === true,
    default: value.default,
  };
  if (view.types?.has("null")) {
    view.nullable = true;
    view.types.delete("null");
  }
  if (view.enumValues?.includes(null)) {
    view.nullable = true;
    view.enumValues = view.enumValues.filter((entry) => entry !== null);
  }
  const properties = document.child(node, "properties");
  if (properties) for (const [name, property] of document.children(properties)) view.properties.set(name, property);
  const additional = document.child(node, "additionalProperties");
  if (additional?.value === false) view.additionalProperties = false;
  else if (additional && isObject(additional.value) && Object.keys(additional.value).length > 0) view.additionalProperties = additional;

  for (const keyword of ["oneOf", "anyOf"] as const) {
    const list = document.child(node, keyword);
    if (!list || !Array.isArray(list.value)) continue;
    const branches: Located[] = [];
    let nullBranch = false;
    for (const [, branch] of document.children(list)) {
      if (isNullSchema(document.resolve(branch).value)) nullBranch = true;
      else branches.push(branch);
    }
    view.nullable ||= nullBranch;
    // `anyOf: [X, {type: null}]` is how 3.1 writes "X or null": X itself, nullable.
    const only = branches[0];
    if (nullBranch && branches.length === 1 && only && !view.branches) mergeInto(document, view, only, seen);
    else if (branches.length > 0 && !view.branches) view.branches = { keyword, list: branches };
  }
  const allOf = document.child(node, "allOf");
  if (allOf && Array.isArray(allOf.value)) for (const [, member] of document.children(allOf)) mergeInto(document, view, member, seen);
  return view;
}

/** Folds a member (allOf, or the lone non-null branch) into the view: what the view does not say, the member says. */
function mergeInto(document: SpecDocument, view: SchemaView, member: Located, seen: Set<string>): void {
  const resolved = document.resolve(member);
  const key = keyOf(resolved);
  if (seen.has(key)) return;
  const part = buildView(document, resolved, new Set([...seen, key]));
  view.types ??= part.types;
  view.nullable ||= part.nullable;
  for (const [name, property] of part.properties) if (!view.properties.has(name)) view.properties.set(name, property);
  if (view.propertiesAt === view.node && part.properties.size > 0) view.propertiesAt = part.propertiesAt;
  for (const name of part.required) view.required.add(name);
  view.enumValues ??= part.enumValues;
  view.format ??= part.format;
  view.pattern ??= part.pattern;
  for (const [keyword, bound] of part.bounds) if (!view.bounds.has(keyword)) view.bounds.set(keyword, bound);
  view.uniqueItems ||= part.uniqueItems;
  view.multipleOf ??= part.multipleOf;
  view.additionalProperties ??= part.additionalProperties;
  view.items ??= part.items;
  view.branches ??= part.branches;
  view.readOnly ||= part.readOnly;
  view.writeOnly ||= part.writeOnly;
  view.default ??= part.default;
}

function typesOf(value: Record<string, unknown>): Set<string> | undefined {
  if (typeof value.type === "string") return new Set([value.type]);
  if (Array.isArray(value.type)) return new Set(value.type.filter((type): type is string => typeof type === "string"));
  return undefined;
}

function boundsOf(value: Record<string, unknown>): Map<string, number> {
  const bounds = new Map<string, number>();
  for (const { keyword } of BOUNDS) {
    const bound = value[keyword];
    if (typeof bound === "number") bounds.set(keyword, bound);
  }
  // OpenAPI 3.0: `exclusiveMinimum: true` qualifies `minimum`; treat it as the 3.1 form so both compare alike.
  for (const [flag, base] of [["exclusiveMinimum", "minimum"], ["exclusiveMaximum", "maximum"]] as const) {
    const limit = bounds.get(base);
    if (value[flag] === true && limit !== undefined) {
      bounds.set(flag, limit);
      bounds.delete(base);
    }
  }
  return bounds;
}

function isNullSchema(value: unknown): boolean {
  return isObject(value) && (value.type === "null" || (Array.isArray(value.type) && value.type.length === 1 && value.type[0] === "null"));
}
