import { describe, expect, it } from "vitest";
import { diffDocuments } from "../../generator/diff/index.js";
import { api, diffSpecs, getReturning, getWith, ids, loadPair, postWith, query, type Json } from "./fixtures.js";

interface Case {
  name: string;
  before: Json;
  after: Json;
  /** Every change expected, as `check-id:classification`. */
  expected: string[];
}

const pet = (properties: Json, required: string[] = [], more: Json = {}): Json => ({
  type: "object",
  required,
  properties,
  ...more,
});
const bearer = {
  components: {
    securitySchemes: {
      bearer: { type: "http", scheme: "bearer" },
      key: { type: "apiKey", in: "header", name: "X-Key" },
    },
  },
};
const secured = (security: unknown[]): Json => ({
  "/pets": { get: { operationId: "listPets", security, responses: { "200": { description: "ok" } } } },
});

const operationCases: Case[] = [
  {
    name: "a path removed",
    before: { ...getWith([]), "/owners": { get: { responses: { "200": { description: "ok" } } } } },
    after: getWith([]),
    expected: ["path-removed:breaking"],
  },
  {
    name: "a method removed from a path that stays",
    before: {
      "/pets": {
        get: { responses: { "200": { description: "ok" } } },
        delete: { responses: { "204": { description: "gone" } } },
      },
    },
    after: { "/pets": { get: { responses: { "200": { description: "ok" } } } } },
    expected: ["operation-removed:breaking"],
  },
  {
    name: "a path item without operations removed (nothing was callable)",
    before: { ...getWith([]), "/owners": { description: "reserved" } },
    after: getWith([]),
    expected: [],
  },
  {
    name: "a path added",
    before: getWith([]),
    after: { ...getWith([]), "/owners": { get: { responses: { "200": { description: "ok" } } } } },
    expected: ["path-added:non-breaking"],
  },
  {
    name: "operationId changed",
    before: getWith([]),
    after: { "/pets": { get: { operationId: "findPets", responses: { "200": { description: "ok" } } } } },
    expected: ["operation-id-changed:breaking"],
  },
  {
    name: "deprecated without a sunset",
    before: getWith([]),
    after: {
      "/pets": { get: { operationId: "listPets", deprecated: true, responses: { "200": { description: "ok" } } } },
    },
    expected: ["operation-deprecated-without-sunset:warning"],
  },
  {
    name: "deprecated with x-sunset",
    before: getWith([]),
    after: {
      "/pets": {
        get: {
          operationId: "listPets",
          deprecated: true,
          "x-sunset": "2027-01-01",
          responses: { "200": { description: "ok" } },
        },
      },
    },
    expected: ["operation-deprecated:info"],
  },
];

const securityCases: Case[] = [
  {
    name: "a public operation now needs a token",
    before: api(secured([]), bearer),
    after: api(secured([{ bearer: [] }]), bearer),
    expected: ["security-requirement-added:breaking"],
  },
  {
    name: "security described for the first time",
    before: api(secured([])),
    after: api(secured([{ bearer: [] }]), bearer),
    expected: ["security-requirement-documented:info"],
  },
  {
    name: "a scope added to the only requirement",
    before: api(secured([{ bearer: [] }]), bearer),
    after: api(secured([{ bearer: ["pets:read"] }]), bearer),
    expected: ["security-requirement-changed:breaking"],
  },
  {
    name: "an API key accepted as well",
    before: api(secured([{ bearer: [] }]), bearer),
    after: api(secured([{ bearer: [] }, { key: [] }]), bearer),
    expected: ["security-requirement-relaxed:non-breaking"],
  },
  {
    name: "the API key moves to another header",
    before: api(secured([{ key: [] }]), bearer),
    after: api(secured([{ key: [] }]), {
      components: {
        securitySchemes: {
          ...bearer.components.securitySchemes,
          key: { type: "apiKey", in: "header", name: "X-Api-Key" },
        },
      },
    }),
    expected: ["security-scheme-changed:breaking"],
  },
];

