// Small specs for hostile-regressions.test.ts, each concentrating shapes the hostile-spec property test found.

const info = { title: "Hostile regressions", version: "1.0.0" };
const json = (schema: object) => ({ content: { "application/json": { schema } } });
const ok = { "200": { description: "OK", ...json({ type: "object" }) } };
const okWithProperties = (properties: object) => ({
  "200": { description: "OK", ...json({ type: "object", properties }) },
});

/** Schemas that are only references to themselves, next to a genuinely recursive one. */
export const SELF_DEFINED_SCHEMAS_SPEC = {
  openapi: "3.1.0",
  info,
  paths: {
    "/cycles": {
      post: {
        operationId: "postCycle",
        requestBody: { required: true, ...json({ $ref: "#/components/schemas/A" }) },
        responses: ok,
      },
    },
    "/nodes": {
      post: {
        operationId: "postNode",
        requestBody: { required: true, ...json({ $ref: "#/components/schemas/Node" }) },
        responses: ok,
      },
    },
    "/lists": {
      post: {
        operationId: "postList",
        requestBody: { required: true, ...json({ $ref: "#/components/schemas/C" }) },
        responses: ok,
      },
    },
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
        requestBody: {
          required: true,
          ...json({ type: "object", required: ["\udfff"], properties: { "\udfff": { type: "integer" } } }),
        },
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
    // Computed keys: a literal `__proto__:` key would set the object's prototype instead of naming a schema.
    schemas: {
      ["__proto__"]: { type: "object", properties: { id: { type: "string" } } },
      constructor: { type: "string" },
    },
    securitySchemes: {
      constructor: { type: "apiKey", in: "header", name: "X-Key" },
      toString: { type: "http", scheme: "bearer" },
    },
  },
};

/** `$ref`s into the middle of operations and components (corpus: brex.io, dnd5eapi.co), percent-encoded ones too. */
export const MEMBER_REFS_SPEC = {
  openapi: "3.0.3",
  info,
  paths: {
    "/v1/monsters/{id}": {
      get: {
        operationId: "getMonster",
        parameters: [
          { name: "id", in: "path", required: true, schema: { type: "string" } },
          { $ref: "#/components/parameters/Lang" },
        ],
        responses: okWithProperties({
          seen: { type: "string", format: "date-time" },
          actions: { type: "array", items: { $ref: "#/components/schemas/Monster/allOf/1/properties/actions/items" } },
        }),
      },
    },
    "/v1/sightings": {
      get: {
        operationId: "listSightings",
        parameters: [{ name: "lang", in: "query", schema: { $ref: "#/components/parameters/Lang/schema" } }],
        responses: okWithProperties({
          monster: { $ref: "#/paths/~1v1~1monsters~1%7Bid%7D/get/responses/200/content/application~1json/schema" },
          when: {
            $ref: "#/paths/~1v1~1monsters~1%7Bid%7D/get/responses/200/content/application~1json/schema/properties/seen",
          },
        }),
      },
    },
  },
  components: {
    parameters: { Lang: { name: "lang", in: "query", schema: { type: "string", enum: ["en", "pt"] } } },
    schemas: {
      Monster: {
        allOf: [
          { type: "object", properties: { name: { type: "string" } } },
          {
            type: "object",
            properties: {
              actions: {
                type: "array",
                items: { type: "object", properties: { name: { type: "string" }, damage: { type: "integer" } } },
              },
            },
          },
        ],
      },
    },
  },
};

/** Discriminator children that declare the discriminator property themselves, beside `allOf` (corpus: apple.com sirikit). */
export const DISCRIMINATOR_CHILDREN_SPEC = {
  openapi: "3.0.3",
  info,
  paths: {
    "/v1/intents": {
      post: {
        operationId: "sendIntent",
        requestBody: { required: true, ...json({ $ref: "#/components/schemas/Intent" }) },
        responses: ok,
      },
    },
  },
  components: {
    schemas: {
      Intent: {
        type: "object",
        discriminator: {
          propertyName: "class",
          mapping: { Play: "#/components/schemas/PlayIntent", Pause: "#/components/schemas/PauseIntent" },
        },
        properties: { class: { type: "string" }, id: { type: "string" } },
        required: ["class"],
      },
      PlayIntent: {
        allOf: [{ $ref: "#/components/schemas/Intent" }],
        type: "object",
        properties: { class: { type: "string", enum: ["Play"] }, shuffle: { type: "boolean" } },
      },
      PauseIntent: {
        allOf: [{ $ref: "#/components/schemas/Intent" }],
        type: "object",
        properties: { class: { type: "string", enum: ["Pause"] } },
        required: ["class"],
      },
      // No value is both an object and one of these strings (corpus: mercedes-benz configurator).
      Group: { type: "object", enum: ["PKW", "VAN"], properties: { name: { type: "string" } } },
      // A child the mapping does not list: openapi-typescript names it implicitly, in the same object literal.
      StopIntent: {
        allOf: [{ $ref: "#/components/schemas/Intent" }],
        type: "object",
        properties: { class: { type: "string", enum: ["StopIntent"] }, at: { type: "string" } },
      },
    },
  },
};

/** A 2.0 definition named `__proto__`, referenced from an operation, from another definition and into its member. */
export const SWAGGER2_PROTO_DEFINITION_SPEC = {
  swagger: "2.0",
  info,
  produces: ["application/json"],
  paths: {
    "/owners": {
      get: {
        operationId: "getOwner",
        responses: { "200": { description: "OK", schema: { $ref: "#/definitions/__proto__" } } },
      },
      post: {
        operationId: "postPet",
        parameters: [{ name: "pet", in: "body", required: true, schema: { $ref: "#/definitions/Pet" } }],
        responses: { "204": { description: "none" } },
      },
    },
  },
  definitions: {
    // Computed key: a literal `__proto__:` key would set the object's prototype instead of naming a definition.
    ["__proto__"]: { type: "object", required: ["id"], properties: { id: { type: "string" } } },
    Pet: {
      type: "object",
      properties: {
        owner: { $ref: "#/definitions/__proto__" },
        ownerId: { $ref: "#/definitions/__proto__/properties/id" },
      },
    },
  },
};
