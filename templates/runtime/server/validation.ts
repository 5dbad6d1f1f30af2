// Validators are ajv standalone functions compiled ahead of time; this turns their errors into `errors[]`.
import type { FieldError } from "./problem.js";

/** The subset of ajv's ErrorObject the runtime reads. */
export interface ValidatorError {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
  message?: string;
}

/** An ajv standalone validate function (it may coerce and default `data` in place). */
export interface ValidateFunction {
  (data: unknown): boolean;
  errors?: ValidatorError[] | null;
  /** Set by details validators that stopped early, having found more errors than their budget. */
  truncated?: boolean;
}

/** The errors of `data`, which `verdict` found invalid: from `details` when there is one (it may stop early). */
export function explainErrors(
  verdict: ValidateFunction,
  details: ValidateFunction | undefined,
  data: unknown,
  location: string | null,
): { errors: FieldError[]; truncated: boolean } {
  if (details === undefined || details(data))
    return { errors: toFieldErrors(verdict.errors, location), truncated: false };
  return { errors: toFieldErrors(details.errors, location), truncated: details.truncated === true };
}

const CODES: Readonly<Record<string, string>> = {
  required: "missing_field",
  type: "invalid_type",
  additionalProperties: "unknown_field",
  unevaluatedProperties: "unknown_field",
  enum: "invalid_value",
  const: "invalid_value",
  format: "invalid_format",
  pattern: "invalid_format",
  minimum: "too_small",
  exclusiveMinimum: "too_small",
  minLength: "too_short",
  minItems: "too_short",
  minProperties: "too_short",
  maximum: "too_large",
  exclusiveMaximum: "too_large",
  maxLength: "too_long",
  maxItems: "too_long",
  maxProperties: "too_long",
  multipleOf: "invalid_value",
  uniqueItems: "duplicate_items",
  // A discriminator property missing or naming no variant (generator/emit/server/discriminator-keyword.ts).
  "x-specwright-discriminator": "invalid_discriminator",
};

/**
 * `location` prefixes parameter fields ("query.page_size"); body fields are bare ("name", "tags[1]"), as a
 * form would name them. ajv's own messages are kept: they say what was expected and never echo the input.
 */
export function toFieldErrors(
  errors: readonly ValidatorError[] | null | undefined,
  location: string | null,
): FieldError[] {
  const seen = new Set<string>();
  const out: FieldError[] = [];
  for (const error of errors ?? []) {
    if (error.keyword === "if" || (error.keyword === "anyOf" && out.length > 0)) continue; // follow-ups of a reported error
    const field = fieldName(location, error.instancePath, childOf(error));
    const code = CODES[error.keyword] ?? "invalid";
    const key = `${field}\u0000${code}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ field, code, message: messageOf(error) });
  }
  return out;
}

function childOf(error: ValidatorError): string | undefined {
  const { missingProperty, additionalProperty, unevaluatedProperty, discriminator } = error.params;
  const child = missingProperty ?? additionalProperty ?? unevaluatedProperty ?? discriminator;
  return typeof child === "string" ? child : undefined;
}

function fieldName(location: string | null, instancePath: string, child: string | undefined): string {
  const segments = instancePath === "" ? [] : instancePath.slice(1).split("/").map(unescapePointer);
  if (child !== undefined) segments.push(child);
  let path = "";
  for (const segment of segments) {
    if (/^\d+$/.test(segment)) path += `[${segment}]`;
    else path += path === "" ? segment : `.${segment}`;
  }
  if (location === null) return path === "" ? "body" : path;
  return path === "" ? location : `${location}.${path}`;
}

function messageOf(error: ValidatorError): string {
  const base = error.message ?? "is invalid";
  const allowed = error.params["allowedValues"];
  return Array.isArray(allowed) ? `${base}: ${allowed.map((value) => JSON.stringify(value)).join(", ")}` : base;
}

function unescapePointer(segment: string): string {
  return segment.replace(/~1/g, "/").replace(/~0/g, "~");
}
