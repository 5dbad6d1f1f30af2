import { describe, expect, it } from "vitest";
import { api, diffSpecs, getReturning, getWith, ids, postWith, query, type Json } from "./fixtures.js";

// Regression cases of issue 15 ("changes misjudged today"): each asserts the judgement by what the wire accepts.

const object = (properties: Json, required: string[] = [], more: Json = {}): Json => ({
  type: "object",
  required,
  properties,
  ...more,
});
const str = { type: "string" };
const webhook = (payload: Json | undefined, more: Json = {}): Json => ({
  post: {
    ...(payload ? { requestBody: { content: { "application/json": { schema: payload } } } } : {}),
    responses: { "200": { description: "received" } },
    ...more,
  },
});
const withWebhooks = (webhooks: Json): Json => api({}, { webhooks });
const headerReturning = (schema: Json): Json => getReturning(object({}), { headers: { "X-Rate-Limit": { schema } } });
const requestMedia = (media: Json): Json => ({
  "/pets": {
    post: {
      operationId: "createPet",
      requestBody: { content: { "application/json": media } },
      responses: { "201": { description: "created" } },
    },
  },
});
const responseMedia = (media: Json): Json => ({
  "/pets": {
    get: {
      operationId: "listPets",
      responses: { "200": { description: "ok", content: { "application/json": media } } },
    },
  },
});

async function changes(before: Json, after: Json): Promise<string[]> {
  return ids(await diffSpecs("openapi" in before ? before : api(before), "openapi" in after ? after : api(after)));
}

describe("1. webhooks (OpenAPI 3.1)", () => {
  const pet = object({ id: str, name: str }, ["id", "name"]);
  it("a removed webhook is breaking for its subscribers", async () => {
    expect(
      await changes(
        withWebhooks({ newPet: webhook(pet), petSold: webhook(pet) }),
        withWebhooks({ newPet: webhook(pet) }),
      ),
    ).toEqual(["webhook-removed:breaking"]);
  });
  it("an added webhook is not", async () => {
    expect(
      await changes(
        withWebhooks({ newPet: webhook(pet) }),
        withWebhooks({ newPet: webhook(pet), petSold: webhook(pet) }),
      ),
    ).toEqual(["webhook-added:non-breaking"]);
  });
  it("the payload is judged like a response: a property the subscriber reads removed is breaking", async () => {
    expect(
      await changes(
        withWebhooks({ newPet: webhook(pet) }),
        withWebhooks({ newPet: webhook(object({ id: str }, ["id"])) }),
      ),
    ).toEqual(["webhook-payload-property-removed:breaking"]);
  });
  it("a payload property made required is not breaking for subscribers (it was a request rule)", async () => {
    const loose = object({ id: str, name: str }, ["id"]);
    expect(await changes(withWebhooks({ newPet: webhook(loose) }), withWebhooks({ newPet: webhook(pet) }))).toEqual([
      "webhook-payload-property-became-required:non-breaking",
    ]);
  });
  it("a payload enum narrowed is fine, widened is a warning", async () => {
    const status = (values: string[]) => object({ status: { type: "string", enum: values } }, ["status"]);
    expect(
      await changes(withWebhooks({ e: webhook(status(["a", "b"])) }), withWebhooks({ e: webhook(status(["a"])) })),
    ).toEqual(["webhook-payload-enum-value-removed:non-breaking"]);
    expect(
      await changes(withWebhooks({ e: webhook(status(["a"])) }), withWebhooks({ e: webhook(status(["a", "b"])) })),
    ).toEqual(["webhook-payload-enum-value-added:warning"]);
  });
});

