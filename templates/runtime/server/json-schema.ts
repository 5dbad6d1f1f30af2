// OpenAPI schemas -> JSON Schema 2020-12 that ajv compiles. Shared by the generator (validators compiled ahead
// of time) and by development-mode response validation, so both see the same rules.
// Every `$ref` target is copied once into `$defs` of one root schema and referenced from there, so identical
// `$ref`s share one compiled validator; annotations are dropped to keep the compiled code small.

import { enumDeniesType } from "./enum-type.js";
import { hasIndistinctBranches } from "./indistinct-branches.js";
import { linearPattern } from "./patterns.js";

/**
 * A schema object. The keywords this file reads by name are declared, so that the generated runtime compiles under
 * `noPropertyAccessFromIndexSignature`.
 */
interface Json {
  [keyword: string]: unknown;
  $ref?: unknown;
  allOf?: unknown;
  anyOf?: unknown;
  oneOf?: unknown;
  enum?: unknown;
  exclusiveMaximum?: unknown;
  exclusiveMinimum?: unknown;
  maximum?: unknown;
  minimum?: unknown;
  nullable?: unknown;
  patternProperties?: unknown;
  prefixItems?: unknown;
  properties?: unknown;
  required?: unknown;
  type?: unknown;
}

/**
 * Whether validation keeps a spec `pattern` (or `patternProperties` key); `at` says where it sits in the spec.
 * The generator passes one that also admits vetted backtracking patterns and warns about the rest.
 */
export type PatternFilter = (pattern: string, at: string) => boolean;

/** Only what runs in linear time: development-mode response checks use this (no ReDoS detector at run time). */
export const linearPatternsOnly: PatternFilter = (pattern) =>
  isUnicodePattern(pattern) && linearPattern(pattern) !== undefined;

/**
 * ajv compiles `pattern`s as Unicode regular expressions, where identity escapes such as `\_` or `\-`, a bare `{,3}`
 * or `\p{Print}` are syntax errors (AWS specs use them). Such a pattern is left out rather than failing the whole
 * generation; reading it without the `u` flag instead would silently change valid `\p{L}` patterns.
 */
export function isUnicodePattern(pattern: string): boolean {
  try {
    new RegExp(pattern, "u");
    return true;
  } catch {
    return false;
  }
}

export type Direction = "request" | "response";

/**
 * The generator's reading of a schema's `discriminator` (generator/model/discriminator-branches.ts): the branch of
 * `keyword` each value selects. Without one, `discriminator` is an annotation and the `oneOf`/`anyOf` stays.
 */
export type BranchSelector = (
  schema: Readonly<Record<string, unknown>>,
) => { propertyName: string; keyword: "oneOf" | "anyOf"; branches: { value: string; ref: string }[] } | undefined;

/**
 * The keyword a selection leaves on the object: its property must hold one of the selecting values. Compiled by
 * the generator's ajv keyword of that name (validators.ts), which reports the property and the allowed values.
 */
export const DISCRIMINATOR_KEYWORD = "x-specwright-discriminator";

/** Told of a keyword left out of validation: where it sits in the spec and what is wrong with it. */
export type DroppedKeyword = (at: string, why: string) => void;

/** A name, or a list of names ajv knows: what `type` may hold (a lone unknown name, `file`, is dropped below, silently). */
function isTypeValue(value: unknown): boolean {
  return (
    typeof value === "string" ||
    (Array.isArray(value) &&
      value.length > 0 &&
      value.every((name) => typeof name === "string" && KNOWN_TYPES.has(name)))
  );
}

const SUBSCHEMA_MAPS = ["properties", "patternProperties", "$defs", "definitions", "dependentSchemas"];
const SUBSCHEMA_LISTS = ["allOf", "anyOf", "oneOf", "prefixItems"];
const SUBSCHEMAS = [
  "additionalProperties",
  "items",
  "not",
  "if",
  "then",
  "else",
  "contains",
  "propertyNames",
  "unevaluatedProperties",
  "unevaluatedItems",
  "additionalItems",
];
const DROPPED = new Set([
  "description",
  "title",
  "example",
  "examples",
  "externalDocs",
  "xml",
  "discriminator",
  "deprecated",
  "readOnly",
  "writeOnly",
  "nullable",
  "$schema",
  "$comment",
  "$id",
]);

export class SchemaRegistry {
  readonly rootId: string;
  private readonly defs = new Map<string, Json | boolean>();

  // Fields assigned in the body, not constructor parameter properties: the output compiles under erasableSyntaxOnly.
  private readonly document: unknown;
  private readonly openapi30: boolean;
  private readonly direction: Direction;
  private readonly keepPattern: PatternFilter;
  private readonly selectBranches: BranchSelector | undefined;
  private readonly reportDropped: DroppedKeyword;

  /** `reportDropped` hears of each keyword left out because its value is not what JSON Schema allows there. */
  constructor(
    document: unknown,
    openapi30: boolean,
    direction: Direction,
    keepPattern: PatternFilter = linearPatternsOnly,
    selectBranches?: BranchSelector,
    reportDropped: DroppedKeyword = () => undefined,
  ) {
    this.document = document;
    this.openapi30 = openapi30;
    this.direction = direction;
    this.keepPattern = keepPattern;
    this.selectBranches = selectBranches;
    this.reportDropped = reportDropped;
    this.rootId = direction === "request" ? "api-request" : "api-response";
  }

