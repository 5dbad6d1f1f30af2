// types.ts of the generated output: openapi-typescript's transform over the bundled document (the design card's
// choice). Our loader has already validated and bundled the document, so we call the transform directly instead of
// `openapiTS()`, which would lint and bundle it a second time with Redocly (two thirds of its time on GitHub's spec).
import { resolveRef, scanDiscriminators, type GlobalContext, type OpenAPI3 } from "openapi-typescript";
import { refersToItselfInPlace } from "../../templates/runtime/server/json-schema.js";
import { escapePointerToken, getAtPointer, parsePointer } from "../load/json-pointer.js";
import { generatedHeader } from "./shared/header.js";
import { transformSchemaText } from "./types-text.js";
import { HTTP_METHODS } from "../facts/http-methods.js";
import { isIgnoredHeaderParameter } from "../facts/ignored-header-parameters.js";
import { isTransportHeader } from "../facts/transport-headers.js";
import { carriedInQuery } from "../model/path-key.js";

/** openapi-typescript keys `operations` by operationId: a duplicate would be a duplicate interface member. Later
 * duplicates get a numeric suffix (the client addresses operations by path and method, never by this key). `%` is
 * replaced because openapi-typescript percent-decodes the id where `paths` refers to it but not in the key itself. */
function uniqueOperationIds(document: Record<string, unknown>): void {
  const seen = new Set<string>();
  const paths = (document.paths ?? {}) as Record<string, Record<string, { operationId?: unknown } | undefined>>;
  for (const path of Object.keys(paths).sort()) {
    for (const method of HTTP_METHODS) {
      const operation = paths[path]?.[method];
      if (!operation || typeof operation.operationId !== "string") continue;
      const wanted = operation.operationId.replace(/%/g, "_");
      let id = wanted;
      for (let n = 2; seen.has(id); n++) id = `${wanted}_${n}`;
      seen.add(id);
      operation.operationId = id;
    }
  }
}

