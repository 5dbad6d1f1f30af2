// A value built from a schema's own constraints, for when neither the spec's example nor openapi-sampler's output
// validates (the sampler ignores pattern, minLength, minItems, multipleOf, uniqueItems and truncates deep $refs to
// "string"). Used by the generated mock's responses (mock-samples.ts) and by the conformance run's requests
// (test/conformance/samples.ts): one home, so both build values the same way. Callers re-check the result with
// their validator; this aims at validity, not at proving it.
import type { Direction } from "../../../templates/runtime/server/json-schema.js";
import { followRefs } from "./follow-refs.js";
import { stringForPattern } from "../../model/pattern-sample.js";

type Json = Record<string, unknown>;

export interface SynthesizeOptions {
  direction: Direction;
  /** Also fill optional properties (down to OPTIONAL_DEPTH); false: only what the schema requires. */
  optional?: boolean;
  /** Whether `value` validates against `schema` (a schema the root resolves the refs of): picks the oneOf/anyOf branch that does. */
  accepts?: (schema: unknown, value: unknown) => boolean;
}

/** Below this depth only required properties and minItems items are built: recursive $refs end. */
const OPTIONAL_DEPTH = 3;
/** Past this depth nothing is built (a cycle of required properties): `null` where allowed, else undefined. */
const MAX_DEPTH = 24;

const FORMAT_SAMPLES: Readonly<Record<string, string>> = {
  "date-time": "2024-01-02T03:04:05Z",
  date: "2024-01-02",
  time: "03:04:05Z",
  uuid: "3fa85f64-5717-4562-b3fc-2c963f66afa6",
  guid: "3fa85f64-5717-4562-b3fc-2c963f66afa6",
  email: "user@example.com",
  "idn-email": "user@example.com",
  uri: "https://example.com/resource",
  url: "https://example.com/resource",
  iri: "https://example.com/resource",
  "uri-reference": "https://example.com/resource",
  "iri-reference": "https://example.com/resource",
  "uri-template": "https://example.com/{id}",
  hostname: "example.com",
  "idn-hostname": "example.com",
  ipv4: "192.0.2.1",
  ipv6: "2001:db8::1",
  byte: "c2FtcGxl",
  duration: "P1D",
  password: "secret-1",
  "json-pointer": "/a/b",
  "relative-json-pointer": "0/a",
  regex: "^a$",
};

export const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** A value for `node`, its `$ref`s resolved in `root` (a model's schemaRoot, or a bundled document); `undefined` when none could be built (a required cycle, a ref leading nowhere). */
export function synthesize(root: unknown, node: unknown, options: SynthesizeOptions, depth = 0, salt = 0): unknown {
  if (node === true || (isObject(node) && Object.keys(node).length === 0)) return "sample";
  const schema = followRefs(root, node);
  if (schema === undefined) return undefined;
  if (depth > MAX_DEPTH) return nullable(schema) ? null : undefined;
  if ("const" in schema) return schema.const;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) {
    const values = schema.enum.filter((value) => value !== null);
    return values.length === 0 ? null : values[salt % values.length];
  }
  if (Array.isArray(schema.allOf) && schema.allOf.length > 0) return allOfValue(root, schema, options, depth, salt);
  for (const key of ["oneOf", "anyOf"] as const) {
    const branches = schema[key];
    if (Array.isArray(branches) && branches.length > 0)
      return branchValue(root, schema, key, branches, options, depth, salt);
  }
  const type = typeOf(schema);
  switch (type) {
    case "string":
      return stringFor(schema, salt);
    case "integer":
    case "number":
      return numberFor(schema, type === "integer", salt);
    case "boolean":
      return salt % 2 === 0;
    case "null":
      return null;
    case "array":
      return arrayFor(root, schema, options, depth);
    case "object":
      return objectFor(root, schema, options, depth, salt);
    default:
      return "sample";
  }
}

/** OpenAPI 3.0 `nullable`, or a 3.1 type list holding "null". */
function nullable(schema: Json): boolean {
  return schema.nullable === true || (Array.isArray(schema.type) && schema.type.includes("null"));
}

/**
 * Object parts are merged into one object schema first (properties, the union of `required`), so a name one part
 * requires without a schema (Spotify's PagingObject `items`) is built from the part that defines it. Otherwise
 * every part's value is merged, the schema's own keywords included.
 */
