// How a failure fills the spec's own error schema (CONVENTIONS.md §3; issue 12): worked out once, here, from the
// names and types of the schema's members. The server runtime only follows the recipe (an ErrorPart tree).
import type { ErrorFields, ErrorPart, FieldPath } from "./ir.js";
import { RefResolver, isObject, type JsonObject } from "./refs.js";
import { enumDeniesType } from "../../templates/runtime/server/enum-type.js";
import { errorSample } from "./error-sample.js";

/** Message-like member names, best first (lowercase, without `_`/`-`). */
const MESSAGE_NAMES = [
  "message",
  "detail",
  "errormessage",
  "errordescription",
  "description",
  "msg",
  "reason",
  "text",
  "details",
];
/** A name ending so is message-like too (`developerMessage`, `status_reason`), ranked after the names above. */
const MESSAGE_SUFFIXES = ["message", "msg", "description", "reason", "detail"];
const CODE_NAMES = ["code", "errorcode", "errortype", "reasoncode"];
const STATUS_NAMES = ["status", "statuscode", "httpstatus", "httpstatuscode", "httpcode"];
const FIELD_NAMES = ["field", "param", "parameter", "path", "pointer", "property", "name", "location", "source"];
const TIME_NAMES = ["timestamp", "time", "date", "occurredat", "createdat"];
const FLAG_NAMES = ["ok", "success"];
const MAX_DEPTH = 4;

type Scope = "top" | "entry";
type Role =
  | "message"
  | "title"
  | "error"
  | "code"
  | "status"
  | "type"
  | "instance"
  | "field"
  | "timestamp"
  | "flag"
  | "entries"
  | "nested"
  | "other";

interface Member {
  name: string;
  schema: JsonObject;
  declared: unknown;
  required: boolean;
  role: Role;
}

export interface ErrorPayloadPlan {
  payload: ErrorPart;
  fields: ErrorFields;
}

export function errorPayloadPlan(schema: unknown, root: Readonly<Record<string, unknown>>): ErrorPayloadPlan {
  const planner = new Planner(new RefResolver(root as JsonObject), root);
  const payload = settleEntries(planner.top(schema));
  return { payload, fields: fieldsOf(payload) };
}

class Planner {
  constructor(
    private readonly refs: RefResolver,
    private readonly root: Readonly<Record<string, unknown>>,
  ) {}

  top(declared: unknown): ErrorPart {
    const schema = this.objectVariant(declared);
    if (schema === undefined) return { fill: "problem" };
    const types = typesOf(schema);
    if (types.length === 1 && types[0] === "string")
      return hasConstraints(schema)
        ? this.sampleOf(schema)
        : { fill: "message", withFields: true, ...lengthOf(schema) };
    if (types.length === 1 && types[0] === "array")
      return this.entries(schema.items, schema, true) ?? this.sampleOf(schema);
    // No members: free-form, so the RFC 9457 problem fits; unless no member is allowed at all.
    if (this.refs.properties(schema).size === 0)
      return schema.additionalProperties === false ? { fill: "object", members: [] } : { fill: "problem" };
    return withOpenPlaces(this.object(schema, "top", 0), schema, this.refs);
  }

  /** The schema itself, or the first object member of a `oneOf`/`anyOf` when it declares no properties of its own. */
  private objectVariant(declared: unknown): JsonObject | undefined {
    const schema = this.refs.resolve(declared);
    if (schema === undefined || this.refs.properties(schema).size > 0) return schema;
    const variants = [
      ...(Array.isArray(schema.oneOf) ? schema.oneOf : []),
      ...(Array.isArray(schema.anyOf) ? schema.anyOf : []),
    ];
    return (
      variants
        .map((variant) => this.refs.resolve(variant))
        .find((variant) => variant !== undefined && this.refs.properties(variant).size > 0) ?? schema
    );
  }

  private object(schema: JsonObject, scope: Scope, depth: number): ErrorPart {
    const required = requiredOf(schema, this.refs);
    const properties = this.refs.properties(schema);
    const members: Member[] = [...properties].map(([name, last]) => {
      // A member declared in several allOf parts (docker.com's SCIM `status: { example }` over `status: string`)
      // is what all of them say together.
      const every = definitionsOf(schema, name, this.refs);
      const declared = every.length > 1 ? { allOf: every } : last;
      const resolved = flattened(this.refs.resolve(declared) ?? {}, this.refs);
      return {
        name,
        declared,
        schema: resolved,
        required: required.has(name),
        role: this.roleOf(name, resolved, scope, depth),
      };
    });
    // `required` may name a member `properties` does not declare: any value will do.
    for (const name of required)
      if (!properties.has(name)) members.push({ name, declared: {}, schema: {}, required: true, role: "other" });
    const message = messageMember(members);
    const hasField = members.some((member) => member.role === "field");
    let entriesTaken = false;
    const out: { name: string; part: ErrorPart }[] = [];
    for (const member of members) {
      const part = this.partOf(member, { message, hasField, scope, depth, entriesTaken });
      if (member.role === "entries" && part?.fill === "entries") entriesTaken = true;
      if (part !== undefined) out.push({ name: member.name, part });
    }
    return { fill: "object", members: out };
  }

