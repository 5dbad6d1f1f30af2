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
  // JSON Schema 2020-12 §10.3.1.3: how many items must match `contains`.
  { keyword: "minContains", stricter: "higher" },
  { keyword: "maxContains", stricter: "lower" },
] as const;

/** Keywords that only annotate: a schema made of these alone accepts every value, like `{}` or `true`. */
const ANNOTATIONS = new Set([
  "title",
  "description",
  "example",
  "examples",
  "$comment",
  "deprecated",
  "readOnly",
  "writeOnly",
  "default",
  "externalDocs",
  "xml",
  "$id",
  "$schema",
  "$anchor",
  "discriminator",
]);

/** True for a schema that accepts everything: `true`, `{}`, or only annotations and extensions. */
export function acceptsAnything(value: unknown): boolean {
  if (value === true) return true;
  return isObject(value) && Object.keys(value).every((key) => ANNOTATIONS.has(key) || key.startsWith("x-"));
}

/**
 * A schema as the diff compares it: `$ref`s followed, `allOf` members merged into one object, a `null` branch or
 * `nullable: true` turned into a flag. What a schema means, not how it is written, so a refactoring into
 * components or into allOf is not a change.
 */
export interface SchemaView {
  /** The schema node itself (after `$ref`s), the place changes to it are reported. */
  node: Located;
  /** Identity for memoising comparisons: the source place, or the places an alternative was merged from. */
  key: string;
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
  deprecated: boolean;
  default: unknown;
  /** OpenAPI's discriminator of the oneOf/anyOf branches: the property and its mapping (value -> $ref). */
  discriminator: { propertyName: string; mapping: Map<string, string> } | undefined;
  // JSON Schema 2020-12 applicators and assertions (OpenAPI 3.1); draft-4 `dependencies` folds into the two maps.
  dependentRequired: Map<string, Set<string>>;
  dependentSchemas: Map<string, Located>;
  contains: Located | undefined;
  propertyNames: Located | undefined;
  patternProperties: Map<string, Located>;
  prefixItems: Located[];
  unevaluatedProperties: false | Located | undefined;
  unevaluatedItems: false | Located | undefined;
  conditional: { if: Located; then: Located | undefined; else: Located | undefined } | undefined;
  not: Located | undefined;
  contentSchema: Located | undefined;
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
    key: keyOf(node),
    types: typesOf(value),
    nullable: value.nullable === true,
    properties: new Map(),
    propertiesAt: document.child(node, "properties") ?? node,
    required: new Set(
      Array.isArray(value.required) ? value.required.filter((name): name is string => typeof name === "string") : [],
    ),
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
    deprecated: value.deprecated === true,
    default: value.default,
    discriminator: discriminatorOf(value.discriminator),
    dependentRequired: new Map(),
    dependentSchemas: new Map(),
    contains: document.child(node, "contains"),
    propertyNames: document.child(node, "propertyNames"),
    patternProperties: new Map(),
    prefixItems: [],
    unevaluatedProperties: closedOrSchema(document.child(node, "unevaluatedProperties")),
    unevaluatedItems: closedOrSchema(document.child(node, "unevaluatedItems")),
    conditional: undefined,
    not: document.child(node, "not"),
    contentSchema: document.child(node, "contentSchema"),
  };
  readApplicators(document, node, view);
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
  view.additionalProperties = closedOrSchema(document.child(node, "additionalProperties"));

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
  if (allOf && Array.isArray(allOf.value))
    for (const [, member] of document.children(allOf)) mergeInto(document, view, member, seen);
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
  view.deprecated ||= part.deprecated;
  view.default ??= part.default;
  view.discriminator ??= part.discriminator;
  for (const [name, names] of part.dependentRequired)
    view.dependentRequired.set(name, new Set([...(view.dependentRequired.get(name) ?? []), ...names]));
  for (const [name, schema] of part.dependentSchemas)
    if (!view.dependentSchemas.has(name)) view.dependentSchemas.set(name, schema);
  for (const [pattern, schema] of part.patternProperties)
    if (!view.patternProperties.has(pattern)) view.patternProperties.set(pattern, schema);
  if (view.prefixItems.length === 0) view.prefixItems = part.prefixItems;
  view.contains ??= part.contains;
  view.propertyNames ??= part.propertyNames;
  view.unevaluatedProperties ??= part.unevaluatedProperties;
  view.unevaluatedItems ??= part.unevaluatedItems;
  view.conditional ??= part.conditional;
  view.not ??= part.not;
  view.contentSchema ??= part.contentSchema;
}

