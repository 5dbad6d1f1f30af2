// Parameter defaults the server can apply. An array parameter's `default` written as one wire value (bkk.hu: `type: array, default: "true"`, common in specs
// converted from Swagger 2, where an array parameter's default was its serialised text). The server applies defaults
// when validating, so such a default would fail its own schema ("must be array") on every request that leaves the
// parameter out. It is read here the way the server reads that text on the wire (OpenAPI 3.1 §4.8.12.4: one form
// value of an array is a one-item array), so the default the server fills in is the value the client could have sent.
import type { Ajv2020 } from "ajv/dist/2020.js";
import type { ParamShape, Parameter } from "../../model/ir.js";
import { coerceParams } from "../../../templates/runtime/server/coerce.js";
import { readCookies, readHeaders, readQuery } from "../../../templates/runtime/server/parameters.js";
import type { ParamSpec, RawParams } from "../../../templates/runtime/server/parameters.js";

/**
 * A copy of the converted parameter schema whose scalar `default` on an array is read as the wire value, and
 * without a `default` of a type the parameter cannot have (fec.gov `last_index`: an integer with `default: null`,
 * nullable only by Swagger 2's `x-nullable`). JSON Schema says a default SHOULD be valid against its schema
 * (2020-12 validation §9.2); one that is not would turn every request leaving the parameter out into a 400, so
 * the parameter then stays absent, as sent.
 */
export function wireDefault(param: Parameter, schema: unknown): unknown {
  if (typeof schema !== "object" || schema === null || Array.isArray(schema) || !Object.hasOwn(schema, "default"))
    return schema;
  const record = schema as Record<string, unknown>;
  const text = record["default"];
  if (
    param.shape.kind === "array" &&
    (typeof text === "string" || typeof text === "number" || typeof text === "boolean")
  ) {
    const spec: ParamSpec = { name: param.rawName, style: param.style, explode: param.explode, shape: param.shape };
    const value = coerceParams(readWire(param, spec, String(text)), [spec], param.in).values[param.rawName];
    return value === undefined ? schema : { ...schema, default: value };
  }
  if (fitsShape(param.shape, text)) return schema;
  const { default: _unfit, ...rest } = record;
  return rest;
}

/** Whether a value's JSON type is one the parameter's shape admits (an unconstrained scalar admits any). */
function fitsShape(shape: ParamShape, value: unknown): boolean {
  if (shape.kind === "array") return Array.isArray(value);
  if (shape.kind === "object") return typeof value === "object" && value !== null && !Array.isArray(value);
  if (shape.kind === "json" || shape.types.length === 0) return true;
  const type =
    value === null
      ? "null"
      : typeof value === "number"
        ? Number.isInteger(value)
          ? "integer"
          : "number"
        : typeof value;
  return shape.types.some((admitted) => admitted === type || (admitted === "number" && type === "integer"));
}

function readWire(param: Parameter, spec: ParamSpec, text: string): RawParams {
  const name = param.rawName;
  if (param.in === "query") return readQuery(`${encodeURIComponent(name)}=${encodeURIComponent(text)}`, [spec], true);
  if (param.in === "header") return readHeaders({ [name.toLowerCase()]: text }, [spec]);
  if (param.in === "cookie") return readCookies(`${name}=${encodeURIComponent(text)}`, [spec]);
  return {}; // a path parameter is always required (OpenAPI 3.1 §4.8.12.1): its default never applies
}

/** A parameter schema holding a `default`, and the place it is written, checked once every definition is known. */
export interface PendingDefault {
  schema: Record<string, unknown>;
  place: string;
}

/** The parameter schemas of `properties` that hold a default, for dropUnfitDefaults. */
export function pendingDefaults(
  properties: Record<string, unknown>,
  place: (name: string) => string,
): PendingDefault[] {
  return Object.entries(properties).flatMap(([name, schema]) =>
    typeof schema === "object" && schema !== null && Object.hasOwn(schema, "default")
      ? [{ schema: schema as Record<string, unknown>, place: place(name) }]
      : [],
  );
}

/**
 * Leaves out each default its own schema refuses, with a warning naming the place (pressassociation.io:
 * `pattern: "date-time"`, a format written as a pattern, with `default: "2025-10-15T13:51:08.377Z"`; an enum
 * whose default is not one of its values). The server applies defaults before validating, so such a default
 * would turn every request leaving the parameter out into a 400; JSON Schema 2020-12 §9.2 says a default SHOULD
 * be valid. The client sends no defaults, so the parameter then stays absent, as sent. `ajv` holds the
 * registry's root, so refs in the schemas resolve.
 */
export function dropUnfitDefaults(ajv: Ajv2020, pending: PendingDefault[], warn: (message: string) => void): void {
  for (const { schema, place } of pending) {
    const { default: value, ...rest } = schema;
    let validate: ReturnType<Ajv2020["compile"]>;
    try {
      validate = ajv.compile(rest);
    } catch {
      continue; // an ill-formed schema is reported where the validators are compiled
    }
    if (validate(value)) continue;
    delete schema["default"];
    const why = validate.errors?.[0];
    warn(
      `${place}: default ${JSON.stringify(value)} fails its own schema (${why?.instancePath ?? ""}${why?.instancePath ? " " : ""}${why?.message ?? "invalid"}); the server does not apply it (fix the default or the schema there)`,
    );
  }
}