  private partOf(
    member: Member,
    context: { message: Member | undefined; hasField: boolean; scope: Scope; depth: number; entriesTaken: boolean },
  ): ErrorPart | undefined {
    const { schema } = member;
    const isMessage = member === context.message;
    switch (member.role) {
      case "message":
      case "title":
      case "error":
        if (isMessage)
          return {
            fill: "message",
            ...lengthOf(schema),
            ...(context.scope === "entry" ? (context.hasField ? {} : { withFields: true }) : {}),
          };
        if (member.role === "title") return { fill: "title", ...lengthOf(schema) };
        if (member.role === "error") return codePart(schema);
        return member.required ? { fill: "message", ...lengthOf(schema) } : undefined;
      case "code":
        return allowsType(schema, "string") ? codePart(schema) : statusPart(schema);
      case "status":
        return statusPart(schema);
      case "type":
      case "instance":
      case "timestamp":
        return { fill: member.role };
      case "field":
        return { fill: "field", ...lengthOf(schema) };
      case "flag":
        return { fill: "value", value: false };
      case "entries":
        if (!context.entriesTaken) {
          const entries = this.entries(schema.items, schema, member.required);
          if (entries !== undefined) return entries;
        }
        return this.otherwise(member);
      case "nested": {
        const nested = this.object(schema, "top", context.depth + 1);
        return member.required || placesOf(nested).size > 0 ? nested : undefined;
      }
      default:
        return this.otherwise(member);
    }
  }

  /** A member the failure says nothing about: left out, or (when required) a type-valid sample of its schema. */
  private otherwise(member: Member): ErrorPart | undefined {
    return member.required ? this.sampleOf(member.declared) : undefined;
  }

  private sampleOf(schema: unknown): ErrorPart {
    return { fill: "value", value: errorSample(schema, this.refs, this.root) };
  }

  /** An array of message-like strings or of objects with a message-like member: one entry per field error. */
  private entries(
    items: unknown,
    array: JsonObject = {},
    required = false,
  ): Extract<ErrorPart, { fill: "entries" }> | undefined {
    const item = this.refs.resolve(items);
    if (item === undefined) return undefined;
    const none = typeof array.minItems === "number" && array.minItems > 0 ? "self" : required ? "empty" : "omit";
    if (typesOf(item).length === 1 && typesOf(item)[0] === "string" && !hasConstraints(item)) {
      return { fill: "entries", item: { fill: "message", withFields: true, ...lengthOf(item) }, none };
    }
    const entry = this.object(item, "entry", MAX_DEPTH);
    if (entry.fill !== "object" || !entry.members.some(({ part }) => part.fill === "message")) return undefined;
    return { fill: "entries", item: entry, none };
  }

  private roleOf(name: string, schema: JsonObject, scope: Scope, depth: number): Role {
    const key = name.toLowerCase().replace(/[^a-z0-9]/g, "");
    const text = allowsType(schema, "string") && !hasConstraints(schema);
    if (allowsType(schema, "array") && typesOf(schema).length === 1) return scope === "top" ? "entries" : "other";
    if (typesOf(schema).length === 1 && typesOf(schema)[0] === "object")
      return scope === "top" && depth < MAX_DEPTH ? "nested" : "other";
    if (FLAG_NAMES.includes(key) && allowsType(schema, "boolean")) return "flag";
    if (key === "error" && text) return "error";
    if (key === "error" && allowsType(schema, "string") && enumOf(schema) !== undefined) return "code";
    if ((MESSAGE_NAMES.includes(key) || MESSAGE_SUFFIXES.some((suffix) => key.endsWith(suffix))) && text)
      return "message";
    if (key === "title" && text) return "title";
    const codeLike =
      (allowsType(schema, "string") && !hasConstraints({ ...schema, enum: undefined, const: undefined })) ||
      allowsType(schema, "integer") ||
      allowsType(schema, "number");
    if ((CODE_NAMES.includes(key) || (key === "type" && enumOf(schema) !== undefined)) && codeLike) return "code";
    if (
      key === "type" &&
      allowsType(schema, "string") &&
      isUriLike(schema, ["uri", "uri-reference", "iri", "iri-reference"])
    )
      return "type";
    if (STATUS_NAMES.includes(key) && codeLike) return "status";
    if (
      scope === "top" &&
      (key === "instance" || key === "path") &&
      allowsType(schema, "string") &&
      isUriLike(schema, ["uri-reference", "iri-reference"])
    )
      return "instance";
    if (scope === "entry" && FIELD_NAMES.includes(key) && text) return "field";
    if (TIME_NAMES.includes(key) && allowsType(schema, "string") && schema.format === "date-time") return "timestamp";
    return "other";
  }
}

