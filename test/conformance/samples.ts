// Values for a schema that a server following the spec must accept: the spec's own examples and defaults when they
// fit, else a value built from the schema's type, format and bounds, else openapi-sampler's. Every candidate is
// checked against the schema (spec-schemas.ts) and the first that validates is used.
import { sample } from "openapi-sampler";
import type { JSONSchema7 } from "json-schema";
import { deref, isObject, type Direction, type SpecSchemas } from "./spec-schemas.js";

type Json = Record<string, unknown>;

const FORMAT_SAMPLES: Readonly<Record<string, string>> = {
  "date-time": "2024-01-02T03:04:05Z",
  date: "2024-01-02",
  time: "03:04:05Z",
  uuid: "3fa85f64-5717-4562-b3fc-2c963f66afa6",
  guid: "3fa85f64-5717-4562-b3fc-2c963f66afa6",
  email: "user@example.com",
  uri: "https://example.com/resource",
  url: "https://example.com/resource",
  "uri-reference": "https://example.com/resource",
  hostname: "example.com",
  ipv4: "192.0.2.1",
  ipv6: "2001:db8::1",
  byte: "c2FtcGxl",
  duration: "P1D",
  password: "secret-1",
};

/** Strings tried against a `pattern` when the format gives nothing better. */
const PATTERN_TRIES = ["sample", "abc", "ABC", "a", "A", "1", "123", "a1", "AB12", "abc-123", "en", "US", "EUR", "2024-01-02", "3fa85f64-5717-4562-b3fc-2c963f66afa6", "user@example.com", "https://example.com"];

/** A value built from the schema's own constraints (no example), `undefined` for a schema too deep to build. */
export function synthesize(document: unknown, node: unknown, direction: Direction, depth = 0): unknown {
  const schema = deref(document, node);
  if (schema === undefined || depth > 8) return undefined;
  if ("const" in schema) return schema.const;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum.find((v) => v !== null) ?? schema.enum[0];
  if (Array.isArray(schema.allOf)) {
    const parts = schema.allOf.map((part) => synthesize(document, part, direction, depth + 1));
    const own = { ...schema, allOf: undefined };
    const mine = schema.type !== undefined || schema.properties !== undefined ? synthesize(document, own, direction, depth + 1) : undefined;
    const all = [...parts, mine].filter((p) => p !== undefined);
    if (all.every(isObject)) return Object.assign({}, ...all);
    return all[0];
  }
  for (const key of ["oneOf", "anyOf"] as const) {
    const options = schema[key];
    if (Array.isArray(options) && options.length > 0) {
      const branch = synthesize(document, options[0], direction, depth + 1);
      const rest = { ...schema, [key]: undefined };
      const mine = isObject(branch) && (schema.properties !== undefined || schema.required !== undefined) ? synthesize(document, rest, direction, depth + 1) : undefined;
      return isObject(branch) && isObject(mine) ? { ...mine, ...branch } : branch;
    }
  }
  const type = typeOf(schema);
  switch (type) {
    case "string":
      return stringFor(schema);
    case "integer":
    case "number":
      return numberFor(schema, type === "integer");
    case "boolean":
      return true;
    case "null":
      return null;
    case "array": {
      const min = typeof schema.minItems === "number" ? schema.minItems : 1;
      const count = typeof schema.maxItems === "number" ? Math.min(Math.max(min, 1), schema.maxItems) : Math.max(min, 1);
      const item = synthesize(document, schema.items ?? {}, direction, depth + 1);
      return item === undefined ? [] : Array.from({ length: Math.min(count, 3) }, () => item);
    }
    case "object":
      return objectFor(document, schema, direction, depth);
    default:
      return "sample";
  }
}

function typeOf(schema: Json): string | undefined {
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== "null") : schema.type;
  if (typeof type === "string") return type;
  if (schema.properties !== undefined || schema.additionalProperties !== undefined || schema.required !== undefined) return "object";
  if (schema.items !== undefined) return "array";
  if (schema.minimum !== undefined || schema.maximum !== undefined) return "number";
  if (schema.format !== undefined || schema.pattern !== undefined || schema.minLength !== undefined) return "string";
  return undefined;
}

