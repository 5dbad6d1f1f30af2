// The API's own error payload: server.ts carries a recipe (computed at generation time from the spec's error
// schema, see generator/model/error-payload.ts) and this fills it from a problem. No schema is read at run time.
import type { FieldError, ProblemDetails, ProblemFormatter } from "./problem.js";

/**
 * One place of the payload and what fills it; the generator's IR uses this type (ErrorSchema.payload).
 * - message/title/code/field: the failure's text, the status's reason phrase, its machine code ("validation_failed"),
 *   the invalid field ("query.limit"); inside `entries`, message/code/field are those of the entry.
 *   `withFields`: the text also names the invalid field(s), because the schema has no other place for them.
 * - status: the HTTP status, as the member's type wants it; `allowed` (enum/const): the status or code when it is
 *   one of them, else the first.
 * - type/instance/timestamp: RFC 9457's "about:blank", the request path, the time of the answer (date-time).
 * - value: a member the failure says nothing about that the schema requires: a type-valid constant.
 * - entries: an array with one entry per field error; with none, `none` says: leave the array out, send it
 *   empty, or send one entry describing the failure itself.
 * - problem: the schema is free-form; the RFC 9457 problem object is sent as it is.
 */
export type ErrorPart =
  | { fill: "message" | "title"; maxLength?: number; withFields?: boolean }
  | { fill: "code"; allowed?: readonly string[]; maxLength?: number }
  | { fill: "field"; maxLength?: number }
  | { fill: "status"; as: "integer" | "string"; allowed?: readonly (string | number)[] }
  | { fill: "type" | "instance" | "timestamp" | "problem" }
  | { fill: "value"; value: unknown }
  | { fill: "object"; members: readonly { name: string; part: ErrorPart }[] }
  | { fill: "entries"; item: ErrorPart; none: "omit" | "empty" | "self" };

export interface ErrorPayload {
  /** The media type the spec's error responses declare. */
  mediaType: string;
  payload: ErrorPart;
  /**
   * How the payload is written (absent: JSON). "text": the message as it is (`text/plain` errors); "xml": the
   * problem's members as elements of `<error>`; "problem+xml": RFC 9457 Appendix B's `<problem>` document.
   */
  encoding?: "text" | "xml" | "problem+xml";
}

/** What an entry of an `entries` array describes: one field error, or the failure itself (no field). */
interface Entry {
  field: string | undefined;
  code: string;
  message: string;
}

export function errorPayloadFormatter(spec: ErrorPayload): ProblemFormatter {
  return (problem) => {
    const body = fill(spec.payload, problem, undefined);
    switch (spec.encoding) {
      case "text":
        return { contentType: spec.mediaType, body: String(body) };
      case "xml":
        return { contentType: spec.mediaType, body: xmlDocument("error", "", problem) };
      case "problem+xml":
        return { contentType: spec.mediaType, body: xmlDocument("problem", ' xmlns="urn:ietf:rfc:7807"', problem) };
      default:
        return { contentType: spec.mediaType, body };
    }
  };
}

/** The problem's members as child elements (RFC 9457 Appendix B); field errors as `<errors><i>` entries. */
function xmlDocument(root: string, attributes: string, problem: ProblemDetails): string {
  const element = (name: string, value: unknown): string =>
    value === undefined ? "" : `<${name}>${escapeXml(String(value))}</${name}>`;
  const members = ["type", "title", "status", "detail", "instance", "code"]
    .map((name) => element(name, (problem as unknown as Record<string, unknown>)[name]))
    .join("");
  const errors = (problem.errors ?? [])
    .map(
      (error) =>
        `<i>${element("field", error.field)}${element("code", error.code)}${element("message", error.message)}</i>`,
    )
    .join("");
  return `<?xml version="1.0" encoding="UTF-8"?><${root}${attributes}>${members}${errors === "" ? "" : `<errors>${errors}</errors>`}</${root}>`;
}

function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (char) => `&#${char.charCodeAt(0)};`);
}

function fill(part: ErrorPart, problem: ProblemDetails, entry: Entry | undefined): unknown {
  switch (part.fill) {
    case "message":
      return clip(
        entry === undefined
          ? withFieldList(problem, part.withFields === true)
          : entryText(entry, part.withFields === true),
        part.maxLength,
      );
    case "title":
      return clip(problem.title, part.maxLength);
    case "code":
      return oneOf(entry?.code ?? problem.code, part.allowed, part.maxLength);
    case "field":
      // The entry describing the failure itself names the request as the place of the error.
      return clip(entry?.field ?? "request", part.maxLength);
    case "status": {
      const status = part.as === "integer" ? problem.status : String(problem.status);
      return part.allowed === undefined || part.allowed.includes(status) ? status : part.allowed[0];
    }
    case "type":
      return problem.type;
    case "instance":
      return problem.instance ?? "";
    case "timestamp":
      return new Date().toISOString();
    case "problem":
      return problem;
    case "value":
      return structuredClone(part.value);
    case "object":
      return Object.fromEntries(
        part.members.flatMap(({ name, part: member }) => {
          const value = fill(member, problem, entry);
          return value === undefined ? [] : [[name, value]];
        }),
      );
    case "entries": {
      const entries: Entry[] = (problem.errors ?? []).map((error: FieldError) => ({ ...error }));
      if (entries.length === 0 && part.none === "omit") return undefined;
      if (entries.length === 0 && part.none === "self")
        entries.push({ field: undefined, code: problem.code, message: problem.detail ?? problem.title });
      return entries.map((each) => fill(part.item, problem, each));
    }
  }
}

function withFieldList(problem: ProblemDetails, withFields: boolean): string {
  const detail = problem.detail ?? problem.title;
  const errors = problem.errors ?? [];
  if (!withFields || errors.length === 0) return detail;
  return `${detail} ${errors.map((error) => `${error.field}: ${error.message}`).join("; ")}`;
}

function entryText(entry: Entry, withField: boolean): string {
  return withField && entry.field !== undefined ? `${entry.field}: ${entry.message}` : entry.message;
}

function oneOf(
  code: string,
  allowed: readonly string[] | undefined,
  maxLength: number | undefined,
): string | undefined {
  if (allowed === undefined) return clip(code, maxLength);
  return allowed.includes(code) ? code : allowed[0];
}

function clip(text: string, maxLength: number | undefined): string {
  return maxLength !== undefined && text.length > maxLength ? text.slice(0, Math.max(0, maxLength)) : text;
}