/**
 * A schema with no place for the failure that allows more members (Slack's "default error template" is
 * `{ ok: false }` and open) gets `message` and `code` as well, unless it declares members of those names.
 */
function withOpenPlaces(part: ErrorPart, schema: JsonObject, refs: RefResolver): ErrorPart {
  if (
    part.fill !== "object" ||
    placesOf(part).size > 0 ||
    schema.additionalProperties === false ||
    schema.unevaluatedProperties === false
  )
    return part;
  const declared = refs.properties(schema);
  const extra = [
    { name: "message", part: { fill: "message" } as const },
    { name: "code", part: { fill: "code" } as const },
  ].filter(({ name }) => !declared.has(name));
  return { fill: "object", members: [...part.members, ...extra] };
}

/** A member written as `allOf: [{ $ref }]` (pydantic's way to add a description) read as the schema it refers to. */
function flattened(schema: JsonObject, refs: RefResolver, depth = 0): JsonObject {
  if (schema.type !== undefined || depth > 8) return schema;
  if (Array.isArray(schema.allOf)) {
    const parts = schema.allOf.map((part) => flattened(refs.resolve(part) ?? {}, refs, depth + 1));
    return Object.assign({}, ...parts, { ...schema, allOf: undefined });
  }
  // A `oneOf`/`anyOf` allows the types its variants allow (an object-or-array `source` is no string field).
  const variants = [
    ...(Array.isArray(schema.oneOf) ? schema.oneOf : []),
    ...(Array.isArray(schema.anyOf) ? schema.anyOf : []),
  ];
  const types = variants.map((variant) => typesOf(flattened(refs.resolve(variant) ?? {}, refs, depth + 1)));
  if (types.length === 0 || types.some((each) => each.length === 0)) return schema;
  return { ...schema, type: [...new Set(types.flat())] };
}

/** Every schema `schema` (through its allOf parts) declares for its property `name`, outermost last. */
function definitionsOf(schema: unknown, name: string, refs: RefResolver, depth = 0): JsonObject[] {
  const resolved = refs.resolve(schema);
  if (resolved === undefined || depth > 16) return [];
  const parts = (Array.isArray(resolved.allOf) ? resolved.allOf : []).flatMap((part) =>
    definitionsOf(part, name, refs, depth + 1),
  );
  const own = isObject(resolved.properties) ? resolved.properties[name] : undefined;
  return isObject(own) ? [...parts, own] : parts;
}

/** The member that carries the failure's text: the best message-like name, else `error`, else `title`. */
function messageMember(members: readonly Member[]): Member | undefined {
  const messages = members.filter((member) => member.role === "message");
  const rank = (member: Member) => {
    const index = MESSAGE_NAMES.indexOf(normalised(member.name));
    return index < 0 ? MESSAGE_NAMES.length : index;
  };
  messages.sort((a, b) => rank(a) - rank(b));
  if (messages[0] !== undefined) return messages[0];
  // Slack's `{ ok: false, error: "invalid_auth" }`: with an ok/success flag, `error` is a code, not a sentence.
  const hasFlag = members.some((member) => member.role === "flag");
  return (
    (hasFlag ? undefined : members.find((member) => member.role === "error")) ??
    members.find((member) => member.role === "title")
  );
}

function normalised(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, "");
}

function codePart(schema: JsonObject): ErrorPart {
  const allowed = enumOf(schema)?.filter((value): value is string => typeof value === "string");
  return { fill: "code", ...(allowed !== undefined && allowed.length > 0 ? { allowed } : {}), ...lengthOf(schema) };
}

function statusPart(schema: JsonObject): ErrorPart {
  const as = allowsType(schema, "integer") || allowsType(schema, "number") ? "integer" : "string";
  const allowed = enumOf(schema)?.filter((value): value is string | number =>
    as === "integer" ? Number.isInteger(value) : typeof value === "string",
  );
  return { fill: "status", as, ...(allowed !== undefined && allowed.length > 0 ? { allowed } : {}) };
}

