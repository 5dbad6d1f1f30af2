// The conformance run's own view of the spec's schemas: an ajv instance over the whole bundled document,
// independent of the generated server's validators (which are what is being measured). OpenAPI 3.0 schemas are
// turned into draft-07 (nullable, boolean exclusive bounds); 3.1 ones are compiled as 2020-12. readOnly
// properties are not required in requests, writeOnly ones not in responses (OpenAPI 3.0.3 §4.7.25).
import { Ajv, type ValidateFunction } from "ajv";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";

type Json = Record<string, unknown>;
export type Direction = "request" | "response";

// ajv-formats is CommonJS: under NodeNext its default import is the module object.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

const SCHEMA_MAPS = ["properties", "patternProperties", "definitions", "$defs", "dependentSchemas"];
const SCHEMA_LISTS = ["allOf", "anyOf", "oneOf", "prefixItems"];
const SCHEMA_ONES = [
  "additionalProperties",
  "not",
  "if",
  "then",
  "else",
  "contains",
  "propertyNames",
  "additionalItems",
  "unevaluatedProperties",
  "unevaluatedItems",
];
const ANNOTATIONS = new Set([
  "example",
  "examples",
  "discriminator",
  "xml",
  "externalDocs",
  "nullable",
  "readOnly",
  "writeOnly",
  "deprecated",
  "$id",
  "id",
  "$schema",
]);
const INT32 = { min: -(2 ** 31), max: 2 ** 31 - 1 };