/** Sets an own data property even for keys such as `__proto__` (which plain assignment would treat as the prototype). */
function setOwn(target: object, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** `components.schemas` of the document, or an empty record. */
function componentSchemas(document: Record<string, unknown>): Record<string, unknown> {
  return ((document.components ?? {}) as { schemas?: Record<string, unknown> }).schemas ?? {};
}

/** A `$ref` openapi-typescript can name as a type: a whole component (`#/components/schemas/Pet`). */
const COMPONENT_REF = /^#\/components\/[^/]+\/[^/]+$/;
/** Most inlined copies per document: a bound on growth for specs built from refs into refs. */
const INLINE_BUDGET = 10_000;

/**
 * A `$ref` into the middle of something (`#/paths/~1pets/get/responses/200/content/application~1json/schema`,
 * `#/components/schemas/Monster/allOf/3/properties/actions/items`, `#/components/parameters/id/schema`) becomes an
 * indexed access type that often does not exist (`components["parameters"]["id"]["schema"]` where the parameter's
 * type is its schema's). Such refs are replaced by a copy of what they point at; a copy that reaches its own ref
 * again (or the budget runs out) becomes `{}` (unknown).
 */
function inlineRefsIntoMembers(document: Record<string, unknown>): void {
  let budget = INLINE_BUDGET;
  // Copy on write: a document without such refs (most) is returned as it is, object for object.
  const visit = (node: unknown, expanding: readonly string[]): unknown => {
    if (node === null || typeof node !== "object") return node;
    if (Array.isArray(node)) {
      const items = node.map((item) => visit(item, expanding));
      return items.some((item, index) => item !== node[index]) ? items : node;
    }
    const record = node as Record<string, unknown>;
    const ref = record.$ref;
    if (typeof ref === "string" && ref.startsWith("#/") && !COMPONENT_REF.test(ref)) {
      if (expanding.includes(ref) || budget <= 0) return {};
      let tokens: string[];
      try {
        tokens = parsePointer(ref).map((token) => decodeURIComponent(token));
      } catch {
        return node;
      }
      const target = getAtPointer(document, tokens);
      if (target === undefined) return node;
      budget -= 1;
      return visit(structuredClone(target), [...expanding, ref]);
    }
    let copy: Record<string, unknown> | undefined;
    for (const [key, value] of Object.entries(record)) {
      const visited = visit(value, expanding);
      if (visited === value) continue;
      copy ??= { ...record };
      setOwn(copy, key, visited);
    }
    return copy ?? node;
  };
  // Every replacement is computed against the document as it was, then put in place.
  const replaced = Object.entries(document).map(([key, value]) => [key, visit(value, [])] as const);
  for (const [key, value] of replaced) document[key] = value;
}

/**
 * openapi-typescript adds a discriminator's property to each mapped child as one more `allOf` member, and writes a
 * child that has both `allOf` and `properties` as one object literal: when the child declares the property itself
 * (`class: {enum: [...]}`), the literal holds it twice (TS2300). Moving the child's own properties into an `allOf`
 * member of their own makes the type an intersection, where the property may appear in two members.
 */
function ownPropertiesAsAllOfMember(document: Record<string, unknown>): void {
  const schemas = componentSchemas(document);
  const discriminated = new Set<string>();
  for (const schema of Object.values(schemas)) {
    const name = (schema as { discriminator?: { propertyName?: unknown } } | null)?.discriminator?.propertyName;
    if (typeof name === "string") discriminated.add(name);
  }
  if (discriminated.size === 0) return;
  for (const schema of Object.values(schemas)) {
    if (schema === null || typeof schema !== "object") continue;
    const { allOf, properties, required, ...rest } = schema as Record<string, unknown>;
    if (!Array.isArray(allOf) || properties === null || typeof properties !== "object") continue;
    if (!Object.keys(properties).some((key) => discriminated.has(key))) continue;
    const own = { type: "object", properties, ...(required !== undefined ? { required } : {}) };
    const target = schema as Record<string, unknown>;
    for (const key of Object.keys(target)) delete target[key];
    for (const [key, value] of Object.entries({ ...rest, allOf: [...allOf, own] })) setOwn(target, key, value);
  }
}

/**
 * `type: object` with `enum: ["PKW", "VAN"]` (corpus: mercedes-benz configurator) admits no value at all, and
 * openapi-typescript throws on it. The types keep the `type` and leave out such an enum, as if it were a typo.
 */
function dropEnumsNoValueOfWhichFitsTheType(document: Record<string, unknown>): void {
  const schemas = componentSchemas(document);
  for (const schema of Object.values(schemas)) {
    if (schema === null || typeof schema !== "object") continue;
    const { type, enum: values } = schema as { type?: unknown; enum?: unknown };
    if (
      (type === "object" || type === "array") &&
      Array.isArray(values) &&
      values.every((value) => value === null || typeof value !== "object")
    ) {
      delete (schema as Record<string, unknown>).enum;
    }
  }
}

/**
 * Parameters as the model reads them: a header parameter OpenAPI says to ignore (facts/ignored-header-parameters.ts)
 * or one the transport sets itself (facts/transport-headers.ts) is left out, and a path parameter a path key's query template carries (`/alerts?lat={lat}`, model/path-key.ts
 * carriedInQuery) becomes an inline copy with `in: query` (a shared `#/components/parameters` entry is left as it is
 * for the other operations using it).
 */
function parametersAsTheModelReadsThem(document: Record<string, unknown>): void {
  const paths = (document.paths ?? {}) as Record<string, Record<string, unknown> | null>;
  const resolved = (entry: unknown): Record<string, unknown> | undefined => {
    const ref = (entry as { $ref?: unknown } | null)?.$ref;
    const target = typeof ref === "string" && ref.startsWith("#/") ? getAtPointer(document, parsePointer(ref)) : entry;
    return target !== null && typeof target === "object" ? (target as Record<string, unknown>) : undefined;
  };
  for (const [key, item] of Object.entries(paths)) {
    if (item === null || typeof item !== "object") continue;
    const lists = [item, ...HTTP_METHODS.map((method) => item[method])].filter(
      (owner): owner is Record<string, unknown> =>
        owner !== null && typeof owner === "object" && Array.isArray((owner as { parameters?: unknown }).parameters),
    );
    const declared = lists.flatMap((owner) =>
      (owner.parameters as unknown[]).flatMap((entry) => {
        const param = resolved(entry);
        return typeof param?.name === "string" ? [{ rawName: param.name, in: String(param.in) }] : [];
      }),
    );
    const carried = key.includes("?") ? carriedInQuery(key, declared) : new Set<string>();
    const ignored = declared.some((param) => ignoredHeader(param.in, param.rawName));
    if (carried.size === 0 && !ignored) continue;
    for (const owner of lists) {
      owner.parameters = (owner.parameters as unknown[]).flatMap((entry) => {
        const param = resolved(entry);
        if (param === undefined) return [entry];
        if (ignoredHeader(String(param.in), String(param.name))) return [];
        return param.in === "path" && carried.has(String(param.name)) ? [{ ...param, in: "query" }] : [entry];
      });
    }
  }
}

function ignoredHeader(location: string, name: string): boolean {
  return location === "header" && (isIgnoredHeaderParameter(name) || isTransportHeader(name));
}

/** Where a schema's TypeScript type is its own type again without an object type in between (a union, an
 * intersection or an array of it). */
const SAME_TYPE_KEYWORDS = ["allOf", "anyOf", "oneOf", "items", "prefixItems"];

/** A component schema defined only through itself (`A: {$ref: B}, B: {$ref: A}`, `C: {allOf: [{$ref: C}]}`,
 * `D: {items: {$ref: D}}`) would be a type alias of itself, which TypeScript rejects (TS2502): it becomes `unknown`. */
function unknownForSelfDefinedSchemas(document: Record<string, unknown>): void {
  const schemas = componentSchemas(document);
  const selfDefined = Object.keys(schemas).filter((name) =>
    refersToItselfInPlace(
      document,
      `#/components/schemas/${escapePointerToken(name).replace(/%/g, "%25")}`,
      SAME_TYPE_KEYWORDS,
    ),
  );
  for (const name of selfDefined) setOwn(schemas, name, {});
}

/** The document as the types are made from it: a copy with the repairs above (the caller's stays untouched). */
export function typesDocument(bundledDoc: Readonly<Record<string, unknown>>): Record<string, unknown> {
  // The transform annotates the object it is given; the caller's document stays untouched.
  const document = JSON.parse(JSON.stringify(bundledDoc)) as Record<string, unknown>;
  uniqueOperationIds(document);
  inlineRefsIntoMembers(document);
  parametersAsTheModelReadsThem(document);
  unknownForSelfDefinedSchemas(document);
  ownPropertiesAsAllOfMember(document);
  dropEnumsNoValueOfWhichFitsTheType(document);
  return document;
}

/** openapi-typescript's settings for a document made by typesDocument. */
export function typesContext(document: Record<string, unknown>): GlobalContext {
  const schema = document as unknown as OpenAPI3;
  return {
    additionalProperties: false,
    alphabetize: false,
    arrayLength: false,
    defaultNonNullable: true,
    discriminators: scanDiscriminators(schema, { silent: true }),
    emptyObjectsUnknown: false,
    enum: false,
    enumValues: false,
    dedupeEnums: false,
    excludeDeprecated: false,
    exportType: false,
    immutable: false,
    injectFooter: [],
    pathParamsAsTypes: false,
    postTransform: undefined,
    propertiesRequiredByDefault: false,
    rootTypes: false,
    rootTypesNoSchemaPrefix: false,
    // Only openapiTS()'s lint/bundle step reads the Redocly config; the transform never does.
    redoc: {} as GlobalContext["redoc"],
    silent: true,
    transform: undefined,
    resolve: <T>($ref: string) => resolveRef<T>(schema, $ref, { silent: true }),
    makePathsEnum: false,
    generatePathParams: false,
  };
}

/** The repaired copy of the document and openapi-typescript's context over it: made once per output, since on a
 * 47 MB spec (Microsoft Graph beta) each copy is ~250 MB of allocation and the discriminator scan a walk of it all.
 * types.ts and the client's request/response views (visibility.ts) both read it; neither changes it. */
export interface TypesInput {
  document: Record<string, unknown>;
  context: GlobalContext;
}

export function typesInput(bundledDoc: Readonly<Record<string, unknown>>): TypesInput {
  const document = typesDocument(bundledDoc);
  return { document, context: typesContext(document) };
}

export function emitTypes(
  bundledDoc: Readonly<Record<string, unknown>>,
  source: string,
  { document, context }: TypesInput = typesInput(bundledDoc),
): string {
  return generatedHeader(source) + "\n" + transformSchemaText(document, () => ({ ...context, injectFooter: [] }));
}
