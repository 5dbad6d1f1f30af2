// A `oneOf` two of whose branches accept the same values can never hold for a value of those branches: matching one,
// it matches the other, and `oneOf` wants exactly one (JSON Schema 2020-12 §10.2.1.3). nexmo.com redact's 422 is
// `oneOf: [ErrorInvalidJson, ErrorUnsupportedProduct]`, two schemas that differ only in descriptions and examples,
// so no payload the server could send would conform. Such a `oneOf` is read as `anyOf`, the one reading under
// which the spec's own payloads are valid.

/** Keywords that describe a value without constraining it (JSON Schema 2020-12 §9, OpenAPI 3.1 §4.8.24). */
const ANNOTATIONS = new Set([
  "title",
  "description",
  "example",
  "examples",
  "default",
  "deprecated",
  "externalDocs",
  "xml",
  "$comment",
]);

/** Whether two of `branches` (resolving a branch's own `$ref`s with `resolve`) accept the same values. */
export function hasIndistinctBranches(branches: unknown, resolve: (ref: string) => unknown): boolean {
  if (!Array.isArray(branches) || branches.length < 2) return false;
  const seen = new Set<string>();
  for (const branch of branches) {
    const key = canonical(followRefs(branch, resolve));
    if (seen.has(key)) return true;
    seen.add(key);
  }
  return false;
}

function followRefs(node: unknown, resolve: (ref: string) => unknown): unknown {
  let current = node;
  for (let hops = 0; hops < 10 && isRecord(current) && typeof current["$ref"] === "string"; hops++)
    current = resolve(current["$ref"]);
  return current;
}

/** Keywords holding a map of names to subschemas: every name counts, whatever it is called. */
const SCHEMA_MAPS = new Set(["properties", "patternProperties", "$defs", "definitions", "dependentSchemas"]);

/** The schema as JSON text with sorted keys and without annotations or extensions. */
function canonical(schema: unknown): string {
  if (Array.isArray(schema)) return `[${schema.map(canonical).join(",")}]`;
  if (!isRecord(schema)) return JSON.stringify(schema) ?? "undefined";
  const keys = Object.keys(schema)
    .filter((key) => !ANNOTATIONS.has(key) && !key.startsWith("x-"))
    .sort();
  const member = (key: string) => {
    const value = schema[key];
    if (key === "enum" || key === "const") return JSON.stringify(value); // values, not schemas
    if (!SCHEMA_MAPS.has(key) || !isRecord(value)) return canonical(value);
    const names = Object.keys(value).sort();
    return `{${names.map((name) => `${JSON.stringify(name)}:${canonical(value[name])}`).join(",")}}`;
  };
  return `{${keys.map((key) => `${JSON.stringify(key)}:${member(key)}`).join(",")}}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