function lengthOf(schema: JsonObject): { maxLength?: number } {
  return typeof schema.maxLength === "number" ? { maxLength: schema.maxLength } : {};
}

/** A string the failure's text may not fit: a format, a pattern or an enum (the member gets a sample instead). */
function hasConstraints(schema: JsonObject): boolean {
  return (
    schema.format !== undefined ||
    schema.pattern !== undefined ||
    enumOf(schema) !== undefined ||
    (typeof schema.minLength === "number" && schema.minLength > 1)
  );
}

/** RFC 9457's `type` ("about:blank") and `instance` (the request path) fit these formats, or none. */
function isUriLike(schema: JsonObject, formats: readonly string[]): boolean {
  const { format, ...rest } = schema;
  return !hasConstraints(rest) && (format === undefined || (typeof format === "string" && formats.includes(format)));
}

function enumOf(schema: JsonObject): unknown[] | undefined {
  if (Array.isArray(schema.enum)) return schema.enum;
  return schema.const !== undefined ? [schema.const] : undefined;
}

/**
 * The JSON types a schema allows ([] = any); inferred from `properties`/`items`/`enum` when `type` is absent, or
 * admits none of the enum's values (the validators leave such a `type` out: runtime/server/enum-type.ts).
 */
function typesOf(schema: JsonObject): string[] {
  const type = enumDeniesType(schema.type, schema.enum) ? undefined : schema.type;
  if (typeof type === "string") return [type];
  if (Array.isArray(type)) return type.filter((t): t is string => typeof t === "string" && t !== "null");
  if (isObject(schema.properties)) return ["object"];
  if (schema.items !== undefined) return ["array"];
  const values = enumOf(schema);
  if (values !== undefined)
    return [...new Set(values.map((value) => (Number.isInteger(value) ? "integer" : typeof value)))];
  return [];
}

function allowsType(schema: JsonObject, type: string): boolean {
  const types = typesOf(schema);
  return (
    types.length === 0 ||
    types.includes(type) ||
    (type === "number" && types.includes("integer")) ||
    (type === "integer" && types.includes("number"))
  );
}

function requiredOf(schema: JsonObject, refs: RefResolver, depth = 0): Set<string> {
  const out = new Set<string>(
    Array.isArray(schema.required) ? schema.required.filter((name): name is string => typeof name === "string") : [],
  );
  if (depth > 16) return out;
  for (const member of Array.isArray(schema.allOf) ? schema.allOf : []) {
    const resolved = refs.resolve(member);
    if (resolved !== undefined) for (const name of requiredOf(resolved, refs, depth + 1)) out.add(name);
  }
  return out;
}

/**
 * An entries array describes the failure itself when no other member carries the message (Asana's
 * `{ errors: [{ message }] }`) or when the schema wants at least one entry (minItems, set where it is planned).
 */
function settleEntries(payload: ErrorPart): ErrorPart {
  const places = placesOf(payload, false);
  const visit = (part: ErrorPart): ErrorPart => {
    if (part.fill === "object")
      return { fill: "object", members: part.members.map(({ name, part: inner }) => ({ name, part: visit(inner) })) };
    if (part.fill === "entries" && !places.has("message")) return { ...part, none: "self" };
    // Without an array for them, the message itself names the invalid fields.
    if (part.fill === "message" && !places.has("entries")) return { ...part, withFields: true };
    return part;
  };
  return visit(payload);
}

/** Where each fill first occurs (outside entries unless `intoEntries`), as a path from the root. */
function placesOf(
  part: ErrorPart,
  intoEntries = true,
  path: FieldPath = [],
  out = new Map<string, FieldPath>(),
): Map<string, FieldPath> {
  if (part.fill === "object") {
    for (const { name, part: inner } of part.members) placesOf(inner, intoEntries, [...path, name], out);
  } else if (part.fill === "entries") {
    if (!out.has("entries")) out.set("entries", path);
    if (intoEntries) placesOf(part.item, intoEntries, [...path, "[]"], out);
  } else if (part.fill !== "value" && !out.has(part.fill)) {
    out.set(part.fill, path);
  }
  return out;
}

function fieldsOf(payload: ErrorPart): ErrorFields {
  const outside = placesOf(payload, false);
  const anywhere = placesOf(payload);
  const message = outside.get("message") ?? anywhere.get("message") ?? (payload.fill === "problem" ? ["detail"] : null);
  const code =
    outside.get("code") ??
    outside.get("status") ??
    anywhere.get("code") ??
    (payload.fill === "problem" ? ["code"] : null);
  const details = anywhere.get("entries") ?? (payload.fill === "problem" ? ["errors"] : null);
  return { message, code, details };
}