/** A view of one alternative of a oneOf/anyOf: what the schema says around its branches, and that branch. */
export function alternativeView(document: SpecDocument, around: SchemaView, branch: Located): SchemaView {
  const resolved = document.resolve(branch);
  const own = viewSchema(document, resolved);
  const hasOwn = around.properties.size > 0 || around.required.size > 0 || around.additionalProperties !== undefined;
  // Nullability is the surrounding schema's (compared there): `nullable: true` next to a oneOf lets null through.
  if (!hasOwn && (own.nullable || !around.nullable)) return own;
  const merged: SchemaView = {
    ...own,
    key: `${around.key}&${own.key}`,
    nullable: around.nullable || own.nullable,
    properties: new Map(own.properties),
    required: new Set(own.required),
    bounds: new Map(own.bounds),
  };
  merged.types ??= around.types;
  for (const [name, property] of around.properties)
    if (!merged.properties.has(name)) merged.properties.set(name, property);
  for (const name of around.required) merged.required.add(name);
  merged.additionalProperties ??= around.additionalProperties;
  return merged;
}

/** `false` (nothing allowed), a constraining schema, or undefined when anything is allowed. */
function closedOrSchema(node: Located | undefined): false | Located | undefined {
  if (!node) return undefined;
  if (node.value === false) return false;
  return acceptsAnything(node.value) ? undefined : node;
}

function discriminatorOf(value: unknown): SchemaView["discriminator"] {
  if (!isObject(value) || typeof value.propertyName !== "string") return undefined;
  const mapping = new Map<string, string>();
  if (isObject(value.mapping))
    for (const [name, target] of Object.entries(value.mapping))
      if (typeof target === "string") mapping.set(name, target);
  return { propertyName: value.propertyName, mapping };
}

function readApplicators(document: SpecDocument, node: Located, view: SchemaView): void {
  const value = node.value as Record<string, unknown>;
  for (const keyword of ["dependentRequired", "dependencies"]) {
    const entry = value[keyword];
    if (!isObject(entry)) continue;
    for (const [name, names] of Object.entries(entry))
      if (Array.isArray(names))
        view.dependentRequired.set(name, new Set(names.filter((item): item is string => typeof item === "string")));
  }
  for (const keyword of ["dependentSchemas", "dependencies"]) {
    const entry = document.child(node, keyword);
    if (entry)
      for (const [name, schema] of document.children(entry))
        if (isObject(schema.value)) view.dependentSchemas.set(name, schema);
  }
  const patterns = document.child(node, "patternProperties");
  if (patterns)
    for (const [pattern, schema] of document.children(patterns)) view.patternProperties.set(pattern, schema);
  const prefix = document.child(node, "prefixItems");
  if (prefix && Array.isArray(prefix.value)) view.prefixItems = document.children(prefix).map(([, item]) => item);
  const condition = document.child(node, "if");
  if (condition)
    view.conditional = { if: condition, then: document.child(node, "then"), else: document.child(node, "else") };
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
  for (const [flag, base] of [
    ["exclusiveMinimum", "minimum"],
    ["exclusiveMaximum", "maximum"],
  ] as const) {
    const limit = bounds.get(base);
    if (value[flag] === true && limit !== undefined) {
      bounds.set(flag, limit);
      bounds.delete(base);
    }
  }
  return bounds;
}

function isNullSchema(value: unknown): boolean {
  return (
    isObject(value) &&
    (value.type === "null" || (Array.isArray(value.type) && value.type.length === 1 && value.type[0] === "null"))
  );
}