function stringFor(schema: Json): string {
  const format = typeof schema.format === "string" ? FORMAT_SAMPLES[schema.format] : undefined;
  const pattern = typeof schema.pattern === "string" ? safeRegExp(schema.pattern) : undefined;
  let value = format ?? (pattern ? (PATTERN_TRIES.find((t) => pattern.test(t)) ?? fromPattern(schema.pattern as string)) : undefined) ?? "sample";
  const min = typeof schema.minLength === "number" ? schema.minLength : 0;
  const max = typeof schema.maxLength === "number" ? schema.maxLength : Infinity;
  if (value.length < min) value = value.padEnd(min, pattern && /^[\d]+$/.test(value) ? "0" : "x");
  if (value.length > max) value = value.slice(0, max);
  return value;
}

function safeRegExp(pattern: string): RegExp | undefined {
  try {
    return new RegExp(pattern, "u");
  } catch {
    return undefined;
  }
}

/**
 * A string for a simple pattern: literals, escapes (\d \w \s), character classes and quantifiers, groups with the
 * first alternative. Good enough for codes and ids (`^[A-Z]{3}$`, `^\d{4}-\d{2}$`); others fall back to tries.
 */
export function fromPattern(pattern: string): string | undefined {
  let out = "";
  let i = 0;
  const src = pattern.replace(/^\^/, "").replace(/\$$/, "");
  const atoms: string[] = [];
  const take = (): string | undefined => {
    const c = src[i];
    if (c === undefined) return undefined;
    if (c === "\\") {
      const e = src[i + 1];
      i += 2;
      return e === "d" ? "1" : e === "w" ? "a" : e === "s" ? " " : e === "D" || e === "W" || e === "S" ? "x" : (e ?? "");
    }
    if (c === "[") {
      const end = src.indexOf("]", i + 2);
      if (end < 0) return undefined;
      let body = src.slice(i + 1, end);
      i = end + 1;
      if (body.startsWith("^")) return "x" === body[1] ? "y" : "x";
      body = body.replace(/\\d/, "0-9").replace(/\\w/, "a-z");
      return body.startsWith("\\") ? (body[1] ?? "a") : (body[0] ?? "a");
    }
    if (c === "(") {
      let level = 0;
      let j = i;
      for (; j < src.length; j++) {
        if (src[j] === "\\") j++;
        else if (src[j] === "(") level++;
        else if (src[j] === ")" && --level === 0) break;
      }
      const inner = src.slice(i + 1, j).replace(/^\?:/, "");
      i = j + 1;
      const first = splitTopLevel(inner)[0] ?? "";
      return fromPattern(first) ?? "";
    }
    if (c === ".") {
      i += 1;
      return "a";
    }
    if ("|^$".includes(c)) return undefined;
    i += 1;
    return c;
  };
  while (i < src.length) {
    const atom = take();
    if (atom === undefined) return atoms.length ? out : undefined;
    const quantifier = /^(\{(\d+)(,(\d*))?\}|[+*?])\??/.exec(src.slice(i));
    let times = 1;
    if (quantifier) {
      i += quantifier[0].length;
      times = quantifier[2] !== undefined ? Number(quantifier[2]) : quantifier[1] === "+" ? 1 : 0;
    }
    atoms.push(atom);
    out += atom.repeat(times);
  }
  return out;
}

function splitTopLevel(pattern: string): string[] {
  const parts: string[] = [];
  let level = 0;
  let start = 0;
  for (let j = 0; j < pattern.length; j++) {
    const c = pattern[j];
    if (c === "\\") j++;
    else if (c === "(" || c === "[") level++;
    else if (c === ")" || c === "]") level--;
    else if (c === "|" && level === 0) {
      parts.push(pattern.slice(start, j));
      start = j + 1;
    }
  }
  parts.push(pattern.slice(start));
  return parts;
}