describe("2. oneOf/anyOf by which values stay valid", () => {
  const both = object({ foo: str, bar: str }, ["foo", "bar"]);
  const eitherOf = (keyword: string): Json => ({
    [keyword]: [object({ foo: str }, ["foo"]), object({ bar: str }, ["bar"])],
  });
  it("a request body that becomes a oneOf both old bodies match is breaking (oneOf rejects them)", async () => {
    expect(await changes(postWith(both), postWith(eitherOf("oneOf")))).toEqual(["request-oneof-ambiguous:breaking"]);
  });
  it("the same change to anyOf accepts every old body", async () => {
    expect(
      (await changes(postWith(both), postWith(eitherOf("anyOf")))).filter((id) => id.endsWith(":breaking")),
    ).toEqual([]);
  });
  it("oneOf variants that keep their properties around them: still ambiguous", async () => {
    const after = {
      type: "object",
      properties: { foo: str, bar: str },
      oneOf: [{ required: ["foo"] }, { required: ["bar"] }],
    };
    expect(await changes(postWith(both), postWith(after))).toEqual(["request-oneof-ambiguous:breaking"]);
  });
  const tagged = (kind: string, extra: Json = {}) => object({ kind: { const: kind }, ...extra }, ["kind"]);
  it("a branch removed from a request is a narrowing", async () => {
    expect(
      await changes(postWith({ oneOf: [tagged("dog"), tagged("cat")] }), postWith({ oneOf: [tagged("dog")] })),
    ).toEqual(["request-branch-removed:breaking"]);
  });
  it("a branch added to a response is a widening a client may not handle", async () => {
    expect(
      await changes(
        getReturning({ oneOf: [tagged("dog"), tagged("cat")] }),
        getReturning({ oneOf: [tagged("dog"), tagged("cat"), tagged("bird")] }),
      ),
    ).toEqual(["response-branch-added:warning"]);
  });
  it("a response branch of a JSON type no old branch had is breaking", async () => {
    expect(
      await changes(
        getReturning({ oneOf: [tagged("dog")] }),
        getReturning({ oneOf: [tagged("dog"), { type: "string" }] }),
      ),
    ).toEqual(["response-type-widened:breaking"]);
  });
  it("a change inside a discriminated branch is reported for that branch", async () => {
    const before = postWith({ oneOf: [tagged("dog"), tagged("cat")] });
    const after = postWith({
      oneOf: [
        tagged("dog", { bark: str }),
        object({ kind: { const: "cat" }, lives: { type: "integer" } }, ["kind", "lives"]),
      ],
    });
    expect(await changes(before, after)).toEqual([
      "request-property-added:non-breaking",
      "request-required-property-added:breaking",
    ]);
  });
  it("branches told apart by an OpenAPI discriminator mapping", async () => {
    const components = (cat: Json) => ({ components: { schemas: { Dog: object({ bark: str }), Cat: cat } } });
    const schema = {
      oneOf: [{ $ref: "#/components/schemas/Dog" }, { $ref: "#/components/schemas/Cat" }],
      discriminator: { propertyName: "petType" },
    };
    const before = api(getReturning(schema), components(object({ meow: str }, ["meow"])));
    const after = api(getReturning(schema), components(object({ meow: str })));
    expect(await changes(before, after)).toEqual(["response-property-became-optional:breaking"]);
  });
  it("a branch that changed so that it matches no new branch is reported in detail against its counterpart", async () => {
    const before = postWith({ oneOf: [object({ a: str }, ["a"]), object({ b: str }, ["b"])] });
    const after = postWith({ oneOf: [object({ a: { type: "integer" } }, ["a"]), object({ b: str }, ["b"])] });
    expect(await changes(before, after)).toEqual(["request-type-changed:breaking"]);
  });
  it("a required list moved into an anyOf beside a 3.0 `nullable: true` keeps null valid (GitHub ghes 3.0 -> 3.1)", async () => {
    const source = { source: object({ branch: str }, ["branch"]) };
    const before = { ...api(postWith({ ...object(source, ["source"]), nullable: true })), openapi: "3.0.3" };
    const after = {
      ...api(postWith({ ...object(source), nullable: true, anyOf: [{ required: ["source"] }] })),
      openapi: "3.0.3",
    };
    expect(await changes(before, after)).toEqual([]);
  });
  it("undecidable branches are a warning", async () => {
    const before = postWith({ oneOf: [object({ a: str }, ["a"])] });
    const after = postWith({
      oneOf: [
        object({ a: { type: "string", maxLength: 3 } }, ["a"]),
        object({ a: { type: "string", minLength: 5 } }, ["a"]),
        { type: "integer" },
      ],
    });
    expect(await changes(before, after)).toEqual([
      "request-branch-added:non-breaking",
      "request-branches-undecidable:warning",
    ]);
  });
});

describe("3. const", () => {
  it("a response property's const changed is breaking", async () => {
    expect(
      await changes(
        getReturning(object({ kind: { const: "pet" } })),
        getReturning(object({ kind: { const: "animal" } })),
      ),
    ).toEqual(["response-const-changed:breaking"]);
  });
  it("so is its only enum value", async () => {
    expect(
      await changes(
        getReturning(object({ kind: { type: "string", enum: ["pet"] } })),
        getReturning(object({ kind: { type: "string", enum: ["animal"] } })),
      ),
    ).toEqual(["response-const-changed:breaking"]);
  });
});

