// fast-check arbitraries for OpenAPI documents written to break code generators: names and strings that end
// comments, open template literals, close quotes, break lines inside string literals (U+2028/2029), shadow
// reserved words and Object.prototype members, are empty or huge; schemas that nest deeply or refer to themselves.
import fc from "fast-check";

/** Payloads that would run if a generator pasted spec text into code unescaped: each sets globalThis.__pwned. */
export const PAYLOADS = [
  "*/ globalThis.__pwned = 1; /*",
  "${globalThis.__pwned=1}",
  "`; globalThis.__pwned = 1; `",
  '"; globalThis.__pwned = 1; "',
  "'; globalThis.__pwned = 1; '",
  "\u2028globalThis.__pwned = 1;//",
  "\n globalThis.__pwned = 1; //",
  "--> */ globalThis.__pwned = 1 /* <!--",
  "</script><script>globalThis.__pwned=1</script>",
  "\\u0027; globalThis.__pwned = 1; //",
  "{{globalThis.__pwned}}}{{{",
];

const NASTY = [
  ...PAYLOADS,
  "*/",
  "/*",
  "//",
  "`",
  "${",
  "}",
  "'",
  '"',
  "\\",
  "\u2028",
  "\u2029",
  "\r\n",
  "\u0000",
  "\ud800",
  "🙂",
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "hasOwnProperty",
  "valueOf",
  "then",
  "class",
  "default",
  "delete",
  "new",
  "function",
  "return",
  "await",
  "yield",
  "enum",
  "let",
  "static",
  "import",
  "export",
  "null",
  "undefined",
  "NaN",
  "Infinity",
  "0",
  "1abc",
  "a-b",
  "a b",
  "a.b",
  "a/b",
  "~1",
  "%2F",
  "-",
  "_",
  "$",
  "",
];

/** A hostile string: one of the known troublemakers, any unicode text, or a mix of both. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NASTY) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 12 }) },
  {
    weight: 1,
    arbitrary: fc.array(fc.constantFrom(...NASTY), { minLength: 2, maxLength: 4 }).map((parts) => parts.join("")),
  },
  { weight: 1, arbitrary: fc.constant("x".repeat(5000)) },
);

/** Keys of a JSON object must differ; hostile names collide often, so keep the first of each. */
function uniqueKeys<T>(entries: Array<[string, T]>): Record<string, T> {
  const result: Record<string, T> = {};
  for (const [key, value] of entries)
    if (!Object.prototype.hasOwnProperty.call(result, key))
      Object.defineProperty(result, key, { value, enumerable: true, writable: true, configurable: true });
  return result;
}

const SCHEMA_NAMES = ["A", "B", "C"];

/** Component names are limited to [A-Za-z0-9._-] by the OpenAPI schema; within that, still the awkward ones. */
const componentName = fc.constantFrom(
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "class",
  "default",
  "delete",
  "1abc",
  "a-b",
  "a.b",
  "_",
  "-",
  "then",
  "Error",
  "Promise",
  "Array",
  "paths",
  "components",
  "operations",
  "Handlers",
  "Client",
  "x".repeat(300),
);

/** A schema up to a few levels deep, that may refer to the named component schemas (itself included). */
const schema: fc.Arbitrary<Record<string, unknown>> = fc.letrec<{ node: Record<string, unknown> }>((tie) => ({
  node: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.constantFrom(
      { type: "string" },
      { type: "integer", format: "int64" },
      { type: "boolean" },
      { type: "number", nullable: true },
      {},
    ),
    fc.constantFrom(...SCHEMA_NAMES).map((name) => ({ $ref: `#/components/schemas/${name}` })),
    fc
      .array(hostileText, { minLength: 1, maxLength: 4 })
      .map((values) => ({ type: "string", enum: [...new Set(values)] })),
    fc.record({ type: fc.constant("array"), items: tie("node") }),
    fc
      .tuple(fc.array(fc.tuple(hostileText, tie("node")), { maxLength: 4 }), fc.option(hostileText), fc.boolean())
      .map(([properties, description, open]) => {
        const props = uniqueKeys(properties);
        const required = Object.keys(props).slice(0, 1);
        return {
          type: "object",
          properties: props,
          ...(required.length ? { required } : {}),
          ...(description !== null ? { description } : {}),
          ...(open ? { additionalProperties: { type: "string" } } : {}),
        };
      }),
    fc.array(tie("node"), { minLength: 2, maxLength: 3 }).map((members) => ({ oneOf: members })),
    fc.array(tie("node"), { minLength: 1, maxLength: 2 }).map((members) => ({ allOf: members })),
  ),
})).node;

