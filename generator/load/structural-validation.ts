import { createRequire } from "node:module";
import type { StructuralProblem } from "./spec-document.js";

const require = createRequire(import.meta.url);
// swagger-parser's own schema validator (the official OpenAPI 2.0/3.0/3.1 JSON schemas through ajv), called on the
// document as written: `validate()` would first dereference it, which costs seconds on large specs and loses positions.
const validateSchema = require("@apidevtools/swagger-parser/lib/validators/schema.js") as (api: unknown) => void;

interface AjvError {
  instancePath: string;
  keyword: string;
  message?: string;
  params?: Record<string, unknown>;
}

const MAX_PROBLEMS = 25;

/** Schema violations of an OpenAPI document, one per place, most specific first. */
export function validateStructure(document: unknown, file: string): StructuralProblem[] {
  try {
    validateSchema(document);
    return [];
  } catch (error) {
    const details = (error as { details?: AjvError[] }).details;
    if (!Array.isArray(details)) return [{ message: `OpenAPI validation failed: ${(error as Error).message.split("\n")[0]}`, at: { file, pointer: "" } }];
    return summarise(details).map((detail) => ({ message: describe(detail), at: { file, pointer: detail.instancePath } }));
  }
}

/**
 * The OpenAPI schemas are full of oneOf/anyOf: one mistake yields a cascade of errors along the path to it.
 * Keep the deepest error per branch and prefer the keywords that say what to change.
 */
function summarise(errors: AjvError[]): AjvError[] {
  const byPath = new Map<string, AjvError>();
  const rank = (e: AjvError) => (["required", "additionalProperties", "type", "enum", "pattern", "format"].includes(e.keyword) ? 0 : 1);
  for (const error of errors) {
    const existing = byPath.get(error.instancePath);
    if (!existing || rank(error) < rank(existing)) byPath.set(error.instancePath, error);
  }
  const paths = [...byPath.keys()];
  const leaves = paths.filter((path) => !paths.some((other) => other !== path && other.startsWith(path + "/")));
  return leaves.sort().slice(0, MAX_PROBLEMS).map((path) => byPath.get(path)!);
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
