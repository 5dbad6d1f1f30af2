import { createRequire } from "node:module";
import type { Ajv, ErrorObject, ValidateFunction } from "ajv";
import { cachedValidator } from "../load/cached-validator.js";
import { closestMatch } from "./closest-match.js";
import { joinPointer } from "../load/json-pointer.js";

const require = createRequire(import.meta.url);
const OPTIONS = { allErrors: false, strict: true };

/** A validator for one of the config's schemas, compiled once and cached on disk (ajv is not even loaded later). */
export function configValidator(name: string, schema: object): ValidateFunction {
  return cachedValidator<ValidateFunction>({
    name,
    schema,
    options: OPTIONS,
    ajvVersion: (require("ajv/package.json") as { version: string }).version,
    compile: () => {
      const { Ajv: AjvClass } = require("ajv") as { Ajv: typeof Ajv };
      const ajv = new AjvClass({ ...OPTIONS, code: { source: true } });
      return { ajv, validate: ajv.compile(schema) };
    },
    standaloneCode: (ajv, validate) =>
      (require("ajv/dist/standalone") as { default: (ajv: Ajv, validate: ValidateFunction) => string }).default(
        ajv as Ajv,
        validate,
      ),
  });
}

/** The property names `schema` allows at the place an ajv error's `schemaPath` points into (its parent keyword). */
export function allowedKeysAt(schema: object, schemaPath: string): string[] {
  const tokens = schemaPath
    .replace(/^#\//, "")
    .split("/")
    .slice(0, -1)
    .map((token) => token.replace(/~1/g, "/").replace(/~0/g, "~"));
  let node: unknown = schema;
  for (const token of tokens) node = (node as Record<string, unknown> | undefined)?.[token];
  const properties = (node as { properties?: Record<string, unknown> } | undefined)?.properties;
  return properties ? Object.keys(properties) : [];
}

/** "did you mean "x"? " when a known key is close to the misspelt one. */
export function didYouMean(key: string, allowed: readonly string[]): string {
  const guess = closestMatch(key, allowed);
  return guess ? `did you mean "${guess}"? ` : "";
}

/** An ajv error of a config shape check as message, pointer and fix. */
export function describeShapeError(
  error: ErrorObject,
  schema: object,
): [message: string, pointer: string, fix: string] {
  const params = error.params as Record<string, unknown>;
  if (error.keyword === "additionalProperties" && typeof params.additionalProperty === "string") {
    const key = params.additionalProperty;
    const allowed = allowedKeysAt(schema, error.schemaPath);
    return [
      `unknown key "${key}"`,
      joinPointer(error.instancePath, key),
      `${didYouMean(key, allowed)}allowed here: ${allowed.join(", ")}`,
    ];
  }
  if (error.keyword === "enum" && Array.isArray(params.allowedValues)) {
    return [`invalid value`, error.instancePath, `use one of ${params.allowedValues.join(", ")}`];
  }
  if (error.keyword === "required" && typeof params.missingProperty === "string") {
    return [`missing "${params.missingProperty}"`, error.instancePath, `add \`${params.missingProperty}:\` here`];
  }
  return [
    `invalid value: ${error.message ?? error.keyword}`,
    error.instancePath,
    "correct the value (see the specwright.config.yaml reference in the README)",
  ];
}
