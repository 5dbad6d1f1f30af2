// Turns the raw request (query string, headers, cookies, path) into plain objects shaped like the spec's
// parameters, undoing each parameter's style/explode serialisation. Types are coerced later by the validators.
import { HttpProblem } from "./problem.js";
import type { FieldError } from "./problem.js";

export type ParamStyle = "form" | "simple" | "label" | "matrix" | "spaceDelimited" | "pipeDelimited" | "deepObject";

export interface ParamSpec {
  /** Wire name as the spec writes it (headers are looked up case-insensitively). */
  name: string;
  style: ParamStyle;
  explode: boolean;
  /** Shape of the resolved schema: decides how a serialised value is split, and what its strings are coerced to. */
  shape: ParamShape;
}

/** Types a wire string may be read as, in the order tried (empty: the raw string). Mirrors the IR's ScalarType. */
export type ScalarType = "string" | "integer" | "number" | "boolean" | "null";

/**
 * An array item's or object member's types; `json`: it may be an object or array, which no style defines (RFC 6570
 * §2.3 has no nested values; OpenAPI 3.1 §4.8.12.4), so it travels as its JSON text. Mirrors the IR's ItemType.
 */
export type ItemType = ScalarType | "json";

/** Mirrors the IR's ParamShape (generator/model/ir.ts), which the generator writes into each operation's spec. */
export type ParamShape =
  | { kind: "scalar"; types: readonly ScalarType[] }
  | { kind: "array"; items: readonly ItemType[] }
  | {
      kind: "object";
      properties: Readonly<Record<string, readonly ItemType[]>>;
      open: boolean;
      additional: readonly ItemType[];
    }
  | { kind: "json"; mediaType: string };

export type RawParams = Record<string, unknown>;

const NONE: ReadonlySet<string> = new Set();

const DELIMITERS: Partial<Record<ParamStyle, string>> = {
  form: ",",
  simple: ",",
  spaceDelimited: " ",
  pipeDelimited: "|",
};

/**
 * Query parameters; names the spec does not declare are reported unless `allowUnknown`. `credentials` are
 * query names that carry API keys: accepted, and kept out of the parameters handlers see.
 */
export function readQuery(
  rawQuery: string,
  specs: readonly ParamSpec[],
  allowUnknown: boolean,
  credentials: ReadonlySet<string> = NONE,
): RawParams {
  const entries = new Map<string, string[]>();
  for (const [name, value] of new URLSearchParams(rawQuery)) {
    const values = entries.get(name);
    if (values === undefined) entries.set(name, [value]);
    else values.push(value);
  }
  const out: RawParams = {};
  const consumed = new Set<string>();
  let freeForm: ParamSpec | undefined;
  for (const spec of specs) {
    const shape = spec.shape;
    if (shape.kind === "object" && spec.style === "deepObject") {
      const value = readDeepObject(spec.name, entries, consumed);
      if (value !== undefined) out[spec.name] = value;
      continue;
    }
    if (shape.kind === "object" && spec.style === "form" && spec.explode) {
      // Its properties are top-level names: the declared ones, and when the schema is open every unknown name.
      if (shape.open) freeForm = spec;
      else {
        const value = readDeclaredProperties(Object.keys(shape.properties), entries, consumed);
        if (value !== undefined) out[spec.name] = value;
      }
      continue;
    }
    const values = entries.get(spec.name);
    if (values === undefined) continue;
    consumed.add(spec.name);
    out[spec.name] = fromValues(values, spec);
  }
  const unknown = [...entries.keys()].filter((name) => !consumed.has(name) && !credentials.has(name));
  if (freeForm !== undefined) {
    const object = clientKeyed();
    for (const name of unknown) object[name] = entries.get(name)?.[0] ?? "";
    if (unknown.length > 0) out[freeForm.name] = Object.assign(object, out[freeForm.name]);
  } else if (!allowUnknown && unknown.length > 0) {
    const errors: FieldError[] = unknown.sort().map((name) => ({
      field: `query.${name}`,
      code: "unknown_parameter",
      message: `query parameter "${name}" is not defined for this operation`,
    }));
    throw new HttpProblem(
      400,
      "validation_failed",
      "The request has query parameters this operation does not accept.",
      {
        errors,
      },
    );
  }
  return out;
}

/**
 * Negotiation headers whose lone `*` matches anything (RFC 9110 §12.5.3-4), which is what their absence says too.
 * Fetch (Node's included) sends `Accept-Language: *` when the caller sets none: read as absent, so an enum'd
 * parameter (evetech `["de", "en-us", ...]`) takes its default instead of refusing a request that states no choice.
 */
const WILDCARD_MEANS_ABSENT: ReadonlySet<string> = new Set(["accept-language", "accept-encoding"]);

/** Header parameters; `headers` is Node's lower-cased header object. */
export function readHeaders(
  headers: Readonly<Record<string, string | string[] | undefined>>,
  specs: readonly ParamSpec[],
): RawParams {
  const out: RawParams = {};
  for (const spec of specs) {
    const raw = headers[spec.name.toLowerCase()];
    if (raw === undefined) continue;
    if (typeof raw === "string" && raw.trim() === "*" && WILDCARD_MEANS_ABSENT.has(spec.name.toLowerCase())) continue;
    out[spec.name] = fromSerialised(Array.isArray(raw) ? raw.join(",") : raw, spec);
  }
  return out;
}

