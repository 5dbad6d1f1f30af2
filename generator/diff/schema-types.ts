import type { SchemaView } from "./schema-view.js";

/**
 * How the value travels. `json`: as a JSON value, where a string and a number are different values. `text`: as
 * characters in a header, query, path or cookie (OpenAPI 3.1 §4.8.12.4), where the schema only says which strings
 * are valid: every integer is written as a string, so `string` accepts all an `integer` did.
 */
export type Channel = "json" | "text";

export function effectiveTypes(view: SchemaView): Set<string> | undefined {
  if (view.types && view.types.size > 0) return view.types;
  if (view.properties.size > 0 || view.additionalProperties !== undefined) return new Set(["object"]);
  if (view.items) return new Set(["array"]);
  return undefined;
}

/**
 * Whether a schema of `types` accepts every value of `type`. JSON Schema's integer is a number. On the text
 * channel a value is its characters: `string` accepts every integer, number and boolean as written.
 */
export function accepts(types: Set<string>, type: string, channel: Channel = "json"): boolean {
  if (types.has(type) || (type === "integer" && types.has("number"))) return true;
  return channel === "text" && types.has("string") && (type === "integer" || type === "number" || type === "boolean");
}

/** Whether a value written as text is valid for a JSON Schema type (as a server parsing the parameter reads it). */
export function textFits(text: string, type: string): boolean {
  if (type === "string") return true;
  if (type === "integer") return /^-?\d+$/.test(text);
  if (type === "number") return text.trim() !== "" && Number.isFinite(Number(text));
  if (type === "boolean") return text === "true" || text === "false";
  return false;
}