function allOfValue(root: unknown, schema: Json, options: SynthesizeOptions, depth: number, salt: number): unknown {
  const merged = mergedObject(root, schema, 0);
  if (merged !== undefined) return objectFor(root, merged, options, depth, salt);
  // A part holding only annotations (AWS's `allOf: [{$ref}, {description}]`) says nothing about the value.
  const parts = (schema.allOf as unknown[])
    .filter((part) => shapes(root, part))
    .map((part) => synthesize(root, part, options, depth + 1, salt));
  const own: Json = { ...schema };
  delete own.allOf;
  const mine = typeOf(own) !== undefined ? synthesize(root, own, options, depth + 1, salt) : undefined;
  const all = [...parts, mine].filter((part) => part !== undefined);
  if (all.length > 0 && all.every(isObject)) return Object.assign({}, ...all);
  return all.find((part) => !isObject(part)) ?? all[0];
}

/** An allOf of object schemas as one object schema; undefined when a part is something else (or nests too deep). */
function mergedObject(root: unknown, schema: Json, nesting: number): Json | undefined {
  if (nesting > 16) return undefined;
  const own: Json = { ...schema };
  delete own.allOf;
  const parts = [own, ...(Array.isArray(schema.allOf) ? schema.allOf : [])];
  const properties: Json = {};
  const required = new Set<string>();
  let minProperties = 0;
  let maxProperties = Infinity;
  for (const node of parts) {
    let part = followRefs(root, node);
    if (part === undefined) return undefined;
    if (Array.isArray(part.allOf) && part !== schema) part = mergedObject(root, part, nesting + 1);
    if (part === undefined) return undefined;
    if ("const" in part || part.enum !== undefined || part.oneOf !== undefined || part.anyOf !== undefined)
      return undefined;
    const type = typeOf(part);
    if (type !== undefined && type !== "object") return undefined;
    for (const [name, property] of Object.entries(isObject(part.properties) ? part.properties : {})) {
      properties[name] = name in properties ? { allOf: [properties[name], property] } : property;
    }
    if (Array.isArray(part.required))
      for (const name of part.required) if (typeof name === "string") required.add(name);
    if (typeof part.minProperties === "number") minProperties = Math.max(minProperties, part.minProperties);
    if (typeof part.maxProperties === "number") maxProperties = Math.min(maxProperties, part.maxProperties);
  }
  return {
    type: "object",
    properties,
    required: [...required],
    ...(minProperties > 0 ? { minProperties } : {}),
    ...(maxProperties < Infinity ? { maxProperties } : {}),
  };
}

/**
 * The first branch whose value the whole schema accepts (so a oneOf's value matches that branch only), each
 * with the discriminator's value for it (OpenAPI 3.0.3 §4.7.25.1: a mapping key, else the schema's name); the
 * schema's own properties are merged in. Branches that overlap (ix-api's `{ type: enum }` variants, objects
 * without `required` that `{}` satisfies alike) are told apart by variants: with and without the optional
 * properties, then other enum values and numbers (the salt), until one matches a single branch.
 */
function branchValue(
  root: unknown,
  schema: Json,
  key: "oneOf" | "anyOf",
  branches: unknown[],
  options: SynthesizeOptions,
  depth: number,
  salt: number,
): unknown {
  const rest: Json = { ...schema };
  delete rest[key];
  const variants = options.accepts === undefined ? [{ options, salt }] : branchVariants(options, salt);
  let first: unknown;
  for (const variant of variants) {
    const mine =
      typeOf(rest) === "object" ? synthesize(root, rest, variant.options, depth + 1, variant.salt) : undefined;
    for (const branch of branches) {
      let value = synthesize(root, branch, variant.options, depth + 1, variant.salt);
      if (value === undefined) continue;
      if (isObject(value)) value = { ...(isObject(mine) ? mine : {}), ...value, ...discriminated(schema, branch) };
      if (options.accepts === undefined) return value;
      first ??= value;
      if (options.accepts(schema, value)) return value;
    }
  }
  return first;
}

/** Salts tried past the caller's own when telling overlapping branches apart. */
const BRANCH_SALTS = 3;

