// Every mock answer validates against the schema of the status it answers (issue 12, the conformance run's 5xx):
// overlapping oneOf branches are told apart, format values meet minLength, and where no value satisfies a schema
// (additionalProperties: false beside allOf, identical oneOf branches) the mock falls back to another documented
// success status, else to an answer without a body, and says so in a warning. Checked with an independent ajv.
import { Ajv } from "ajv";
import addFormatsModule from "ajv-formats";
import { describe, expect, it } from "vitest";
import { mockAnswers } from "../../generator/emit/server/mock-samples.js";
import { synthesize } from "../../generator/emit/server/synthesize.js";
import { buildModel } from "../../generator/model/build-model.js";

const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

const json = (schema: unknown, example?: unknown) => ({
  description: "ok",
  content: { "application/json": { schema, ...(example === undefined ? {} : { example }) } },
});

const document = {
  openapi: "3.0.3",
  info: { title: "samples", version: "1" },
  paths: {
    "/verify": {
      // nexmo.com/verify: two branches without `required`, `{}` and the first enum value match both.
      get: {
        operationId: "overlapping",
        responses: {
          "200": json({ oneOf: [{ $ref: "#/components/schemas/Found" }, { $ref: "#/components/schemas/Failed" }] }),
        },
      },
    },
    "/dates": {
      // unicourt.com: date-times of at least 25 characters.
      get: {
        operationId: "longDate",
        responses: {
          "200": json({
            type: "object",
            required: ["at"],
            properties: { at: { type: "string", format: "date-time", minLength: 25 } },
          }),
        },
      },
    },
    "/closed": {
      // shipengine.com: required members declared only in an allOf part, beside additionalProperties: false.
      get: { operationId: "closed", responses: { "200": json({ $ref: "#/components/schemas/Closed" }) } },
    },
    "/created": {
      post: {
        operationId: "fallsBack",
        responses: {
          "200": json({ $ref: "#/components/schemas/Closed" }),
          "201": json({ type: "object", required: ["id"], properties: { id: { type: "integer" } } }),
        },
      },
    },
    "/sessions": {
      // mist.com: a paged list of items without an `id`, `uniqueItems: true`; the example holds one item.
      get: {
        operationId: "uniqueSessions",
        parameters: [
          { name: "limit", in: "query", schema: { type: "integer" } },
          { name: "offset", in: "query", schema: { type: "integer" } },
        ],
        responses: {
          "200": json(
            {
              type: "object",
              required: ["results", "total"],
              properties: {
                total: { type: "integer" },
                results: {
                  type: "array",
                  minItems: 1,
                  uniqueItems: true,
                  items: {
                    type: "object",
                    required: ["mac", "band", "connect"],
                    properties: {
                      mac: { type: "string", pattern: "^[0-9a-f]{12}$" },
                      band: { type: "string", enum: ["24", "5"] },
                      connect: { type: "integer" },
                    },
                  },
                },
              },
            },
            { total: 1, results: [{ mac: "b019c66c8348", band: "5", connect: 1565208388 }] },
          ),
        },
      },
    },
    "/triggers": {
      // mailscript.com: openapi-sampler stops at `criteria` (its depth limit) with every property undefined.
      get: { operationId: "deepMinProperties", responses: { "200": json({ $ref: "#/components/schemas/Triggers" }) } },
    },
  },
  components: {
    schemas: {
      Triggers: {
        required: ["list"],
        properties: { list: { type: "array", items: { oneOf: [{ $ref: "#/components/schemas/Trigger" }] } } },
      },
      Trigger: {
        required: ["id", "criteria"],
        properties: { id: { type: "string" }, criteria: { $ref: "#/components/schemas/Criteria" } },
      },
      Criteria: {
        minProperties: 1,
        properties: { domain: { type: "string" }, from: { type: "string" } },
      },
      Found: {
        type: "object",
        properties: { status: { type: "string", enum: ["IN PROGRESS", "SUCCESS"] }, price: { type: "string" } },
      },
      Failed: {
        type: "object",
        properties: { status: { type: "string", enum: ["IN PROGRESS", "FAILED"] }, error_text: { type: "string" } },
      },
      Base: { type: "object", required: ["total"], properties: { total: { type: "integer" } } },
      Closed: {
        type: "object",
        additionalProperties: false,
        allOf: [{ $ref: "#/components/schemas/Base" }],
        properties: { items: { type: "array" } },
      },
    },
  },
};

function answer(id: string) {
  const warnings: string[] = [];
  const answers = mockAnswers(buildModel(document, { source: "samples.json" }), (message) => warnings.push(message));
  return { ...answers.get(id)!, warnings: warnings.filter((message) => message.includes(`(${id})`)) };
}

function validates(schema: unknown, value: unknown): true | string {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema(document, "spec");
  const validate = ajv.compile(schema as object);
  return validate(value) ? true : JSON.stringify(validate.errors);
}

const responseSchema = (path: string, method: string, status: string) => ({
  $ref: `spec#/paths/${path.replace(/\//g, "~1")}/${method}/responses/${status}/content/application~1json/schema`,
});

describe("mock samples that validate", () => {
  it("oneOf with overlapping branches: the sample matches exactly one", () => {
    const { body, status, warnings } = answer("overlapping");
    expect(status).toBe(200);
    expect(validates(responseSchema("/verify", "get", "200"), body)).toBe(true);
    expect(warnings).toEqual([]);
  });

  it("a date-time with minLength 25 is long enough and still a date-time", () => {
    const { body } = answer("longDate");
    expect(validates(responseSchema("/dates", "get", "200"), body)).toBe(true);
    expect((body as { at: string }).at.length).toBeGreaterThanOrEqual(25);
  });

  it("a paged uniqueItems list without ids: the dataset's copies differ and still validate", () => {
    const { body, paging } = answer("uniqueSessions");
    expect(paging?.kind).toBe("offset");
    const results = (body as { results: unknown[] }).results;
    expect(results).toHaveLength(3);
    expect(new Set(results.map((item) => JSON.stringify(item))).size).toBe(3);
    expect(validates(responseSchema("/sessions", "get", "200"), body)).toBe(true);
  });

  it("minProperties is checked on the body as sent: no property left undefined counts toward it", () => {
    const { body } = answer("deepMinProperties");
    const sent = JSON.parse(JSON.stringify(body));
    expect(validates(responseSchema("/triggers", "get", "200"), sent)).toBe(true);
    expect(Object.keys(sent.list[0].criteria).length).toBeGreaterThanOrEqual(1);
  });

  it("maxProperties: a synthesized value fills no more optional properties than it allows", () => {
    const schema = { type: "object", maxProperties: 1, properties: { a: { type: "string" }, b: { type: "string" } } };
    expect(synthesize({}, schema, { direction: "response", optional: true })).toEqual({ a: "sample" });
  });

  it("no value satisfies the schema: no body, and a warning naming the operation, the cause and the fix", () => {
    const { body, status, paging, warnings } = answer("closed");
    expect([status, body, paging]).toEqual([200, undefined, null]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain("samples.json: GET /closed (closed)");
    expect(warnings[0]).toContain("unevaluatedProperties: false");
    expect(warnings[0]).toContain("answers 200 without a body");
  });

  it("another documented success status whose body validates is answered instead, with a warning", () => {
    const { body, status, warnings } = answer("fallsBack");
    expect(status).toBe(201);
    expect(validates(responseSchema("/created", "post", "201"), body)).toBe(true);
    expect(warnings).toEqual([expect.stringContaining("the mock answers the documented 201 instead")]);
  });
});