export function readCookies(cookieHeader: string | undefined, specs: readonly ParamSpec[]): RawParams {
  const out: RawParams = {};
  if (cookieHeader === undefined || specs.length === 0) return out;
  const jar = parseCookieHeader(cookieHeader);
  for (const spec of specs) {
    const raw = jar.get(spec.name);
    if (raw !== undefined) out[spec.name] = fromSerialised(raw, spec);
  }
  return out;
}

/** Path parameters, already percent-decoded by the router, keyed by their spec names. */
export function readPath(values: Readonly<Record<string, string | undefined>>, specs: readonly ParamSpec[]): RawParams {
  const out: RawParams = {};
  for (const spec of specs) {
    const raw = values[spec.name];
    if (raw !== undefined) out[spec.name] = fromSerialised(stripPrefix(raw, spec), spec);
  }
  return out;
}

export function parseCookieHeader(header: string): Map<string, string> {
  const jar = new Map<string, string>();
  for (const pair of header.split(";")) {
    const eq = pair.indexOf("=");
    if (eq <= 0) continue;
    const name = pair.slice(0, eq).trim();
    if (jar.has(name)) continue; // the first cookie of a name is the most specific one (RFC 6265 §5.4)
    let value = pair.slice(eq + 1).trim();
    if (value.startsWith('"') && value.endsWith('"') && value.length >= 2) value = value.slice(1, -1);
    jar.set(name, safeDecode(value));
  }
  return jar;
}

function fromValues(values: string[], spec: ParamSpec): unknown {
  if (spec.shape.kind === "array") {
    if (spec.explode && spec.style === "form") return values;
    return values.flatMap((value) => split(value, spec));
  }
  if (spec.shape.kind === "object") return toObject(split(values[0] ?? "", spec));
  return values.length === 1 ? values[0] : values;
}

function fromSerialised(raw: string, spec: ParamSpec): unknown {
  if (spec.shape.kind === "scalar" || spec.shape.kind === "json") return raw;
  const parts = split(raw, spec);
  if (spec.shape.kind === "array") return parts;
  if (spec.explode) {
    const object = clientKeyed();
    for (const part of parts) {
      const eq = part.indexOf("=");
      if (eq > 0) object[part.slice(0, eq)] = part.slice(eq + 1);
    }
    return object;
  }
  return toObject(parts);
}

function split(value: string, spec: ParamSpec): string[] {
  if (value === "") return [];
  const delimiter =
    spec.style === "label" || spec.style === "matrix"
      ? spec.explode
        ? spec.style === "label"
          ? "."
          : ";"
        : ","
      : (DELIMITERS[spec.style] ?? ",");
  return carriesJson(spec.shape) ? splitOutsideJson(value, delimiter) : value.split(delimiter);
}

function carriesJson(shape: ParamShape): boolean {
  if (shape.kind === "array") return shape.items.includes("json");
  if (shape.kind === "object")
    return shape.additional.includes("json") || Object.values(shape.properties).some((types) => types.includes("json"));
  return false;
}

/** Splits at `delimiter` where it is not inside a JSON item's brackets or strings (`{"a":1,"b":2},{"a":3}`). */
function splitOutsideJson(value: string, delimiter: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let inString = false;
  let start = 0;
  for (let i = 0; i < value.length; i++) {
    const char = value[i];
    if (inString) {
      if (char === "\\") i++;
      else if (char === '"') inString = false;
    } else if (char === '"' && depth > 0) inString = true;
    else if (char === "{" || char === "[") depth++;
    else if ((char === "}" || char === "]") && depth > 0) depth--;
    else if (depth === 0 && value.startsWith(delimiter, i)) {
      parts.push(value.slice(start, i));
      start = i + delimiter.length;
      i = start - 1;
    }
  }
  parts.push(value.slice(start));
  return parts;
}

function toObject(parts: string[]): Record<string, string> {
  const object = clientKeyed();
  for (let i = 0; i + 1 < parts.length; i += 2) object[parts[i] ?? ""] = parts[i + 1] ?? "";
  return object;
}

function readDeepObject(
  name: string,
  entries: Map<string, string[]>,
  consumed: Set<string>,
): Record<string, string> | undefined {
  const prefix = `${name}[`;
  let object: Record<string, string> | undefined;
  for (const [key, values] of entries) {
    if (!key.startsWith(prefix) || !key.endsWith("]")) continue;
    object ??= clientKeyed();
    object[key.slice(prefix.length, -1)] = values[0] ?? "";
    consumed.add(key);
  }
  return object;
}

function readDeclaredProperties(
  names: readonly string[],
  entries: Map<string, string[]>,
  consumed: Set<string>,
): Record<string, string> | undefined {
  let object: Record<string, string> | undefined;
  for (const name of names) {
    const values = entries.get(name);
    if (values === undefined) continue;
    object ??= clientKeyed();
    object[name] = values[0] ?? "";
    consumed.add(name);
  }
  return object;
}

/** An object whose keys come from the request: no prototype, so `__proto__` or `constructor` is just a key. */
function clientKeyed(): Record<string, string> {
  return Object.create(null) as Record<string, string>;
}

function stripPrefix(raw: string, spec: ParamSpec): string {
  if (spec.style === "label" && raw.startsWith(".")) return raw.slice(1);
  if (spec.style === "matrix") {
    const prefix = `;${spec.name}=`;
    if (raw.startsWith(prefix)) return raw.slice(prefix.length);
  }
  return raw;
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