describe("4. schemas appearing or disappearing", () => {
  it("a schema added to a request media type that had none constrains it", async () => {
    expect(await changes(requestMedia({}), requestMedia({ schema: object({ name: str }, ["name"]) }))).toEqual([
      "request-schema-added:breaking",
    ]);
  });
  it("a schema removed from a response media type promises nothing any more", async () => {
    expect(await changes(responseMedia({ schema: object({ name: str }, ["name"]) }), responseMedia({}))).toEqual([
      "response-schema-removed:breaking",
    ]);
  });
  it("the opposite ways are not breaking", async () => {
    expect(await changes(requestMedia({ schema: object({ name: str }) }), requestMedia({ schema: {} }))).toEqual([
      "request-schema-removed:non-breaking",
    ]);
    expect(await changes(responseMedia({}), responseMedia({ schema: object({ name: str }) }))).toEqual([
      "response-schema-added:non-breaking",
    ]);
  });
});

describe("5. JSON Schema 2020-12 keywords", () => {
  const cases: Array<[string, Json, Json]> = [
    [
      "dependentRequired",
      object({ a: str, b: str }),
      object({ a: str, b: str }, [], { dependentRequired: { a: ["b"] } }),
    ],
    [
      "dependentSchemas",
      object({ a: str, b: str }),
      object({ a: str, b: str }, [], { dependentSchemas: { a: { required: ["b"] } } }),
    ],
    ["contains", { type: "array", items: str }, { type: "array", items: str, contains: { const: "x" } }],
    [
      "minContains",
      { type: "array", items: str, contains: { const: "x" } },
      { type: "array", items: str, contains: { const: "x" }, minContains: 2 },
    ],
    [
      "maxContains",
      { type: "array", items: str, contains: { const: "x" } },
      { type: "array", items: str, contains: { const: "x" }, maxContains: 1 },
    ],
    ["propertyNames", { type: "object" }, { type: "object", propertyNames: { pattern: "^[a-z]+$" } }],
    ["patternProperties", { type: "object" }, { type: "object", patternProperties: { "^x-": { type: "integer" } } }],
    ["prefixItems", { type: "array" }, { type: "array", prefixItems: [{ type: "integer" }] }],
    ["unevaluatedProperties", object({ a: str }), object({ a: str }, [], { unevaluatedProperties: false })],
    [
      "unevaluatedItems",
      { type: "array", prefixItems: [str] },
      { type: "array", prefixItems: [str], unevaluatedItems: false },
    ],
    [
      "if/then/else",
      object({ a: str, b: str }),
      object({ a: str, b: str }, [], { if: { required: ["a"] }, then: { required: ["b"] } }),
    ],
    ["not", { type: "string" }, { type: "string", not: { const: "none" } }],
    [
      "contentSchema",
      { type: "string", contentMediaType: "application/json" },
      { type: "string", contentMediaType: "application/json", contentSchema: object({ a: str }, ["a"]) },
    ],
  ];
  it.each(cases)("%s tightened in a request is breaking", async (_, loose, tight) => {
    expect(await changes(postWith(object({ value: loose })), postWith(object({ value: tight })))).toEqual([
      "request-constraint-tightened:breaking",
    ]);
  });
  it.each(cases)(
    "%s loosened in a response is a widening (a warning, as for the other constraints)",
    async (_, loose, tight) => {
      expect(await changes(getReturning(object({ value: tight })), getReturning(object({ value: loose })))).toEqual([
        "response-constraint-loosened:warning",
      ]);
    },
  );
  it("a wider `not` schema narrows the values (and back)", async () => {
    const notOf = (values: string[]) => ({ type: "string", not: { enum: values } });
    expect(
      await changes(postWith(object({ value: notOf(["a"]) })), postWith(object({ value: notOf(["a", "b"]) }))),
    ).toEqual(["request-constraint-tightened:breaking"]);
    expect(
      await changes(postWith(object({ value: notOf(["a", "b"]) })), postWith(object({ value: notOf(["a"]) }))),
    ).toEqual(["request-constraint-loosened:non-breaking"]);
  });
  it("a nested change inside contains is judged like any nested schema", async () => {
    expect(
      await changes(
        postWith({ type: "array", contains: { type: "string", enum: ["a", "b"] } }),
        postWith({ type: "array", contains: { type: "string", enum: ["a"] } }),
      ),
    ).toEqual(["request-enum-value-removed:breaking"]);
  });
});

