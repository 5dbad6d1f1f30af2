// The query parameters each pagination style asks for (CONVENTIONS.md §1), and the check of one parameter against
// them, reporting at the exact keyword that is wrong (which may sit in a shared component in another file).
import type { Located, SpecDocument } from "../../../load/index.js";
import { isObject } from "../../operation-info.js";
import type { JsonObject } from "../../rule.js";
import type { PaginationStyle } from "../../settings.js";

export interface ParameterConvention {
  name: string;
  type: "integer" | "string";
  /** Accepted values of the (effective) minimum; undefined when any or none is fine. */
  minimum?: readonly number[];
  requiresMaximum?: boolean;
  requiresDefault?: boolean;
}

export const PARAMETER_CONVENTIONS: Record<PaginationStyle, readonly ParameterConvention[]> = {
  cursor: [
    { name: "page_size", type: "integer", minimum: [1, 0], requiresMaximum: true, requiresDefault: true },
    { name: "page_token", type: "string" },
  ],
  offset: [
    { name: "offset", type: "integer", minimum: [0] },
    { name: "limit", type: "integer", minimum: [1], requiresMaximum: true, requiresDefault: true },
  ],
};

export interface Problem {
  message: string;
  at: Located["at"];
}

export function schemaTypeIs(schema: JsonObject, type: string): boolean {
  const declared = schema.type;
  return declared === type || (Array.isArray(declared) && declared.includes(type));
}

/** The parameter checked against its convention: optional, typed, bounded, defaulted. */
export function checkParameter(
  document: SpecDocument,
  parameter: Located<JsonObject>,
  convention: ParameterConvention,
): Problem[] {
  const problems: Problem[] = [];
  const { name } = convention;
  const required = document.child(parameter, "required");
  if (required?.value === true)
    problems.push({
      message: `query parameter ${name} must be optional (remove required: true): the first page is requested without it`,
      at: required.at,
    });
  const entry = document.child(parameter, "schema");
  const schema = entry ? document.resolve(entry) : undefined;
  if (!schema || !isObject(schema.value)) {
    problems.push({
      message: `query parameter ${name} has no schema; declare schema: { type: ${convention.type} }`,
      at: parameter.at,
    });
    return problems;
  }
  const located = schema as Located<JsonObject>;
  if (!schemaTypeIs(located.value, convention.type)) {
    problems.push({
      message: `query parameter ${name} must have type: ${convention.type}`,
      at: (document.child(located, "type") ?? located).at,
    });
    return problems;
  }
  if (convention.type === "integer") problems.push(...checkBounds(document, located, convention));
  return problems;
}

function checkBounds(document: SpecDocument, schema: Located<JsonObject>, convention: ParameterConvention): Problem[] {
  const problems: Problem[] = [];
  const { name } = convention;
  const minimum = effectiveBound(document, schema, "minimum", "exclusiveMinimum", 1);
  const allowed = convention.minimum;
  if (allowed && minimum === undefined) {
    problems.push({ message: `query parameter ${name} has no minimum; add minimum: ${allowed[0]}`, at: schema.at });
  } else if (allowed && minimum && !allowed.includes(minimum.value)) {
    const alternatives = allowed.length > 1 ? ` (or ${allowed.slice(1).join(", ")} to mean the server default)` : "";
    problems.push({
      message: `query parameter ${name} has minimum ${minimum.value}; use minimum: ${allowed[0]}${alternatives}`,
      at: minimum.at,
    });
  }
  const maximum = effectiveBound(document, schema, "maximum", "exclusiveMaximum", -1);
  if (convention.requiresMaximum && maximum === undefined) {
    problems.push({
      message: `query parameter ${name} has no maximum; cap it (e.g. maximum: 100) so that one request cannot ask for everything`,
      at: schema.at,
    });
  }
  const fallback = document.child(schema, "default");
  if (convention.requiresDefault && !fallback) {
    problems.push({
      message: `query parameter ${name} has no default; say what a caller gets when it is omitted (e.g. default: 20)`,
      at: schema.at,
    });
  } else if (fallback) {
    const value = fallback.value;
    const outside =
      typeof value !== "number" ||
      !Number.isInteger(value) ||
      (minimum !== undefined && value < minimum.value) ||
      (maximum !== undefined && value > maximum.value);
    if (outside)
      problems.push({
        message: `query parameter ${name} has default ${JSON.stringify(value)}; use an integer between its minimum and maximum`,
        at: fallback.at,
      });
  }
  return problems;
}

/**
 * The inclusive integer bound a schema sets, with the keyword that sets it: `minimum`, or an exclusive bound in
 * either dialect (3.0 `exclusiveMinimum: true` beside `minimum`; 3.1 `exclusiveMinimum: <number>`).
 */
function effectiveBound(
  document: SpecDocument,
  schema: Located<JsonObject>,
  inclusive: string,
  exclusive: string,
  step: 1 | -1,
): { value: number; at: Located["at"] } | undefined {
  const exclusiveNode = document.child(schema, exclusive);
  if (exclusiveNode && typeof exclusiveNode.value === "number")
    return { value: exclusiveNode.value + step, at: exclusiveNode.at };
  const inclusiveNode = document.child(schema, inclusive);
  if (!inclusiveNode || typeof inclusiveNode.value !== "number") return undefined;
  return { value: inclusiveNode.value + (exclusiveNode?.value === true ? step : 0), at: inclusiveNode.at };
}
