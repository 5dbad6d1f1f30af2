// Parameter defaults the server can apply. An array parameter's `default` written as one wire value (bkk.hu: `type: array, default: "true"`, common in specs
// converted from Swagger 2, where an array parameter's default was its serialised text). The server applies defaults
// when validating, so such a default would fail its own schema ("must be array") on every request that leaves the
// parameter out. It is read here the way the server reads that text on the wire (OpenAPI 3.1 §4.8.12.4: one form
// value of an array is a one-item array), so the default the server fills in is the value the client could have sent.
import type { ValidateFunction } from "ajv/dist/2020.js";
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

/**
 * Removes, in place, each `default` its own schema refuses beyond its type (ticketmaster `includeLicensedContent`:
 * `enum: ["yes", " no"], default: "no"`). The server applies a default before validating (ajv `useDefaults`), so
 * such a default would answer every request that leaves the optional parameter out with a 400; the parameter then
 * stays absent, as sent (JSON Schema 2020-12 validation §9.2: a default SHOULD be valid against its schema). All
 * are checked in one compiled schema, as example-check.ts does; one ajv cannot compile is left to the compile that
 * reports it.
 */
export function dropRefusedDefaults(
  schemas: readonly Record<string, unknown>[],
  compile: (schema: object) => ValidateFunction,
): void {
  if (schemas.length === 0) return;
  const properties = Object.fromEntries(schemas.map((schema, index) => [String(index), schema]));
  let validate: ValidateFunction;
  try {
    validate = compile({ type: "object", properties });
  } catch {
    return;
  }
  if (validate(Object.fromEntries(schemas.map((schema, index) => [String(index), schema["default"]])))) return;
  for (const error of validate.errors ?? []) {
    const index = /^\/(\d+)/.exec(error.instancePath)?.[1];
    const schema = index === undefined ? undefined : schemas[Number(index)];
    if (schema !== undefined) delete schema["default"];
  }
}