function numberFor(schema: Json, integer: boolean): number {
  const step = typeof schema.multipleOf === "number" && schema.multipleOf > 0 ? schema.multipleOf : integer ? 1 : 0.5;
  const exclusiveMin = typeof schema.exclusiveMinimum === "number" ? schema.exclusiveMinimum : undefined;
  const exclusiveMax = typeof schema.exclusiveMaximum === "number" ? schema.exclusiveMaximum : undefined;
  let low = typeof schema.minimum === "number" ? schema.minimum : exclusiveMin;
  if (low !== undefined && (schema.exclusiveMinimum === true || exclusiveMin !== undefined)) low += step;
  let high = typeof schema.maximum === "number" ? schema.maximum : exclusiveMax;
  if (high !== undefined && (schema.exclusiveMaximum === true || exclusiveMax !== undefined)) high -= step;
  let value = low ?? (high !== undefined && high < 1 ? high : 1);
  value = Math.ceil(value / step) * step;
  if (high !== undefined && value > high) value = Math.floor(high / step) * step;
  return integer ? Math.round(value) : value;
}

function objectFor(document: unknown, schema: Json, direction: Direction, depth: number): Json {
  const out: Json = {};
  const properties = isObject(schema.properties) ? schema.properties : {};
  const required = Array.isArray(schema.required) ? schema.required.filter((n): n is string => typeof n === "string") : [];
  const hidden = direction === "request" ? "readOnly" : "writeOnly";
  for (const name of required) {
    const property = deref(document, properties[name]) ?? {};
    if (property[hidden] === true) continue;
    const value = synthesize(document, properties[name] ?? {}, direction, depth + 1);
    if (value !== undefined) out[name] = value;
  }
  const minProperties = typeof schema.minProperties === "number" ? schema.minProperties : 0;
  for (const [name, property] of Object.entries(properties)) {
    if (Object.keys(out).length >= Math.max(minProperties, required.length > 0 ? 0 : 1)) break;
    if (name in out || deref(document, property)?.[hidden] === true) continue;
    const value = synthesize(document, property, direction, depth + 1);
    if (value !== undefined) out[name] = value;
  }
  if (Object.keys(out).length < minProperties && isObject(schema.additionalProperties)) {
    out.key = synthesize(document, schema.additionalProperties, direction, depth + 1);
  }
  return out;
}

/** openapi-sampler's value, undefined when it throws (it does on some recursive schemas). */
export function sampled(document: unknown, schema: unknown, direction: Direction): unknown {
  try {
    return sample(schema as JSONSchema7, { skipReadOnly: direction === "request", skipWriteOnly: direction === "response", quiet: true, maxSampleDepth: 5 }, document as JSONSchema7);
  } catch {
    return undefined;
  }
}

/** Examples and defaults the schema itself documents. */
export function schemaExamples(document: unknown, node: unknown): unknown[] {
  const schema = deref(document, node);
  if (schema === undefined) return [];
  const found: unknown[] = [];
  if (schema.example !== undefined) found.push(schema.example);
  if (Array.isArray(schema.examples)) found.push(...schema.examples);
  if (schema.default !== undefined) found.push(schema.default);
  return found;
}

/** The first candidate the schema accepts; `undefined` when none does. */
export function firstValid(schemas: SpecSchemas, schema: unknown, candidates: readonly unknown[], direction: Direction): { value: unknown } | undefined {
  for (const candidate of candidates) {
    if (candidate === undefined) continue;
    if (schemas.accepts(schema, candidate, direction)) return { value: candidate };
  }
  return undefined;
}

/** Candidates in order of preference: documented ones first, then built ones. */
export function candidatesFor(document: unknown, schema: unknown, documented: readonly unknown[], direction: Direction): unknown[] {
  return [...documented, ...schemaExamples(document, schema), synthesize(document, schema, direction), sampled(document, schema, direction)];
}
