/** A JSON object as parsed from a spec: the one `isObject` every layer uses (arrays and null are not objects). */
export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