const parameterCases: Case[] = [
  {
    name: "required parameter added",
    before: getWith([]),
    after: getWith([query("store", { type: "string" }, { required: true })]),
    expected: ["param-required-added:breaking"],
  },
  {
    name: "optional parameter added",
    before: getWith([]),
    after: getWith([query("store", { type: "string" })]),
    expected: ["param-optional-added:non-breaking"],
  },
  {
    name: "optional parameter made required",
    before: getWith([query("store", { type: "string" })]),
    after: getWith([query("store", { type: "string" }, { required: true })]),
    expected: ["param-became-required:breaking"],
  },
  {
    name: "required parameter made optional",
    before: getWith([query("store", { type: "string" }, { required: true })]),
    after: getWith([query("store", { type: "string" })]),
    expected: ["param-became-optional:non-breaking"],
  },
  {
    name: "parameter removed",
    before: getWith([query("store", { type: "string" })]),
    after: getWith([]),
    expected: ["param-removed:warning"],
  },
  {
    name: "parameter moved from query to header",
    before: getWith([query("store", { type: "string" })]),
    after: getWith([{ name: "store", in: "header", schema: { type: "string" } }]),
    expected: ["param-location-changed:breaking"],
  },
  {
    name: "parameter type narrowed (every integer is a string on the wire, not the reverse)",
    before: getWith([query("limit", { type: "string" })]),
    after: getWith([query("limit", { type: "integer" })]),
    expected: ["param-type-narrowed:breaking"],
  },
  {
    name: "parameter type changed",
    before: getWith([query("flag", { type: "integer" })]),
    after: getWith([query("flag", { type: "boolean" })]),
    expected: ["param-type-changed:breaking"],
  },
  {
    name: "parameter type widened",
    before: getWith([query("limit", { type: "integer" })]),
    after: getWith([query("limit", { type: "number" })]),
    expected: ["param-type-widened:non-breaking"],
  },
  {
    name: "parameter format changed",
    before: getWith([query("id", { type: "string", format: "uuid" })]),
    after: getWith([query("id", { type: "string", format: "uri" })]),
    expected: ["param-format-changed:breaking"],
  },
  {
    name: "enum value removed from a parameter",
    before: getWith([query("species", { type: "string", enum: ["dog", "cat"] })]),
    after: getWith([query("species", { type: "string", enum: ["dog"] })]),
    expected: ["param-enum-value-removed:breaking"],
  },
  {
    name: "enum value added to a parameter",
    before: getWith([query("species", { type: "string", enum: ["dog"] })]),
    after: getWith([query("species", { type: "string", enum: ["dog", "cat"] })]),
    expected: ["param-enum-value-added:non-breaking"],
  },
  {
    name: "maximum lowered",
    before: getWith([query("limit", { type: "integer", maximum: 100 })]),
    after: getWith([query("limit", { type: "integer", maximum: 50 })]),
    expected: ["param-constraint-tightened:breaking"],
  },
  {
    name: "maximum raised",
    before: getWith([query("limit", { type: "integer", maximum: 50 })]),
    after: getWith([query("limit", { type: "integer", maximum: 100 })]),
    expected: ["param-constraint-loosened:non-breaking"],
  },
  {
    name: "minLength added",
    before: getWith([query("name", { type: "string" })]),
    after: getWith([query("name", { type: "string", minLength: 3 })]),
    expected: ["param-constraint-tightened:breaking"],
  },
  {
    name: "pattern class widened",
    before: getWith([query("sort", { type: "string", pattern: "^[a-z]+$" })]),
    after: getWith([query("sort", { type: "string", pattern: "^[a-z_]+$" })]),
    expected: ["param-constraint-loosened:non-breaking"],
  },
  {
    name: "pattern changed undecidably",
    before: getWith([query("sort", { type: "string", pattern: "^[a-z]+$" })]),
    after: getWith([query("sort", { type: "string", pattern: "^(?=x)[a-z]+$" })]),
    expected: ["param-pattern-changed:warning"],
  },
  {
    name: "style and explode changed",
    before: getWith([query("tags", { type: "array", items: { type: "string" } })]),
    after: getWith([
      query("tags", { type: "array", items: { type: "string" } }, { style: "pipeDelimited", explode: false }),
    ]),
    expected: ["param-explode-changed:breaking", "param-style-changed:breaking"],
  },
  {
    name: "style of a single-value parameter changed (same bytes on the wire)",
    before: getWith([query("q", { type: "string" })]),
    after: getWith([query("q", { type: "string" }, { explode: false })]),
    expected: [],
  },
];