function branchVariants(options: SynthesizeOptions, salt: number): { options: SynthesizeOptions; salt: number }[] {
  const other = { ...options, optional: options.optional !== true };
  const variants = [
    { options, salt },
    { options: other, salt },
  ];
  for (let extra = 1; extra <= BRANCH_SALTS; extra++)
    variants.push({ options, salt: salt + extra }, { options: other, salt: salt + extra });
  return variants;
}

function discriminated(schema: Json, branch: unknown): Json {
  const discriminator = schema.discriminator;
  if (!isObject(discriminator) || typeof discriminator.propertyName !== "string") return {};
  const ref = isObject(branch) && typeof branch.$ref === "string" ? branch.$ref : undefined;
  if (ref === undefined) return {};
  const mapping = isObject(discriminator.mapping) ? discriminator.mapping : {};
  const named = ref.split("/").pop() ?? ref;
  const mapped = Object.entries(mapping).find(([, target]) => target === ref || target === named)?.[0];
  return { [discriminator.propertyName]: mapped ?? named };
}

/** Whether a schema says what kind of value it is (a type, values, or parts that do). */
function shapes(root: unknown, node: unknown): boolean {
  const schema = followRefs(root, node);
  if (schema === undefined) return false;
  return (
    typeOf(schema) !== undefined ||
    "const" in schema ||
    Array.isArray(schema.enum) ||
    ["allOf", "oneOf", "anyOf"].some((key) => Array.isArray(schema[key]))
  );
}

function typeOf(schema: Json): string | undefined {
  const type = Array.isArray(schema.type) ? (schema.type.find((t) => t !== "null") ?? schema.type[0]) : schema.type;
  if (typeof type === "string") return type;
  if (schema.properties !== undefined || schema.additionalProperties !== undefined || schema.required !== undefined)
    return "object";
  if (schema.items !== undefined || schema.minItems !== undefined) return "array";
  if (schema.minimum !== undefined || schema.maximum !== undefined || schema.multipleOf !== undefined) return "number";
  if (
    schema.format !== undefined ||
    schema.pattern !== undefined ||
    schema.minLength !== undefined ||
    schema.maxLength !== undefined
  )
    return "string";
  return undefined;
}

function stringFor(schema: Json, salt: number): string {
  const min = typeof schema.minLength === "number" ? schema.minLength : 0;
  const max = typeof schema.maxLength === "number" ? schema.maxLength : Infinity;
  const format = typeof schema.format === "string" ? formatSample(schema.format, min, max) : undefined;
  const pattern = typeof schema.pattern === "string" ? stringForPattern(schema.pattern, min, max) : undefined;
  let value = pattern ?? format ?? (salt === 0 ? "sample" : `sample${salt}`);
  if (pattern !== undefined || format !== undefined) return salt === 0 ? value : withSalt(value, salt, max);
  if (value.length < min) value = value.padEnd(min, "x");
  if (value.length > max) value = value.slice(0, max);
  return value;
}

/**
 * The format's sample, made as long as `minLength` asks where the format allows it: a date-time or time grows
 * its offset (`+00:00`) and fractional seconds (unicourt's `minLength: 25` date-times), a URI its path.
 */
function formatSample(format: string, min: number, max: number): string | undefined {
  const sample = FORMAT_SAMPLES[format];
  if (sample === undefined || sample.length >= min) return sample;
  if (format === "date-time" || format === "time") {
    const clock = sample.slice(0, -1); // without the "Z"
    for (const zone of ["Z", "+00:00"]) {
      if (clock.length + zone.length >= min) return `${clock}${zone}`;
      const digits = min - clock.length - zone.length - 1; // "." and the digits
      if (clock.length + zone.length + 1 + digits <= max) return `${clock}.${"0".repeat(Math.max(1, digits))}${zone}`;
    }
  }
  if (["uri", "url", "iri", "uri-reference", "iri-reference"].includes(format))
    return `${sample}/${"x".repeat(min - sample.length - 1)}`.padEnd(min, "x");
  return sample;
}

/** A format or pattern value told apart for uniqueItems; the validator says whether the change still fits. */
function withSalt(value: string, salt: number, max: number): string {
  const salted = `${value.slice(0, Math.max(0, value.length - String(salt).length))}${salt}`;
  return salted.length <= max ? salted : value;
}