  /** A self-contained copy of `schema` whose refs point into this registry's root; `at` names its place. */
  convert(schema: unknown, at = "#"): Json | boolean {
    return this.walk(schema, at);
  }

  /** The root schema holding every referenced definition; add it to ajv before compiling converted schemas. */
  root(): Json {
    const $defs: Record<string, Json | boolean> = {};
    for (const key of [...this.defs.keys()].sort()) $defs[key] = this.defs.get(key) ?? true;
    return { $id: this.rootId, $defs };
  }

  private walk(node: unknown, at: string): Json | boolean {
    if (typeof node === "boolean") return node;
    if (typeof node !== "object" || node === null || Array.isArray(node)) return true;
    const schema = node as Json;
    if (typeof schema.$ref === "string") {
      const ref = this.refTo(schema.$ref);
      if (this.openapi30) return { $ref: ref }; // 3.0: siblings of $ref are ignored
      const rest = this.walkKeywords(schema, at);
      delete rest.$ref;
      return Object.keys(rest).length === 0 ? { $ref: ref } : { allOf: [{ $ref: ref }, rest] };
    }
    return this.walkKeywords(schema, at);
  }

  private walkKeywords(schema: Json, at: string): Json {
    const out: Json = {};
    for (const [keyword, value] of Object.entries(schema)) {
      // `__proto__` is no keyword, and assigning it would replace `out`'s prototype.
      if (DROPPED.has(keyword) || keyword.startsWith("x-") || keyword === "$ref" || keyword === "__proto__") continue;
      if (keyword === "items" && Array.isArray(value)) {
        out.prefixItems = value.map((sub, index) => this.walk(sub, `${at}/items/${index}`)); // draft-4 tuple form is `prefixItems` in 2020-12
      } else if (keyword === "type" && !isTypeValue(value)) {
        // codat.io's `definitions: { itemType: { type: { enum, type } } }`: a schema written where its name belongs.
        // ajv refuses the whole document for it; left out, the rest still validates.
        this.reportDropped(
          `${at}/type`,
          `"type" must be a type name or a list of them (JSON Schema 2020-12 §6.1.1), not ${JSON.stringify(value).slice(0, 80)}`,
        );
      } else if (keyword === "type" && enumDeniesType(value, schema.enum)) {
        this.reportDropped(
          `${at}/type`,
          `"type" ${JSON.stringify(value)} admits none of the "enum" values, so no value is valid (JSON Schema 2020-12 §6.1)`,
        );
      } else if (keyword === "pattern" && typeof value === "string" && !this.keepPattern(value, `${at}/pattern`)) {
      } else if (keyword === "patternProperties" && isObject(value)) {
        const kept = Object.entries(value).filter(([name]) => this.keepPattern(name, `${at}/patternProperties`));
        out[keyword] = Object.fromEntries(
          kept.map(([name, sub]) => [name, this.walk(sub, `${at}/patternProperties/${escapeToken(name)}`)]),
        );
      } else if (SUBSCHEMA_MAPS.includes(keyword) && isObject(value)) {
        out[keyword] = Object.fromEntries(
          Object.entries(value).map(([name, sub]) => [name, this.walk(sub, `${at}/${keyword}/${escapeToken(name)}`)]),
        );
      } else if (SUBSCHEMA_LISTS.includes(keyword) && Array.isArray(value)) {
        out[keyword] = value.map((sub, index) => this.walk(sub, `${at}/${keyword}/${index}`));
      } else if (SUBSCHEMAS.includes(keyword)) {
        out[keyword] = this.walk(value, `${at}/${keyword}`);
      } else {
        out[keyword] = value;
      }
    }
    if (typeof schema.type === "string" && (schema.type === "file" || !KNOWN_TYPES.has(schema.type))) delete out.type;
    // Swagger 2's `type: file` as some converters write it (azure hdinsight-job `text/plain`: `type: object, format:
    // file`): a file's content, which no JSON type describes.
    if (schema["format"] === "file") delete out.type;
    this.dropHiddenRequired(schema, out);
    this.selectByDiscriminator(schema, out);
    this.readIndistinctOneOfAsAnyOf(schema, out);
    if (this.openapi30) convertOpenApi30(schema, out);
    return matchIllFormedNamesByPattern(out);
  }

  /**
   * `oneOf: [Cat, Dog]` with a discriminator becomes "the property holds a selecting value" and, for each value,
   * `if` the property is that value `then` the body is that branch: one branch is checked, whatever the others say.
   */
  private selectByDiscriminator(schema: Json, out: Json): void {
    const selection = this.selectBranches?.(schema);
    if (selection === undefined) return;
    const { propertyName, keyword, branches } = selection;
    delete out[keyword];
    out[DISCRIMINATOR_KEYWORD] = { propertyName, values: branches.map((branch) => branch.value) };
    const chosen = branches.map(({ value, ref }) => ({
      if: { properties: Object.fromEntries([[propertyName, { const: value }]]), required: [propertyName] },
      then: { $ref: this.refTo(ref) },
    }));
    out.allOf = [...(Array.isArray(out.allOf) ? out.allOf : []), ...chosen];
  }