const requestCases: Case[] = [
  {
    name: "request body became required",
    before: postWith(pet({ name: { type: "string" } }), false),
    after: postWith(pet({ name: { type: "string" } }), true),
    expected: ["request-body-became-required:breaking"],
  },
  {
    name: "required property added to the request",
    before: postWith(pet({ name: { type: "string" } })),
    after: postWith(pet({ name: { type: "string" }, store: { type: "string" } }, ["store"])),
    expected: ["request-required-property-added:breaking"],
  },
  {
    name: "optional property added to the request",
    before: postWith(pet({ name: { type: "string" } })),
    after: postWith(pet({ name: { type: "string" }, store: { type: "string" } })),
    expected: ["request-property-added:non-breaking"],
  },
  {
    name: "request property made optional",
    before: postWith(pet({ name: { type: "string" } }, ["name"])),
    after: postWith(pet({ name: { type: "string" } })),
    expected: ["request-property-became-optional:non-breaking"],
  },
  {
    name: "request property type changed",
    before: postWith(pet({ age: { type: "string" } })),
    after: postWith(pet({ age: { type: "integer" } })),
    expected: ["request-type-changed:breaking"],
  },
  {
    name: "additionalProperties closed",
    before: postWith(pet({ name: { type: "string" } })),
    after: postWith(pet({ name: { type: "string" } }, [], { additionalProperties: false })),
    expected: ["request-additional-properties-closed:breaking"],
  },
  {
    name: "oneOf branch removed from the request",
    before: postWith({
      oneOf: [
        pet({ kind: { const: "dog" }, bark: { type: "string" } }),
        pet({ kind: { const: "cat" }, meow: { type: "string" } }),
      ],
    }),
    after: postWith({ oneOf: [pet({ kind: { const: "dog" }, bark: { type: "string" } })] }),
    expected: ["request-branch-removed:breaking"],
  },
  {
    name: "enum value removed in a request property",
    before: postWith(pet({ size: { enum: ["s", "m", "l"] } })),
    after: postWith(pet({ size: { enum: ["s", "m"] } })),
    expected: ["request-enum-value-removed:breaking"],
  },
  {
    name: "readOnly property added as required is not asked of clients",
    before: postWith(pet({ name: { type: "string" } })),
    after: postWith(pet({ name: { type: "string" }, id: { type: "string", readOnly: true } }, ["id"])),
    expected: [],
  },
  {
    name: "request media type removed",
    before: postWith(pet({})),
    after: {
      "/pets": {
        post: {
          operationId: "createPet",
          requestBody: { required: true, content: { "application/xml": { schema: pet({}) } } },
          responses: { "201": { description: "created" } },
        },
      },
    },
    expected: ["request-media-type-added:non-breaking", "request-media-type-removed:breaking"],
  },
];

const responseCases: Case[] = [
  {
    name: "success status removed",
    before: getReturning(pet({})),
    after: {
      "/pets/{id}": {
        get: {
          operationId: "getPet",
          parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
          responses: { "404": { description: "none" } },
        },
      },
    },
    expected: ["response-status-added:non-breaking", "response-success-status-removed:breaking"],
  },
  {
    name: "response property removed",
    before: getReturning(pet({ name: { type: "string" }, age: { type: "integer" } })),
    after: getReturning(pet({ name: { type: "string" } })),
    expected: ["response-property-removed:breaking"],
  },
  {
    name: "response property made optional",
    before: getReturning(pet({ name: { type: "string" } }, ["name"])),
    after: getReturning(pet({ name: { type: "string" } })),
    expected: ["response-property-became-optional:breaking"],
  },
  {
    name: "response property made nullable (3.1 type list)",
    before: getReturning(pet({ name: { type: "string" } })),
    after: getReturning(pet({ name: { type: ["string", "null"] } })),
    expected: ["response-became-nullable:breaking"],
  },
  {
    name: "response property made nullable (anyOf null)",
    before: getReturning(pet({ name: { type: "string" } })),
    after: getReturning(pet({ name: { anyOf: [{ type: "string" }, { type: "null" }] } })),
    expected: ["response-became-nullable:breaking"],
  },
  {
    name: "enum value added in a response",
    before: getReturning(pet({ status: { type: "string", enum: ["a", "b"] } })),
    after: getReturning(pet({ status: { type: "string", enum: ["a", "b", "c"] } })),
    expected: ["response-enum-value-added:warning"],
  },
  {
    name: "enum value removed in a response",
    before: getReturning(pet({ status: { type: "string", enum: ["a", "b"] } })),
    after: getReturning(pet({ status: { type: "string", enum: ["a"] } })),
    expected: ["response-enum-value-removed:non-breaking"],
  },
  {
    name: "response property type changed",
    before: getReturning(pet({ age: { type: "integer" } })),
    after: getReturning(pet({ age: { type: "string" } })),
    expected: ["response-type-changed:breaking"],
  },
  {
    name: "response property added",
    before: getReturning(pet({})),
    after: getReturning(pet({ name: { type: "string" } })),
    expected: ["response-property-added:non-breaking"],
  },
  {
    name: "response property made optional inside an array",
    before: getReturning({ type: "array", items: pet({ a: { type: "string" } }, ["a"]) }),
    after: getReturning({ type: "array", items: pet({ a: { type: "string" } }) }),
    expected: ["response-property-became-optional:breaking"],
  },
  {
    name: "response media type removed",
    before: getReturning(pet({})),
    after: {
      "/pets/{id}": {
        get: {
          operationId: "getPet",
          parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
          responses: { "200": { description: "ok", content: { "text/csv": { schema: { type: "string" } } } } },
        },
      },
    },
    expected: ["response-media-type-added:non-breaking", "response-media-type-removed:breaking"],
  },
  {
    name: "required response header removed",
    before: getReturning(pet({}), { headers: { ETag: { required: true, schema: { type: "string" } } } }),
    after: getReturning(pet({})),
    expected: ["response-required-header-removed:breaking"],
  },
  {
    name: "optional response header removed",
    before: getReturning(pet({}), { headers: { "X-Trace": { schema: { type: "string" } } } }),
    after: getReturning(pet({})),
    expected: ["response-header-removed:warning"],
  },
];

