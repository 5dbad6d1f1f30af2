// The conformance run's own view of the spec's schemas: an ajv instance over the whole bundled document,
// independent of the generated server's validators (which are what is being measured). OpenAPI 3.0 schemas are
// turned into draft-07 (nullable, boolean exclusive bounds); 3.1 ones are compiled as 2020-12. readOnly
// properties are not required in requests, writeOnly ones not in responses (OpenAPI 3.0.3 §4.7.25).
import { Ajv, type ValidateFunction } from "ajv";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { enumDeniesType } from "../../templates/runtime/server/enum-type.js";
import { hasIndistinctBranches } from "../../templates/runtime/server/indistinct-branches.js";

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
    const token = decodeToken(raw);
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

const SPEC_ID = "https://conformance.invalid/spec";
const THROUGH_REF_ID = "https://conformance.invalid/through-ref/";

/** How schemas are converted: the spec's version, the direction, and where a `$ref` points after conversion. */
interface How {
  document: unknown;
  openapi30: boolean;
  direction: Direction;
  refTo(ref: string): string;
}

/**
 * Whether a `#/...` pointer passes through a node holding a `$ref` (codat.io: `#/paths/…/schema/properties/logo/
 * properties/full`, where that `schema` is `{ $ref: Branding, properties: { logo: … } }`, as bundlers write them).
 * Conversion keeps only the `$ref` of such a node (its siblings are ignored, OpenAPI 3.0.3 §4.7.24), so the
 * pointer no longer resolves in the converted document: its target is registered as a schema of its own.
 */
function passesThroughRef(document: unknown, ref: string): boolean {
  const tokens = ref.replace(/^#/, "").split("/").slice(1);
  let node = document;
  for (const raw of tokens.slice(0, -1)) {
    node = isObject(node) || Array.isArray(node) ? (node as Json)[decodeToken(raw)] : undefined;
    if (isObject(node) && typeof node.$ref === "string") return true;
  }
  return false;
}

const decodeToken = (raw: string) => decodeURIComponent(raw).replace(/~1/g, "/").replace(/~0/g, "~");

/** One schema converted for ajv; `$ref`s become absolute (`https://conformance.invalid/spec#...`) so they resolve in the registered document. */
function convert(node: unknown, how: How): unknown {
  const { openapi30, direction } = how;
  if (typeof node === "boolean") return node;
  if (!isObject(node)) return true;
  if (typeof node.$ref === "string") return { $ref: node.$ref.startsWith("#") ? how.refTo(node.$ref) : node.$ref };
  const out: Json = {};
  for (const [key, value] of Object.entries(node)) {
    if (ANNOTATIONS.has(key) || key.startsWith("x-") || key === "__proto__") continue;
    if (SCHEMA_MAPS.includes(key) && isObject(value)) {
      out[key] = Object.fromEntries(
        Object.entries(value)
          .filter(([name]) => key !== "patternProperties" || compilablePattern(name))
          .map(([name, sub]) => [name, convert(sub, how)]),
      );
    } else if (SCHEMA_LISTS.includes(key) && Array.isArray(value)) out[key] = value.map((sub) => convert(sub, how));
    else if (key === "items")
      out[key] = Array.isArray(value) ? value.map((sub) => convert(sub, how)) : convert(value, how);
    else if (SCHEMA_ONES.includes(key)) out[key] = convert(value, how);
    else if (key === "pattern" && !compilablePattern(value)) continue;
    else if (key === "type" && enumDeniesType(value, node.enum))
      continue; // read as the generated server reads it
    else if (
      key === "type" &&
      (value === "file" ||
        (typeof value === "string" &&
          !["string", "number", "integer", "boolean", "object", "array", "null"].includes(value)))
    )
      continue;
    else out[key] = value;
  }
  if (out.oneOf !== undefined && hasIndistinctBranches(node.oneOf, (ref) => atPointer(how.document, ref))) {
    // no value could match exactly one branch: read as the spec's generated server reads it
    const branches = out.oneOf;
    delete out.oneOf;
    if (out.anyOf === undefined) out.anyOf = branches;
    else out.allOf = [...(Array.isArray(out.allOf) ? out.allOf : []), { anyOf: branches }];
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
function convertDocument(node: unknown, how: How, key = ""): unknown {
  if (Array.isArray(node)) return node.map((item) => convertDocument(item, how));
  if (!isObject(node)) return node;
  const out: Json = {};
  for (const [name, value] of Object.entries(node)) {
    if (name === "example" || name === "examples" || name === "__proto__") continue;
    if (name === "schema" || key === "schemas") out[name] = convert(value, how);
    else out[name] = convertDocument(value, how, name);
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
  const instances = new Map<Direction, { ajv: Ajv; how: How; flush(): void }>();
  const cache = new Map<string, ValidateFunction>();
  const ajvFor = (direction: Direction) => {
    let instance = instances.get(direction);
    if (instance === undefined) {
      const options = {
        strict: false,
        allErrors: false,
        logger: false as const,
        validateSchema: false,
        validateFormats: true,
      };
      const ajv = openapi30 ? new Ajv(options) : (new Ajv2020(options) as unknown as Ajv);
      addFormats(ajv);
      ajv.addFormat("int32", {
        type: "number",
        validate: (n: number) => Number.isInteger(n) && n >= INT32.min && n <= INT32.max,
      });
      for (const name of ["int64", "float", "double", "byte", "binary", "password"])
        if (!ajv.formats[name]) ajv.addFormat(name, true);
      // Targets of pointers through a `$ref` node (passesThroughRef), by pointer: their schema ids, those not added yet.
      const throughRefs = new Map<string, string>();
      const pending: string[] = [];
      const how: How = {
        document,
        openapi30,
        direction,
        refTo(ref) {
          if (!passesThroughRef(document, ref)) return `${SPEC_ID}${ref}`;
          let id = throughRefs.get(ref);
          if (id === undefined) {
            id = `${THROUGH_REF_ID}${throughRefs.size}`;
            throughRefs.set(ref, id);
            pending.push(ref);
          }
          return id;
        },
      };
      const flush = () => {
        for (let ref = pending.shift(); ref !== undefined; ref = pending.shift())
          ajv.addSchema(convert(atPointer(document, ref), how) as Json, throughRefs.get(ref));
      };
      ajv.addSchema(convertDocument(document, how) as Json, SPEC_ID);
      flush();
      instance = { ajv, how, flush };
      instances.set(direction, instance);
    }
    return instance;
  };
  const compiled = {
    request: new WeakMap<object, ValidateFunction>(),
    response: new WeakMap<object, ValidateFunction>(),
  };
  const compile = (schema: unknown, direction: Direction): ValidateFunction => {
    const known = isObject(schema) ? compiled[direction].get(schema) : undefined;
    if (known) return known;
    const { ajv, how, flush } = ajvFor(direction);
    const converted = convert(schema, how) as Json;
    flush();
    const validate = ajv.compile(converted);
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
