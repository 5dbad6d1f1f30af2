/** Whether a schema allows the JSON type `type` (`type: string` or, in OpenAPI 3.1, `type: [string, "null"]`). */
export function allowsType(schema: unknown, type: string): boolean {
  if (schema === null || typeof schema !== "object") return false;
  const declared = (schema as { type?: unknown }).type;
  return declared === type || (Array.isArray(declared) && declared.includes(type));
}