const listResponse = (properties: Json) => ({
  "200": {
    description: "page",
    content: {
      "application/json": { schema: pet({ items: { type: "array", items: { type: "string" } }, ...properties }) },
    },
  },
});
const paginationCases: Case[] = [
  {
    name: "a list operation loses its pagination",
    before: getWith(
      [query("page_token", { type: "string" }), query("page_size", { type: "integer" })],
      listResponse({ next_page_token: { type: "string" } }),
    ),
    after: getWith([], listResponse({})),
    expected: [
      "pagination-removed:breaking",
      "param-removed:warning",
      "param-removed:warning",
      "response-property-removed:breaking",
    ],
  },
  {
    name: "a list operation switches from cursor to offset",
    before: getWith([query("page_token", { type: "string" })], listResponse({})),
    after: getWith([query("offset", { type: "integer" })], listResponse({})),
    expected: ["pagination-style-changed:breaking", "param-optional-added:non-breaking", "param-removed:warning"],
  },
];

const problem = (properties: Json) => ({
  type: "object",
  required: ["type", "title"],
  properties: { type: { type: "string" }, title: { type: "string" }, ...properties },
});
const withErrors = (problemSchema: Json): Json => {
  const errors = {
    "400": { $ref: "#/components/responses/Problem" },
    "500": { $ref: "#/components/responses/Problem" },
  };
  return api(
    {
      "/pets": { get: { operationId: "listPets", responses: { "200": { description: "ok" }, ...errors } } },
      "/owners": { get: { operationId: "listOwners", responses: { "200": { description: "ok" }, ...errors } } },
    },
    {
      components: {
        responses: {
          Problem: {
            description: "problem",
            content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } },
          },
        },
        schemas: { Problem: problemSchema },
      },
    },
  );
};

describe("each check classifies its change", () => {
  const groups = {
    operations: operationCases,
    security: securityCases,
    parameters: parameterCases,
    "request bodies": requestCases,
    responses: responseCases,
    pagination: paginationCases,
  };
  for (const [group, cases] of Object.entries(groups)) {
    describe(group, () => {
      it.each(cases)("$name", async ({ before, after, expected }) => {
        const result = await diffSpecs(
          "openapi" in before ? before : api(before),
          "openapi" in after ? after : api(after),
        );
        expect(ids(result)).toEqual([...expected].sort());
      });
    });
  }

  it("reports an incompatible change of the shared error schema once, not per response", async () => {
    const result = await diffSpecs(withErrors(problem({ code: { type: "string" } })), withErrors(problem({})));
    expect(ids(result)).toEqual(["error-schema-property-removed:breaking"]);
    expect(result.changes[0]!.operation).toBeUndefined();
  });

  it("reports a change of an error schema every error response inlines alike once, as the shared error schema", async () => {
    const inlined = (schema: Json): Json => {
      const failure = { description: "failed", content: { "application/json": { schema } } };
      const responses = { "200": { description: "ok" }, "400": failure, "500": failure };
      return api({ "/pets": { get: { operationId: "listPets", responses } }, "/owners": { get: { responses } } });
    };
    const result = await diffSpecs(inlined(problem({ code: { type: "string" } })), inlined(problem({})));
    expect(ids(result)).toEqual(["error-schema-property-removed:breaking"]);
  });

  it("takes the shared error schema the config names (settings.errors.schema), not the most returned one", async () => {
    const withFault = (fault: Json): Json => {
      const doc = withErrors(problem({}));
      const failure = {
        description: "failed",
        content: { "application/json": { schema: { $ref: "#/components/schemas/Fault" } } },
      };
      const paths = {
        ...(doc.paths as Json),
        "/toys": { get: { responses: { "200": { description: "ok" }, "400": failure, "500": failure } } },
      };
      const components = doc.components as { schemas: Json };
      return { ...doc, paths, components: { ...components, schemas: { ...components.schemas, Fault: fault } } };
    };
    const [before, after] = await loadPair(withFault(problem({ code: { type: "string" } })), withFault(problem({})));
    expect(ids(diffDocuments(before, after, { errorSchema: "Fault" }))).toEqual([
      "error-schema-property-removed:breaking",
    ]);
    // Problem (four responses) is the default's standard: Fault's change is then reported at each response.
    expect(ids(diffDocuments(before, after))).toEqual([
      "response-property-removed:breaking",
      "response-property-removed:breaking",
    ]);
  });
});
