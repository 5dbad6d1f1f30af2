// Turns deserialised parameter strings into the JSON values their schema allows. Coercion follows the shape the
// generator resolved (through $ref/allOf/oneOf/anyOf): a string becomes a number or boolean only when the schema
// admits that type, and a union keeps the raw string first when it has a string branch. The validators themselves
// never coerce: ajv's in-place coercion inside `oneOf` turns "1" into a value both branches accept (issue 13).
import type { FieldError } from "./problem.js";
import type { ItemType, ParamShape, ParamSpec, RawParams } from "./parameters.js";

export interface CoercedParams {
  values: RawParams;
  /** Other readings of scalar parameters, tried in order when the first reading fails validation. */
  alternatives: Map<string, unknown[]>;
  /** Values that could not be read at all (a JSON parameter that is not JSON). */
  errors: FieldError[];
}

/** `location` prefixes field names ("query.filter"); null for form body fields, named bare as body fields are. */
export function coerceParams(raw: RawParams, specs: readonly ParamSpec[], location: string | null): CoercedParams {
  const values: RawParams = {};
  const alternatives = new Map<string, unknown[]>();
  const errors: FieldError[] = [];
  for (const spec of specs) {
    if (!Object.hasOwn(raw, spec.name)) continue;
    const value = raw[spec.name];
    const shape = spec.shape;
    let coerced: unknown;
    if (shape.kind === "json") {
      const parsed = parseJson(value);
      if (parsed === NOT_READ) {
        errors.push({
          field: location === null ? spec.name : `${location}.${spec.name}`,
          code: "malformed_json",
          message: `must be ${shape.mediaType} (a JSON text)`,
        });
        continue;
      }
      coerced = parsed;
    } else if (shape.kind === "scalar" && typeof value === "string") {
      const readings = candidates(value, shape.types);
      coerced = readings[0];
      if (readings.length > 1) alternatives.set(spec.name, readings.slice(1));
    } else {
      coerced = coerceShaped(value, shape);
    }
    Object.defineProperty(values, spec.name, { value: coerced, enumerable: true, writable: true, configurable: true });
  }
  return { values, alternatives, errors };
}

/**
 * The first reading that `validate` accepts: the preferred one, else each scalar parameter's other readings in
 * turn (one parameter at a time: a request rarely has two ambiguous unions, and this stays linear).
 */
export function firstValid(coerced: CoercedParams, validate: (values: RawParams) => boolean): boolean {
  const { values } = coerced;
  if (validate(values)) return true;
  for (const [name, readings] of coerced.alternatives) {
    const preferred = values[name];
    for (const reading of readings) {
      values[name] = reading;
      if (validate(values)) return true;
    }
    values[name] = preferred;
  }
  return false;
}

function coerceShaped(value: unknown, shape: ParamShape): unknown {
  // A form field sent once is an array of one (only query arrays arrive split already).
  if (shape.kind === "array" && typeof value === "string") return [first(value, shape.items)];
  if (shape.kind === "array" && Array.isArray(value))
    return value.map((item) => (typeof item === "string" ? first(item, shape.items) : item));
  if (shape.kind === "object" && typeof value === "object" && value !== null && !Array.isArray(value)) {
    const object = value as Record<string, unknown>;
    for (const [key, item] of Object.entries(object)) {
      if (typeof item !== "string") continue;
      const types = Object.hasOwn(shape.properties, key) ? shape.properties[key] : shape.additional;
      object[key] = first(item, types ?? []);
    }
    return object;
  }
  if (shape.kind === "scalar" && Array.isArray(value))
    return value.map((item) => (typeof item === "string" ? first(item, shape.types) : item));
  return value;
}

function first(raw: string, types: readonly ItemType[]): unknown {
  return candidates(raw, types)[0];
}

const NOT_READ = Symbol("not read");

/** The values `raw` may stand for under `types`, in their order; the raw string when none reads it. */
export function candidates(raw: string, types: readonly ItemType[]): unknown[] {
  const out: unknown[] = [];
  for (const type of types) {
    const value = readAs(raw, type);
    if (value !== NOT_READ && !out.includes(value)) out.push(value);
  }
  // Nothing reads it (or the schema does not say): the validator then names the type it expected.
  return out.length === 0 ? [raw] : out;
}

const NUMBER = /^-?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

function readAs(raw: string, type: ItemType): unknown {
  switch (type) {
    case "json": {
      // An object or array item (parameters.ts ItemType): its JSON text; any other text is read by the other types.
      const parsed = /^\s*[[{]/.test(raw) ? parseJson(raw) : NOT_READ;
      return typeof parsed === "object" && parsed !== null ? parsed : NOT_READ;
    }
    case "string":
      return raw;
    case "integer":
    case "number": {
      if (!NUMBER.test(raw)) return NOT_READ;
      const number = Number(raw);
      return Number.isFinite(number) && (type === "number" || Number.isInteger(number)) ? number : NOT_READ;
    }
    case "boolean":
      return raw === "true" ? true : raw === "false" ? false : NOT_READ;
    case "null":
      return raw === "" || raw === "null" ? null : NOT_READ;
  }
}

function parseJson(value: unknown): unknown {
  const text = Array.isArray(value) ? value[0] : value;
  if (typeof text !== "string") return NOT_READ;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return NOT_READ;
  }
}