const parameter = fc
  .tuple(hostileText, fc.constantFrom("query", "header", "cookie"), fc.boolean(), fc.option(hostileText))
  .map(([name, location, required, description]) => ({
    name: name === "" ? "q" : name,
    in: location,
    required,
    schema: { type: "string" },
    ...(description !== null ? { description } : {}),
  }));

const operation = fc
  .record({
    operationId: fc.option(hostileText),
    summary: fc.option(hostileText),
    description: fc.option(hostileText),
    tags: fc.option(fc.array(hostileText, { minLength: 1, maxLength: 2 })),
    parameters: fc.array(parameter, { maxLength: 3 }),
    body: fc.option(schema),
    ok: schema,
    okStatus: fc.constantFrom("200", "201", "204", "2XX"),
  })
  .map((op) => {
    const parameters = Object.values(uniqueKeys(op.parameters.map((p) => [`${p.in} ${p.name.toLowerCase()}`, p])));
    return {
      ...(op.operationId !== null ? { operationId: op.operationId } : {}),
      ...(op.summary !== null ? { summary: op.summary } : {}),
      ...(op.description !== null ? { description: op.description } : {}),
      ...(op.tags !== null ? { tags: op.tags } : {}),
      ...(parameters.length ? { parameters } : {}),
      ...(op.body !== null
        ? { requestBody: { required: true, content: { "application/json": { schema: op.body } } } }
        : {}),
      responses: {
        [op.okStatus]:
          op.okStatus === "204"
            ? { description: "none" }
            : { description: "ok", content: { "application/json": { schema: op.ok } } },
        default: {
          description: "error",
          content: { "application/json": { schema: { type: "object", properties: { message: { type: "string" } } } } },
        },
      },
    };
  });

/** A path with one hostile literal segment and one hostile path parameter, both URL-safe in the template. */
const pathItem = fc
  .tuple(
    hostileText,
    hostileText,
    fc.array(fc.tuple(fc.constantFrom("get", "post", "put", "delete", "patch"), operation), {
      minLength: 1,
      maxLength: 3,
    }),
  )
  .map(([segment, paramName, operations]) => {
    const name = paramName.replace(/[{}/]/g, "") || "id";
    const path = `/${encodeURIComponent(segment.replace(/[\ud800-\udfff]/g, "")) || "root"}/{${name}}`;
    const idParam = { name, in: "path", required: true, schema: { type: "string" } };
    return [path, { parameters: [idParam], ...uniqueKeys(operations) }] as [string, Record<string, unknown>];
  });

export const hostileSpec: fc.Arbitrary<Record<string, unknown>> = fc
  .record({
    title: hostileText,
    version: hostileText,
    description: hostileText,
    server: fc.constantFrom(
      "https://api.example.com/v1",
      "/",
      "https://example.com/*/`${x}`",
      "http://localhost:8080/a'b\"c",
    ),
    paths: fc.array(pathItem, { minLength: 1, maxLength: 3 }),
    schemas: fc.tuple(schema, schema, schema),
    extraSchemas: fc.array(fc.tuple(componentName, schema), { maxLength: 3 }),
    tags: fc.array(fc.record({ name: hostileText, description: hostileText }), { maxLength: 2 }),
    scheme: componentName,
  })
  .map((spec) => {
    const schemas = uniqueKeys<unknown>([
      ...SCHEMA_NAMES.map((name, i) => [name, spec.schemas[i]] as [string, unknown]),
      ...spec.extraSchemas,
    ]);
    const schemeName = spec.scheme;
    return {
      openapi: "3.0.3",
      info: { title: spec.title, version: spec.version, description: spec.description },
      servers: [{ url: spec.server }],
      tags: Object.values(uniqueKeys(spec.tags.map((t) => [t.name, t]))),
      security: [{ [schemeName]: [] }],
      paths: uniqueKeys(spec.paths),
      components: { schemas, securitySchemes: { [schemeName]: { type: "apiKey", in: "header", name: "X-Api-Key" } } },
    };
  });
