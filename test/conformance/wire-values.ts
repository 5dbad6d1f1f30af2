// Values a schema allows that no request can carry, so that a valid input never uses them: an empty path segment
// (the URL would name another resource; the client refuses it, RFC 3986 §5.2.4) and an empty array or object for a
// required query, header or cookie parameter (RFC 6570 §2.3: an empty list or associative array is undefined, and
// its expansion is omitted, so the parameter is not sent at all: AWS `DELETE /tags/{arn}#tagKeys` with `tagKeys: []`
// selects no operation). For those the input builder asks for a non-empty value. An exploded form object whose
// schema declares its properties and no others (param-shape.ts: closed) carries only those: its members are query
// names of their own, so another name reads as another parameter (seldon.local `json` whose example is
// `{ "json": "…" }`, a name SeldonMessage does not declare).
import type { ApiModel, Operation, Parameter } from "../../generator/model/ir.js";
import { comparePaths, compilePath } from "../../templates/runtime/server/paths.js";
import { deref, isObject } from "./spec-schemas.js";

type Json = Record<string, unknown>;

const isEmpty = (value: unknown) =>
  value === "" || (Array.isArray(value) && value.length === 0) || (isObject(value) && Object.keys(value).length === 0);

/** Whether `value` reaches the server as a value of `param` (path segments also may not be `.` or `..`). */
export function wireCarries(param: Parameter, value: unknown): boolean {
  if (param.in === "path") return !isEmpty(value) && value !== "." && value !== "..";
  const shape = param.shape;
  if (
    shape.kind === "object" &&
    !shape.open &&
    param.style === "form" &&
    param.explode &&
    isObject(value) &&
    Object.keys(value).some((name) => !Object.hasOwn(shape.properties, name))
  )
    return false;
  return (
    !param.required ||
    (!(Array.isArray(value) && value.length === 0) && !(isObject(value) && Object.keys(value).length === 0))
  );
}

/**
 * The parameter's schema with the emptiness the wire cannot carry ruled out (`minLength`/`minItems`/`minProperties`
 * of at least 1), for building a candidate; the candidate is still checked against the spec's own schema.
 */
export function nonEmptySchema(document: Json, param: Parameter): Json | undefined {
  const schema = deref(document, param.schema);
  if (schema === undefined) return undefined;
  const atLeastOne = (key: string) => ({ [key]: Math.max(1, typeof schema[key] === "number" ? schema[key] : 0) });
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  if (types.includes("array")) return { ...schema, ...atLeastOne("minItems") };
  if (types.includes("object")) return { ...schema, ...atLeastOne("minProperties") };
  if (param.in === "path" && (types.includes("string") || schema.type === undefined))
    return { ...schema, ...atLeastOne("minLength") };
  return undefined;
}

/**
 * Whether a path parameter's value makes the request path one that a more specific path of the same method claims
 * (concrete paths match first, OpenAPI 3.1 §4.8.8.2): vtex.local's `dataEntityName` example "Client" makes
 * `/api/dataentities/Client/documents/{id}`, another operation, so the request would not reach this one.
 */
export function routesElsewhere(model: ApiModel, op: Operation, param: Parameter, value: unknown): boolean {
  if (param.in !== "path" || (typeof value !== "string" && typeof value !== "number")) return false;
  const concrete = op.path.replace(/\{([^{}]+)\}/g, (_whole, name: string) =>
    name === param.rawName ? encodeURIComponent(String(value)) : "zz-other",
  );
  return model.operations.some(
    (other) =>
      other.method === op.method &&
      other.path !== op.path &&
      comparePaths(other.path, op.path) < 0 &&
      compilePath(other.path).match(concrete) !== undefined,
  );
}

const FORM_MEDIA = /multipart\/form-data|x-www-form-urlencoded/i;

/**
 * Whether a form body (multipart/form-data, x-www-form-urlencoded) carries `value`: an array property travels as
 * one part or pair per item (OpenAPI 3.1 §4.8.15.4, §4.8.14.4), so an empty one is not sent at all and a required
 * one reads as missing (evemarketer.com `typeid: []`).
 */
export function formCarries(document: Json, mediaType: string, schema: unknown, value: unknown): boolean {
  if (!FORM_MEDIA.test(mediaType) || !isObject(value)) return true;
  return requiredArrays(document, schema).every((name) => !isEmpty(value[name]));
}

/** The form body's schema with each required array property given at least one item; undefined when it has none. */
export function nonEmptyForm(document: Json, mediaType: string, schema: unknown): Json | undefined {
  const resolved = deref(document, schema);
  const names = requiredArrays(document, schema);
  if (!FORM_MEDIA.test(mediaType) || resolved === undefined || names.length === 0) return undefined;
  const properties: Json = { ...(isObject(resolved.properties) ? resolved.properties : {}) };
  for (const name of names) {
    const property = deref(document, properties[name]) ?? {};
    const minItems = typeof property.minItems === "number" ? property.minItems : 0;
    properties[name] = { ...property, minItems: Math.max(1, minItems) };
  }
  return { ...resolved, properties };
}

function requiredArrays(document: Json, schema: unknown): string[] {
  const resolved = deref(document, schema);
  if (resolved === undefined || !Array.isArray(resolved.required) || !isObject(resolved.properties)) return [];
  const properties = resolved.properties;
  return resolved.required.filter((name): name is string => {
    if (typeof name !== "string") return false;
    const type = deref(document, properties[name])?.type;
    return type === "array" || (Array.isArray(type) && type.includes("array"));
  });
}
