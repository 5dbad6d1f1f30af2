// OpenAPI schemas -> JSON Schema 2020-12 that ajv compiles. Shared by the generator (validators compiled ahead
// of time) and by development-mode response validation, so both see the same rules.
// Every `$ref` target is copied once into `$defs` of one root schema and referenced from there, so identical
// `$ref`s share one compiled validator; annotations are dropped to keep the compiled code small.

type Json = Record<string, unknown>;

export type Direction = "request" | "response";

const SUBSCHEMA_MAPS = ["properties", "patternProperties", "$defs", "definitions", "dependentSchemas"];
const SUBSCHEMA_LISTS = ["allOf", "anyOf", "oneOf", "prefixItems"];
const SUBSCHEMAS = ["additionalProperties", "items", "not", "if", "then", "else", "contains", "propertyNames", "unevaluatedProperties", "unevaluatedItems", "additionalItems"];
const DROPPED = new Set(["description", "title", "example", "examples", "externalDocs", "xml", "discriminator", "deprecated", "readOnly", "writeOnly", "nullable", "$schema", "$comment", "$id"]);

export class SchemaRegistry {
  readonly rootId: string;
  private readonly defs = new Map<string, Json | boolean>();

  constructor(
    private readonly document: unknown,
    private readonly openapi30: boolean,
    private readonly direction: Direction,
  ) {
    this.rootId = direction === "request" ? "api-request" : "api-response";
  }

  /** A self-contained copy of `schema` whose refs point into this registry's root. */
  convert(schema: unknown): Json | boolean {
    return this.walk(schema);
  }

  /** The root schema holding every referenced definition; add it to ajv before compiling converted schemas. */
  root(): Json {
    const $defs: Record<string, Json | boolean> = {};
    for (const key of [...this.defs.keys()].sort()) $defs[key] = this.defs.get(key) ?? true;
    return { $id: this.rootId, $defs };
  }

  private walk(node: unknown): Json | boolean {
    if (typeof node === "boolean") return node;
    if (typeof node !== "object" || node === null || Array.isArray(node)) return true;
    const schema = node as Json;
    if (typeof schema.$ref === "string") {
      const ref = this.refTo(schema.$ref);
      if (this.openapi30) return { $ref: ref }; // 3.0: siblings of $ref are ignored
      const rest = this.walkKeywords(schema);
      delete rest.$ref;
      return Object.keys(rest).length === 0 ? { $ref: ref } : { allOf: [{ $ref: ref }, rest] };
    }
    return this.walkKeywords(schema);
  }

  private walkKeywords(schema: Json): Json {
    const out: Json = {};
    for (const [keyword, value] of Object.entries(schema)) {
      if (DROPPED.has(keyword) || keyword.startsWith("x-") || keyword === "$ref") continue;
      if (keyword === "items" && Array.isArray(value)) {
        out.prefixItems = value.map((sub) => this.walk(sub)); // draft-4 tuple form is `prefixItems` in 2020-12
      } else if (SUBSCHEMA_MAPS.includes(keyword) && isObject(value)) {
        out[keyword] = Object.fromEntries(Object.entries(value).map(([name, sub]) => [name, this.walk(sub)]));
      } else if (SUBSCHEMA_LISTS.includes(keyword) && Array.isArray(value)) {
        out[keyword] = value.map((sub) => this.walk(sub));
      } else if (SUBSCHEMAS.includes(keyword)) {
        out[keyword] = this.walk(value);
      } else {
        out[keyword] = value;
      }
    }
    if (typeof schema.type === "string" && (schema.type === "file" || !KNOWN_TYPES.has(schema.type))) delete out.type;
    this.dropHiddenRequired(schema, out);
    if (this.openapi30) convertOpenApi30(schema, out);
    return out;
  }

  /** readOnly properties are not sent in requests, writeOnly ones not returned in responses. */
  private dropHiddenRequired(schema: Json, out: Json): void {
    if (!Array.isArray(schema.required) || !isObject(schema.properties)) return;
    const hidden = this.direction === "request" ? "readOnly" : "writeOnly";
    const properties = schema.properties;
    const required = schema.required.filter((name) => {
      const property = typeof name === "string" ? properties[name] : undefined;
      return !(isObject(property) && property[hidden] === true);
    });
    if (required.length === 0) delete out.required;
    else out.required = required;
  }

  private refTo(ref: string): string {
    if (!ref.startsWith("#")) throw new Error(`external $ref "${ref}" must be bundled before validators are built`);
    const key = decodePointer(ref.slice(1)).join("/");
    if (!this.defs.has(key)) {
      this.defs.set(key, true); // placeholder first: recursive schemas refer to themselves
      const target = resolvePointer(this.document, ref.slice(1));
      if (target === undefined) throw new Error(`$ref "${ref}" points at nothing in the document`);
      this.defs.set(key, this.walk(target));
    }
    return `${this.rootId}#/$defs/${encodeURIComponent(key.replace(/~/g, "~0").replace(/\//g, "~1"))}`;
  }
}

const KNOWN_TYPES = new Set(["string", "number", "integer", "boolean", "array", "object", "null"]);

function convertOpenApi30(schema: Json, out: Json): void {
  if (schema.exclusiveMinimum === true && typeof schema.minimum === "number") {
    out.exclusiveMinimum = schema.minimum;
    delete out.minimum;
  } else if (typeof schema.exclusiveMinimum === "boolean") delete out.exclusiveMinimum;
  if (schema.exclusiveMaximum === true && typeof schema.maximum === "number") {
    out.exclusiveMaximum = schema.maximum;
    delete out.maximum;
  } else if (typeof schema.exclusiveMaximum === "boolean") delete out.exclusiveMaximum;
  if (schema.nullable !== true) return;
  if (typeof out.type === "string") out.type = [out.type, "null"];
  if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
  if (out.type === undefined && (out.allOf !== undefined || out.anyOf !== undefined || out.oneOf !== undefined)) {
    const inner = { ...out };
    for (const key of Object.keys(out)) delete out[key];
    out.anyOf = [{ type: "null" }, inner];
  }
}

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function decodePointer(pointer: string): string[] {
  if (pointer === "" || pointer === "/") return pointer === "" ? [] : [""];
  return pointer
    .slice(1)
    .split("/")
    .map((segment) => decodeURIComponent(segment).replace(/~1/g, "/").replace(/~0/g, "~"));
}

export function resolvePointer(document: unknown, pointer: string): unknown {
  let node = document;
  for (const segment of decodePointer(pointer)) {
    if (typeof node !== "object" || node === null) return undefined;
    node = (node as Record<string, unknown>)[segment];
  }
  return node;
}

/** `node`, or what its `$ref` chain (internal refs only) leads to; undefined when the chain breaks. */
export function followRefs(document: unknown, node: unknown): Record<string, unknown> | undefined {
  let current = node;
  for (let hops = 0; hops < 32 && isObject(current) && typeof current.$ref === "string"; hops++) {
    current = resolvePointer(document, current.$ref.slice(1));
  }
  return isObject(current) ? current : undefined;
}
