// Small specs for hostile-regressions.test.ts, each concentrating shapes the hostile-spec property test found.

const info = { title: "Hostile regressions", version: "1.0.0" };
const json = (schema: object) => ({ content: { "application/json": { schema } } });
const ok = { "200": { description: "OK", ...json({ type: "object" }) } };

/** Schemas that are only references to themselves, next to a genuinely recursive one. */
export const SELF_DEFINED_SCHEMAS_SPEC = {
  openapi: "3.1.0",
  info,
  paths: {
    "/cycles": { post: { operationId: "postCycle", requestBody: { required: true, ...json({ $ref: "#/components/schemas/A" }) }, responses: ok } },
    "/nodes": { post: { operationId: "postNode", requestBody: { required: true, ...json({ $ref: "#/components/schemas/Node" }) }, responses: ok } },
    "/lists": { post: { operationId: "postList", requestBody: { required: true, ...json({ $ref: "#/components/schemas/C" }) }, responses: ok } },
  },
  components: {
    schemas: {
      A: { $ref: "#/components/schemas/B" },
      B: { $ref: "#/components/schemas/A" },
      C: { allOf: [{ $ref: "#/components/schemas/C" }] },
      List: { type: "array", items: { $ref: "#/components/schemas/List" } },
      Node: { type: "object", properties: { next: { $ref: "#/components/schemas/Node" } } },
    },
  },
};

/** Names that are Object.prototype members, `__proto__`, lone surrogates and percent-escapes. */
export const HOSTILE_NAMES_SPEC = {
  openapi: "3.1.0",
  info,
  tags: [{ name: "constructor" }, { name: "__proto__" }, { name: "toString" }],
  paths: {
    "/things/{__proto__}": {
      get: {
        operationId: "getThing",
        tags: ["__proto__"],
        parameters: [
          { name: "__proto__", in: "path", required: true, schema: { type: "string" } },
          { name: "\ud800", in: "query", schema: { type: "integer" } },
          { name: "constructor", in: "query", schema: { type: "integer" } },
        ],
        responses: ok,
      },
      post: {
        operationId: "toString",
        tags: ["constructor"],
        parameters: [{ name: "__proto__", in: "path", required: true, schema: { type: "string" } }],
        requestBody: { required: true, ...json({ type: "object", required: ["\udfff"], properties: { "\udfff": { type: "integer" } } }) },
        responses: ok,
      },
    },
    "/secret": {
      get: { operationId: "listSecret%2F", tags: ["toString"], security: [{ constructor: [] }], responses: ok },
      put: { operationId: "constructor", tags: ["toString"], security: [{ toString: [] }], responses: ok },
      delete: { operationId: "hasOwnProperty", tags: ["toString"], responses: ok },
    },
  },
  components: {
    securitySchemes: {
      constructor: { type: "apiKey", in: "header", name: "X-Key" },
      toString: { type: "http", scheme: "bearer" },
    },
  },
};
