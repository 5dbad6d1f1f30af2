// types.ts of the generated output: openapi-typescript's transform over the bundled document (the design card's
// choice). Our loader has already validated and bundled the document, so we call the transform directly instead of
// `openapiTS()`, which would lint and bundle it a second time with Redocly (two thirds of its time on GitHub's spec).
import { astToString, resolveRef, scanDiscriminators, transformSchema, type GlobalContext, type OpenAPI3 } from "openapi-typescript";
import { refersToItselfInPlace } from "../../templates/runtime/server/json-schema.js";
import { generatedHeader } from "./shared/header.js";

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

/** openapi-typescript keys `operations` by operationId: a duplicate would be a duplicate interface member. Later
 * duplicates get a numeric suffix (the client addresses operations by path and method, never by this key). `%` is
 * replaced because openapi-typescript percent-decodes the id where `paths` refers to it but not in the key itself. */
function uniqueOperationIds(document: Record<string, unknown>): void {
  const seen = new Set<string>();
  const paths = (document.paths ?? {}) as Record<string, Record<string, { operationId?: unknown } | undefined>>;
  for (const path of Object.keys(paths).sort()) {
    for (const method of METHODS) {
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

/** Where a schema's TypeScript type is its own type again without an object type in between (a union, an
 * intersection or an array of it). */
const SAME_TYPE_KEYWORDS = ["allOf", "anyOf", "oneOf", "items", "prefixItems"];

/** A component schema defined only through itself (`A: {$ref: B}, B: {$ref: A}`, `C: {allOf: [{$ref: C}]}`,
 * `D: {items: {$ref: D}}`) would be a type alias of itself, which TypeScript rejects (TS2502): it becomes `unknown`. */
function unknownForSelfDefinedSchemas(document: Record<string, unknown>): void {
  const components = document.components as { schemas?: Record<string, unknown> } | undefined;
  const schemas = components?.schemas;
  if (schemas === undefined) return;
  const selfDefined = Object.keys(schemas).filter((name) =>
    refersToItselfInPlace(document, `#/components/schemas/${name.replace(/~/g, "~0").replace(/\//g, "~1").replace(/%/g, "%25")}`, SAME_TYPE_KEYWORDS),
  );
  for (const name of selfDefined) Object.defineProperty(schemas, name, { value: {}, enumerable: true, writable: true, configurable: true });
}

export function emitTypes(bundledDoc: Readonly<Record<string, unknown>>, source: string): string {
  // The transform annotates the object it is given; the caller's document stays untouched.
  const document = JSON.parse(JSON.stringify(bundledDoc)) as Record<string, unknown>;
  uniqueOperationIds(document);
  unknownForSelfDefinedSchemas(document);
  const schema = document as unknown as OpenAPI3;
  const ctx: GlobalContext = {
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
  return generatedHeader(source) + "\n" + astToString(transformSchema(schema, ctx));
}