  /** A `oneOf` no value can satisfy, two of its branches accepting the same values, as `anyOf` (indistinct-branches.ts). */
  private readIndistinctOneOfAsAnyOf(schema: Json, out: Json): void {
    if (
      out.oneOf === undefined ||
      !hasIndistinctBranches(schema.oneOf, (ref) =>
        ref.startsWith("#") ? resolvePointer(this.document, ref.slice(1)) : undefined,
      )
    )
      return;
    const branches = out.oneOf;
    delete out.oneOf;
    if (out.anyOf === undefined) out.anyOf = branches;
    else out.allOf = [...(Array.isArray(out.allOf) ? out.allOf : []), { anyOf: branches }];
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
    const key = wellFormedKey(decodePointer(ref.slice(1)).join("/"));
    if (!this.defs.has(key)) {
      this.defs.set(key, true); // placeholder first: recursive schemas refer to themselves
      const target = resolvePointer(this.document, ref.slice(1));
      if (target === undefined) throw new Error(`$ref "${ref}" points at nothing in the document`);
      // A schema defined only by itself constrains nothing, and validating it would recurse forever.
      this.defs.set(
        key,
        refersToItselfInPlace(this.document, ref, SAME_INSTANCE_KEYWORDS) ? true : this.walk(target, ref),
      );
    }
    return `${this.rootId}#/$defs/${encodeURIComponent(escapeToken(key))}`;
  }
}

/** Keywords whose subschemas apply to the instance itself rather than to a part of it. */
const SAME_INSTANCE_KEYWORDS = ["allOf", "anyOf", "oneOf", "not", "if", "then", "else"];

/**
 * Whether the schema `ref` points at reaches `ref` again through `$ref`s and `keywords` alone, e.g.
 * `A: {$ref: B}, B: {$ref: A}` or `C: {allOf: [{$ref: C}]}`: such a schema is defined only in terms of itself.
 * Callers pass the keywords that, for them, do not step into a part of the value.
 */
export function refersToItselfInPlace(document: unknown, ref: string, keywords: readonly string[]): boolean {
  const start = pointerKey(ref);
  const seen = new Set<string>();
  const pending: unknown[] = [resolvePointer(document, ref.slice(1))];
  while (pending.length > 0) {
    const node = pending.pop();
    if (!isObject(node)) continue;
    if (typeof node.$ref === "string" && node.$ref.startsWith("#")) {
      const key = pointerKey(node.$ref);
      if (key === start) return true;
      if (!seen.has(key)) {
        seen.add(key);
        pending.push(resolvePointer(document, node.$ref.slice(1)));
      }
    }
    for (const keyword of keywords) {
      const value = node[keyword];
      if (Array.isArray(value)) pending.push(...value);
      else pending.push(value);
    }
  }
  return false;
}

/** A JSON Pointer token (RFC 6901 §3). */
function escapeToken(name: string): string {
  return name.replace(/~/g, "~0").replace(/\//g, "~1");
}

function pointerKey(ref: string): string {
  return JSON.stringify(decodePointer(ref.slice(1)));
}

/** In a `u` regex, a surrogate code unit matches only when unpaired. */
const LONE_SURROGATE = /\p{Surrogate}/u;

/** ajv percent-encodes schema locations, which throws on a lone surrogate: such a key is spelled with `\\u` escapes
 * (backslashes doubled, so distinct keys stay distinct). */
function wellFormedKey(key: string): string {
  return key
    .replace(/\\/g, "\\\\")
    .replace(new RegExp(LONE_SURROGATE, "gu"), (unit) => `\\u${unit.charCodeAt(0).toString(16)}`);
}

/**
 * ajv cannot compile a `properties` name holding a lone surrogate (it percent-encodes every schema location), so
 * such a property is matched by an equivalent anchored pattern instead, written with ASCII escapes.
 */
export function matchIllFormedNamesByPattern(schema: Json): Json {
  const properties = schema.properties;
  if (!isObject(properties) || !Object.keys(properties).some((name) => LONE_SURROGATE.test(name))) return schema;
  const kept: [string, unknown][] = [];
  const patterns: [string, unknown][] = isObject(schema.patternProperties)
    ? Object.entries(schema.patternProperties)
    : [];
  for (const [name, sub] of Object.entries(properties)) {
    if (!LONE_SURROGATE.test(name)) kept.push([name, sub]);
    else patterns.push([`^${[...name].map((char) => escapeCodePoint(char)).join("")}$`, sub]);
  }
  schema.properties = Object.fromEntries(kept);
  schema.patternProperties = Object.fromEntries(patterns);
  return schema;
}

function escapeCodePoint(char: string): string {
  if (/^[A-Za-z0-9]$/.test(char)) return char;
  const codePoint = char.codePointAt(0) ?? 0;
  return `\\u{${codePoint.toString(16)}}`;
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