describe("6. patterns", () => {
  const sorted = (pattern?: string) =>
    getWith([query("sort", pattern === undefined ? { type: "string" } : { type: "string", pattern })]);
  it.each(["", ".*", "^.*$"])(
    "a request pattern loosened to match everything (%j) is not breaking",
    async (pattern) => {
      expect(await changes(sorted("^[a-z]+$"), sorted(pattern))).toEqual(["param-constraint-loosened:non-breaking"]);
    },
  );
  it("identical after normalisation is no change", async () => {
    expect(await changes(sorted("^\\d{1,}$"), sorted("^[0-9]+$"))).toEqual([]);
  });
  it("an anchored alternation of literals losing an alternative narrows, gaining one widens", async () => {
    expect(await changes(sorted("^(asc|desc)$"), sorted("^(asc)$"))).toEqual(["param-constraint-tightened:breaking"]);
    expect(await changes(sorted("^(asc|desc)$"), sorted("^(?:asc|desc|none)$"))).toEqual([
      "param-constraint-loosened:non-breaking",
    ]);
  });
  it("anything else is a warning, not breaking", async () => {
    expect(await changes(sorted("^[a-z]+$"), sorted("^[a-z]{2,}(-[a-z]+)?$"))).toEqual([
      "param-pattern-changed:warning",
    ]);
  });
});

describe("7. values that travel as text", () => {
  it("a response header narrowed from string to integer: the server sends fewer strings", async () => {
    expect(await changes(headerReturning({ type: "string" }), headerReturning({ type: "integer" }))).toEqual([
      "response-header-type-narrowed:non-breaking",
    ]);
  });
  it("a response header widened from integer to string is breaking for readers that parse a number", async () => {
    expect(await changes(headerReturning({ type: "integer" }), headerReturning({ type: "string" }))).toEqual([
      "response-header-type-widened:breaking",
    ]);
  });
  it("a form/explode query parameter widened from a scalar to an array of it accepts every old request", async () => {
    expect(
      await changes(
        getWith([query("tag", { type: "string" })]),
        getWith([query("tag", { type: "array", items: { type: "string" } })]),
      ),
    ).toEqual(["param-type-widened:non-breaking"]);
  });
  it("...but not when the array is written comma-separated (explode false)", async () => {
    expect(
      await changes(
        getWith([query("tag", { type: "string" })]),
        getWith([query("tag", { type: "array", items: { type: "string" } }, { explode: false })]),
      ),
    ).toContain("param-type-changed:breaking");
  });
  it("an integer query parameter becoming a string accepts every old request", async () => {
    expect(
      await changes(getWith([query("limit", { type: "integer" })]), getWith([query("limit", { type: "string" })])),
    ).toEqual(["param-type-widened:non-breaking"]);
  });
  it("an enum of digit strings that becomes the same integers is the same set of query strings", async () => {
    expect(
      await changes(
        getWith([query("v", { type: "string", enum: ["1", "2"] })]),
        getWith([query("v", { type: "integer", enum: [1, 2] })]),
      ),
    ).toEqual([]);
  });
  it("a JSON body keeps JSON types: integer to string is incompatible there", async () => {
    expect(
      await changes(postWith(object({ n: { type: "integer" } })), postWith(object({ n: { type: "string" } }))),
    ).toEqual(["request-type-changed:breaking"]);
  });
});

describe("8. deprecation", () => {
  it("a deprecated parameter is an info entry", async () => {
    expect(await changes(getWith([query("q", str)]), getWith([query("q", str, { deprecated: true })]))).toEqual([
      "param-deprecated:info",
    ]);
  });
  it("a deprecated property is an info entry", async () => {
    expect(
      await changes(
        getReturning(object({ name: str })),
        getReturning(object({ name: { type: "string", deprecated: true } })),
      ),
    ).toEqual(["response-property-deprecated:info"]);
  });
  it("an operation no longer deprecated is an info entry", async () => {
    const operation = (deprecated: boolean): Json => ({
      "/pets": { get: { operationId: "listPets", deprecated, responses: { "200": { description: "ok" } } } },
    });
    expect(await changes(operation(true), operation(false))).toEqual(["operation-undeprecated:info"]);
  });
});

describe("9. one policy for responses", () => {
  const value = (schema: Json) => getReturning(object({ value: schema }, ["value"]));
  it("a value that no longer fits the old type is breaking; one that only falls outside an old bound is a warning", async () => {
    expect(await changes(value({ type: "integer" }), value({ type: "number" }))).toEqual([
      "response-type-widened:breaking",
    ]);
    expect(await changes(value({ type: "integer", minimum: 1 }), value({ type: "integer", minimum: 0 }))).toEqual([
      "response-constraint-loosened:warning",
    ]);
    expect(await changes(value({ type: "string", maxLength: 5 }), value({ type: "string" }))).toEqual([
      "response-constraint-loosened:warning",
    ]);
    expect(await changes(value({ type: "string", enum: ["a"] }), value({ type: "string", enum: ["a", "b"] }))).toEqual([
      "response-enum-value-added:warning",
    ]);
  });
});