export const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** A `#/a/b` pointer's value in `document`, or undefined. */
export function atPointer(document: unknown, pointer: string): unknown {
  let node = document;
  for (const raw of pointer.replace(/^#/, "").split("/").slice(1)) {
    const token = decodeURIComponent(raw).replace(/~1/g, "/").replace(/~0/g, "~");
    if (!isObject(node) && !Array.isArray(node)) return undefined;
    node = (node as Json)[token];
  }
  return node;
}

export function pointerOf(tokens: readonly string[]): string {
  return `#${tokens.map((t) => `/${t.replace(/~/g, "~0").replace(/\//g, "~1")}`).join("")}`;
}

/** Follows `$ref`s (document-internal) until a node without one; undefined when a ref leads nowhere. */
export function deref(document: unknown, node: unknown, depth = 0): Json | undefined {
  if (!isObject(node)) return undefined;
  if (typeof node.$ref !== "string" || depth > 20) return node;
  return deref(document, atPointer(document, node.$ref), depth + 1);
}

function compilablePattern(pattern: unknown): boolean {
  if (typeof pattern !== "string") return false;
  try {
    new RegExp(pattern, "u");
    return true;
  } catch {
    return false;
  }
}

/** One schema converted for ajv; `$ref`s become absolute (`https://conformance.invalid/spec#...`) so they resolve in the registered document. */
function convert(node: unknown, openapi30: boolean, direction: Direction): unknown {
  if (typeof node === "boolean") return node;
  if (!isObject(node)) return true;
  if (typeof node.$ref === "string")
    return { $ref: node.$ref.startsWith("#") ? `https://conformance.invalid/spec${node.$ref}` : node.$ref };
  const out: Json = {};
  for (const [key, value] of Object.entries(node)) {
    if (ANNOTATIONS.has(key) || key.startsWith("x-") || key === "__proto__") continue;
    if (SCHEMA_MAPS.includes(key) && isObject(value)) {
      out[key] = Object.fromEntries(
        Object.entries(value)
          .filter(([name]) => key !== "patternProperties" || compilablePattern(name))
          .map(([name, sub]) => [name, convert(sub, openapi30, direction)]),
      );
    } else if (SCHEMA_LISTS.includes(key) && Array.isArray(value))
      out[key] = value.map((sub) => convert(sub, openapi30, direction));
    else if (key === "items")
      out[key] = Array.isArray(value)
        ? value.map((sub) => convert(sub, openapi30, direction))
        : convert(value, openapi30, direction);
    else if (SCHEMA_ONES.includes(key)) out[key] = convert(value, openapi30, direction);
    else if (key === "pattern" && !compilablePattern(value)) continue;
    else if (
      key === "type" &&
      (value === "file" ||
        (typeof value === "string" &&
          !["string", "number", "integer", "boolean", "object", "array", "null"].includes(value)))
    )
      continue;
    else out[key] = value;
  }
  const hidden = direction === "request" ? "readOnly" : "writeOnly";
  if (Array.isArray(node.required) && isObject(node.properties)) {
    const properties = node.properties;
    const required = node.required.filter(
      (name) =>
        typeof name === "string" && !(isObject(properties[name]) && (properties[name] as Json)[hidden] === true),
    );
    if (required.length > 0) out.required = required;
    else delete out.required;
  } else if (!Array.isArray(node.required)) delete out.required;
  if (openapi30) {
    if (node.nullable === true) {
      if (typeof out.type === "string") out.type = [out.type, "null"];
      if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
      if (out.type === undefined && out.enum === undefined) return { anyOf: [{ type: "null" }, out] };
    }
    for (const [flag, bound] of [
      ["exclusiveMinimum", "minimum"],
      ["exclusiveMaximum", "maximum"],
    ] as const) {
      if (typeof node[flag] !== "boolean") continue;
      if (node[flag] === true && typeof node[bound] === "number") {
        out[flag] = node[bound];
        delete out[bound];
      } else delete out[flag];
    }
  }
  return out;
}

/** Every schema position of the document converted, the rest copied: the resource `$ref`s point into. */
function convertDocument(node: unknown, openapi30: boolean, direction: Direction, key = ""): unknown {
  if (Array.isArray(node)) return node.map((item) => convertDocument(item, openapi30, direction));
  if (!isObject(node)) return node;
  const out: Json = {};
  for (const [name, value] of Object.entries(node)) {
    if (name === "example" || name === "examples" || name === "__proto__") continue;
    if (name === "schema" || key === "schemas") out[name] = convert(value, openapi30, direction);
    else out[name] = convertDocument(value, openapi30, direction, name);
  }
  return out;
}

export interface SpecSchemas {
  /** The validator of the schema at `pointer` (a `#/...` pointer into the bundled document); cached. */
  validator(pointer: string, direction: Direction): ValidateFunction;
  /** Validates `value` against `schema` (a node of the document), for one-off candidates. */
  accepts(schema: unknown, value: unknown, direction: Direction): boolean;
}

export function specSchemas(document: Json): SpecSchemas {
  const openapi30 = typeof document.openapi !== "string" || !document.openapi.startsWith("3.1");
  const instances = new Map<Direction, Ajv>();
  const cache = new Map<string, ValidateFunction>();
  const ajvFor = (direction: Direction): Ajv => {
    let ajv = instances.get(direction);
    if (ajv === undefined) {
      const options = {
        strict: false,
        allErrors: false,
        logger: false as const,
        validateSchema: false,
        validateFormats: true,
      };
      ajv = openapi30 ? new Ajv(options) : (new Ajv2020(options) as unknown as Ajv);
      addFormats(ajv);
      ajv.addFormat("int32", {
        type: "number",
        validate: (n: number) => Number.isInteger(n) && n >= INT32.min && n <= INT32.max,
      });
      for (const name of ["int64", "float", "double", "byte", "binary", "password"])
        if (!ajv.formats[name]) ajv.addFormat(name, true);
      ajv.addSchema(convertDocument(document, openapi30, direction) as Json, "https://conformance.invalid/spec");
      instances.set(direction, ajv);
    }
    return ajv;
  };
  const compiled = {
    request: new WeakMap<object, ValidateFunction>(),
    response: new WeakMap<object, ValidateFunction>(),
  };
  const compile = (schema: unknown, direction: Direction): ValidateFunction => {
    const known = isObject(schema) ? compiled[direction].get(schema) : undefined;
    if (known) return known;
    const validate = ajvFor(direction).compile(convert(schema, openapi30, direction) as Json);
    if (isObject(schema)) compiled[direction].set(schema, validate);
    return validate;
  };
  return {
    validator(pointer, direction) {
      const key = `${direction} ${pointer}`;
      let validate = cache.get(key);
      if (validate === undefined) {
        validate = compile(atPointer(document, pointer), direction);
        cache.set(key, validate);
      }
      return validate;
    },
    accepts(schema, value, direction) {
      try {
        return compile(schema, direction)(value) === true;
      } catch {
        return false;
      }
    },
  };
}

/** ajv's first error as one line: where, and what. */
export function firstError(validate: ValidateFunction): string {
  const error = validate.errors?.[0];
  if (!error) return "invalid";
  return `${error.instancePath || "/"} ${error.message ?? error.keyword}`;
}