function numberFor(schema: Json, integer: boolean, salt: number): number {
  const step = typeof schema.multipleOf === "number" && schema.multipleOf > 0 ? schema.multipleOf : 1;
  const exclusiveMin = typeof schema.exclusiveMinimum === "number" ? schema.exclusiveMinimum : undefined;
  const exclusiveMax = typeof schema.exclusiveMaximum === "number" ? schema.exclusiveMaximum : undefined;
  let low = typeof schema.minimum === "number" ? schema.minimum : exclusiveMin;
  if (low !== undefined && (schema.exclusiveMinimum === true || exclusiveMin !== undefined))
    low += integer ? 1 : step / 2;
  let high = typeof schema.maximum === "number" ? schema.maximum : exclusiveMax;
  if (high !== undefined && (schema.exclusiveMaximum === true || exclusiveMax !== undefined))
    high -= integer ? 1 : step / 2;
  let value = (low ?? (high !== undefined && high < 1 ? high : 1)) + salt * step;
  value = Math.ceil(value / step) * step;
  if (high !== undefined && value > high) value = Math.floor(high / step) * step;
  if (integer && !Number.isInteger(value)) value = Math.ceil(value);
  return value;
}

function arrayFor(root: unknown, schema: Json, options: SynthesizeOptions, depth: number): unknown[] {
  const min = typeof schema.minItems === "number" ? schema.minItems : 0;
  const max = typeof schema.maxItems === "number" ? schema.maxItems : Infinity;
  const wanted = options.optional === true && depth < OPTIONAL_DEPTH ? Math.max(min, 1) : min;
  const count = Math.min(wanted, max);
  const items = Array.isArray(schema.prefixItems)
    ? schema.prefixItems
    : Array.isArray(schema.items)
      ? schema.items
      : undefined;
  const out: unknown[] = [];
  for (let index = 0; index < count; index++) {
    const item = synthesize(
      root,
      items?.[index] ?? (items === undefined ? (schema.items ?? {}) : (schema.additionalItems ?? schema.items ?? {})),
      options,
      depth + 1,
      schema.uniqueItems === true ? index : 0,
    );
    if (item === undefined) return out;
    out.push(item);
  }
  return out;
}

function objectFor(root: unknown, schema: Json, options: SynthesizeOptions, depth: number, salt: number): Json {
  const out: Json = {};
  const properties = isObject(schema.properties) ? schema.properties : {};
  const required = Array.isArray(schema.required)
    ? schema.required.filter((name): name is string => typeof name === "string")
    : [];
  const hidden = options.direction === "request" ? "readOnly" : "writeOnly";
  const isHidden = (property: unknown) => followRefs(root, property)?.[hidden] === true;
  for (const name of required) {
    if (isHidden(properties[name])) continue;
    // A required name without a property schema: any value, unless additionalProperties says which.
    const value = synthesize(
      root,
      properties[name] ?? (isObject(schema.additionalProperties) ? schema.additionalProperties : {}),
      options,
      depth + 1,
      salt,
    );
    if (value !== undefined) out[name] = value;
  }
  // Optional properties stop at maxProperties (JSON Schema 2020-12 §6.5.1); required ones are all built, as no value without them validates.
  const maxProperties = typeof schema.maxProperties === "number" ? schema.maxProperties : Infinity;
  if (options.optional === true && depth < OPTIONAL_DEPTH) {
    for (const [name, property] of Object.entries(properties)) {
      if (Object.keys(out).length >= maxProperties) break;
      if (name in out || isHidden(property)) continue;
      const value = synthesize(root, property, options, depth + 1, salt);
      if (value !== undefined) out[name] = value;
    }
  }
  const minProperties = typeof schema.minProperties === "number" ? schema.minProperties : 0;
  for (const [name, property] of Object.entries(properties)) {
    if (Object.keys(out).length >= minProperties) break;
    if (name in out || isHidden(property)) continue;
    const value = synthesize(root, property, options, depth + 1, salt);
    if (value !== undefined) out[name] = value;
  }
  for (let index = 0; Object.keys(out).length < minProperties && schema.additionalProperties !== false; index++) {
    const value = synthesize(
      root,
      isObject(schema.additionalProperties) ? schema.additionalProperties : {},
      options,
      depth + 1,
      salt,
    );
    if (value === undefined) break; // a key holding undefined is no property once sent
    out[`key${index}`] = value;
  }
  return out;
}
