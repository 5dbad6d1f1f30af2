// The spec's own error schema, filled from a failure (issue 12 item 4): the model's plan for each common shape,
// and the payloads the runtime builds from it, each checked with ajv against the schema it claims to follow.
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { clientView } from "../../generator/emit/client/view-model.js";
import { buildModel } from "../../generator/model/build-model.js";
import { errorPayloadPlan } from "../../generator/model/error-payload.js";
import { errorPayloadFormatter } from "../../templates/runtime/server/error-payload.js";
import { problemDetails } from "../../templates/runtime/server/problem.js";

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats.default(ajv);

const string = { type: "string" };
const SCHEMAS = {
  asana: {
    type: "object",
    properties: {
      errors: {
        type: "array",
        items: { type: "object", properties: { message: { ...string, readOnly: true }, help: string, phrase: string } },
      },
    },
  },
  slack: {
    type: "object",
    required: ["ok", "error"],
    properties: {
      ok: { type: "boolean", enum: [false] },
      error: string,
      response_metadata: { type: "object", properties: { messages: { type: "array", items: string } } },
    },
  },
  nested: {
    type: "object",
    required: ["error"],
    properties: {
      error: {
        type: "object",
        required: ["code", "message"],
        additionalProperties: false,
        properties: {
          code: { type: "integer" },
          message: string,
          status: { type: "string", enum: ["INVALID_ARGUMENT", "NOT_FOUND"] },
        },
      },
    },
  },
  messageCode: {
    type: "object",
    required: ["message", "code"],
    additionalProperties: false,
    properties: { message: { type: "string", maxLength: 40 }, code: string },
  },
  oauth: {
    type: "object",
    required: ["error"],
    properties: { error: { type: "string", enum: ["invalid_request", "invalid_token"] }, error_description: string },
  },
  stripe: {
    type: "object",
    required: ["error"],
    properties: {
      error: {
        type: "object",
        required: ["type"],
        properties: {
          type: { type: "string", enum: ["api_error", "invalid_request_error"] },
          message: string,
          param: string,
          request_log_url: { type: "string", format: "uri" },
        },
      },
    },
  },
  springBoot: {
    type: "object",
    required: ["timestamp", "status", "error", "message", "path", "trace_id"],
    properties: {
      timestamp: { type: "string", format: "date-time" },
      status: { type: "integer" },
      error: string,
      message: string,
      path: string,
      trace_id: { type: "string", format: "uuid" },
    },
  },
  patternedCode: {
    type: "object",
    required: ["code", "message"],
    properties: {
      code: { type: "string", pattern: "^E[0-9]{3}$", example: "E100" },
      message: string,
      status: { type: "integer", enum: [400, 404, 500] },
    },
  },
  topLevelArray: { type: "array", items: { type: "object", required: ["message"], properties: { message: string } } },
  // docker.com's SCIM errors: `status` typed string in one allOf part, given only an example in the other.
  scimAllOf: {
    allOf: [
      {
        type: "object",
        required: ["schemas", "status"],
        properties: { schemas: { type: "array", items: string }, detail: string, status: string },
      },
      { properties: { scimType: string, status: { example: "400" } } },
    ],
  },
  slackDefaultTemplate: {
    type: "object",
    required: ["ok"],
    additionalProperties: true,
    properties: { ok: { type: "boolean", enum: [false] } },
  },
  rfc9457: {
    type: "object",
    required: ["type", "title", "status", "code"],
    properties: {
      type: { type: "string", format: "uri" },
      title: string,
      status: { type: "integer" },
      detail: string,
      instance: { type: "string", format: "uri-reference" },
      code: string,
      errors: {
        type: "array",
        items: {
          type: "object",
          required: ["field", "code", "message"],
          properties: { field: string, code: string, message: string },
        },
      },
    },
  },
} as const;

const validation = problemDetails(400, "validation_failed", "The request parameters are not valid.", "/v1/things", [
  { field: "query.limit", code: "too_large", message: "must be <= 100" },
  { field: "name", code: "missing_field", message: "must have required property 'name'" },
]);
const notFound = problemDetails(404, "not_found", "No operation of this API matches the path.", "/v1/nowhere");
const crash = problemDetails(
  500,
  "internal_error",
  "The server failed to answer; quote request id r-1 when reporting it.",
  "/v1/things",
);

function payloads(schema: object): { fields: unknown; bodies: [unknown, unknown, unknown] } {
  const { payload, fields } = errorPayloadPlan(schema, {});
  const format = errorPayloadFormatter({ mediaType: "application/json", payload });
  return { fields, bodies: [format(validation).body, format(notFound).body, format(crash).body] };
}

describe("error payloads in the spec's own schema", () => {
  it.each(Object.entries(SCHEMAS))("%s: every failure validates against the schema", (_name, schema) => {
    const validate = ajv.compile(schema);
    for (const body of payloads(schema).bodies) {
      expect(validate(body), JSON.stringify({ body, errors: validate.errors })).toBe(true);
    }
  });

  it("a scalar whose type admits none of its enum's values: one of those values (visualstudio.com MessageCodes)", () => {
    const codes = ["0 (Unknown)", "1 (ExceededQuota)"];
    const { bodies } = payloads({ type: "integer", format: "int32", enum: codes });
    expect(bodies.every((body) => codes.includes(body as string))).toBe(true);
  });

  it("Asana { errors: [{ message }] }: one entry per field error, the failure itself when there are none", () => {
    const { fields, bodies } = payloads(SCHEMAS.asana);
    expect(fields).toEqual({ message: ["errors", "[]", "message"], code: null, details: ["errors"] });
    expect(bodies[0]).toEqual({
      errors: [{ message: "query.limit: must be <= 100" }, { message: "name: must have required property 'name'" }],
    });
    expect(bodies[1]).toEqual({ errors: [{ message: "No operation of this API matches the path." }] });
  });

  it("Slack { ok: false, error }: error is the code, field errors go to the nested message list", () => {
    const { fields, bodies } = payloads(SCHEMAS.slack);
    expect(fields).toEqual({
      message: ["response_metadata", "messages", "[]"],
      code: ["error"],
      details: ["response_metadata", "messages"],
    });
    expect(bodies[0]).toEqual({
      ok: false,
      error: "validation_failed",
      response_metadata: { messages: ["query.limit: must be <= 100", "name: must have required property 'name'"] },
    });
    expect(bodies[1]).toEqual({
      ok: false,
      error: "not_found",
      response_metadata: { messages: ["No operation of this API matches the path."] },
    });
  });

  it("{ error: { code, message } }: nested, the integer code is the status, an enum status keeps to its values", () => {
    const { fields, bodies } = payloads(SCHEMAS.nested);
    expect(fields).toEqual({ message: ["error", "message"], code: ["error", "code"], details: null });
    expect(bodies[0]).toEqual({
      error: {
        code: 400,
        message:
          "The request parameters are not valid. query.limit: must be <= 100; name: must have required property 'name'",
        status: "INVALID_ARGUMENT",
      },
    });
    expect(bodies[2]).toMatchObject({ error: { code: 500 } });
  });

  it("{ message, code }: the string code is the failure's code, the message keeps to maxLength", () => {
    const { bodies } = payloads(SCHEMAS.messageCode);
    expect(bodies[1]).toEqual({ message: "No operation of this API matches the pat", code: "not_found" });
  });

  it("OAuth { error, error_description }: error is a code of its enum, the description the message", () => {
    const { fields, bodies } = payloads(SCHEMAS.oauth);
    expect(fields).toEqual({ message: ["error_description"], code: ["error"], details: null });
    expect(bodies[1]).toEqual({
      error: "invalid_request",
      error_description: "No operation of this API matches the path.",
    });
  });

  it("Stripe { error: { type, message, param } }: type is a code of its enum, param the field", () => {
    const { bodies } = payloads(SCHEMAS.stripe);
    expect(bodies[0]).toEqual({
      error: {
        type: "api_error",
        message:
          "The request parameters are not valid. query.limit: must be <= 100; name: must have required property 'name'",
      },
    });
  });

  it("Spring Boot { timestamp, status, error, message, path }: required members get type-valid values", () => {
    const { bodies } = payloads(SCHEMAS.springBoot);
    expect(bodies[1]).toMatchObject({
      status: 404,
      error: "not_found",
      message: "No operation of this API matches the path.",
      path: "/v1/nowhere",
    });
  });

  it("a code the failure's code cannot fit (a pattern) keeps the schema's example; an enum status keeps to its values", () => {
    const { bodies } = payloads(SCHEMAS.patternedCode);
    expect(bodies.map((body: any) => [body.code, body.status])).toEqual([
      ["E100", 400],
      ["E100", 404],
      ["E100", 500],
    ]);
    expect(
      payloads({
        ...SCHEMAS.patternedCode,
        properties: { ...SCHEMAS.patternedCode.properties, status: { type: "integer", enum: [400] } },
      }).bodies[1],
    ).toMatchObject({ status: 400 });
  });

  it("RFC 9457 declared by the spec: the same problem the default sends", () => {
    const { bodies } = payloads(SCHEMAS.rfc9457);
    expect(bodies[0]).toEqual(validation);
    expect(bodies[1]).toEqual(notFound);
  });

  it("an open schema without a place for the failure (Slack's default error template) gets message and code", () => {
    const { fields, bodies } = payloads(SCHEMAS.slackDefaultTemplate);
    expect(fields).toEqual({ message: ["message"], code: ["code"], details: null });
    expect(bodies[1]).toEqual({ ok: false, message: "No operation of this API matches the path.", code: "not_found" });
    expect(payloads({ ...SCHEMAS.slackDefaultTemplate, additionalProperties: false }).bodies[1]).toEqual({ ok: false });
  });

  it("a self-referencing schema (id4i ApiError.errorList: ApiError[]) and a patterned member (optimade api_version) validate", () => {
    const apiError = {
      type: "object",
      required: ["code", "errorId", "errorList", "message", "meta"],
      properties: {
        code: { type: "string", enum: ["ERR_INPUT_VALIDATION_FAILED", "ERR_UNKNOWN"] },
        errorId: string,
        errorList: { type: "array", items: { $ref: "#/components/schemas/ApiError" } },
        message: string,
        meta: { allOf: [{ $ref: "#/components/schemas/Meta" }] },
      },
    };
    const meta = {
      type: "object",
      required: ["api_version"],
      properties: { api_version: { type: "string", pattern: "^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)$" } },
    };
    const root = { components: { schemas: { ApiError: apiError, Meta: meta } } };
    const { payload } = errorPayloadPlan({ $ref: "#/components/schemas/ApiError" }, root);
    const format = errorPayloadFormatter({ mediaType: "application/json", payload });
    const validate = ajv.compile({ ...root, $ref: "#/components/schemas/ApiError" });
    for (const problem of [validation, notFound, crash]) {
      const body = format(problem).body as { meta: unknown };
      expect(validate(body), JSON.stringify({ body, errors: validate.errors })).toBe(true);
      expect(body.meta).toEqual({ api_version: "0.0.0" });
    }
  });

  it("a free-form schema gets the RFC 9457 problem as it is", () => {
    expect(payloads({ type: "object" }).bodies[1]).toEqual(notFound);
  });
});

describe("the model's error schema", () => {
  const spec = (errors: Record<string, unknown>, schemas: Record<string, unknown> = {}) => ({
    openapi: "3.0.3",
    info: { title: "t", version: "1.0.0" },
    paths: {
      "/a": { get: { responses: { "200": { description: "ok" }, ...errors } } },
    },
    components: { schemas },
  });
  const failure = (schema: unknown, mediaType = "application/json") => ({
    description: "e",
    content: { [mediaType]: { schema } },
  });

  it("is the configured schema, served as the media type the error responses declare for it", () => {
    const model = buildModel(
      spec({ "400": failure({ $ref: "#/components/schemas/Oops" }) }, { Oops: SCHEMAS.messageCode }),
      { source: "t", errorSchema: { name: "Oops", mediaType: "application/problem+json" } },
    );
    expect(model.errorSchema).toMatchObject({
      name: "Oops",
      mediaType: "application/json",
      fields: { message: ["message"], code: ["code"], details: null },
    });
  });

  it("tells two inline schemas apart, and types an inline one through the response that uses it", () => {
    const model = buildModel(
      spec({ "400": failure(SCHEMAS.slack), "404": failure(SCHEMAS.oauth), "500": failure(SCHEMAS.oauth) }),
      { source: "t" },
    );
    expect(model.errorSchema).toMatchObject({
      name: null,
      fields: { message: ["error_description"] },
      usedBy: { path: "/a", method: "get", status: "404", mediaType: "application/json" },
    });
    expect(clientView(model).problemType).toBe('paths["/a"]["get"]["responses"]["404"]["content"]["application/json"]');
  });

  it("counts one schema under several media types as one, served as the type most of its responses declare", () => {
    const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
    const model = buildModel(
      spec(
        {
          "400": failure(ref("Oops"), "application/problem+json"),
          "401": failure(ref("Oops"), "application/problem+json"),
          "403": failure(ref("Oops"), "application/problem+json"),
          "405": failure(ref("Oops")),
          "406": failure(ref("Oops")),
          "404": failure(ref("Other")),
          "409": failure(ref("Other")),
          "429": failure(ref("Other")),
          "500": failure(ref("Other")),
        },
        { Oops: SCHEMAS.messageCode, Other: SCHEMAS.oauth },
      ),
      { source: "t" },
    );
    // Oops: five responses (three as problem+json), Other: four, more than Oops returns under either type alone.
    expect(model.errorSchema).toMatchObject({ name: "Oops", mediaType: "application/problem+json" });
  });

  it("is absent without JSON error responses: RFC 9457, and the client's Problem says so", () => {
    const model = buildModel(spec({ "400": failure({ type: "string" }, "text/plain") }), { source: "t" });
    expect(model.errorSchema).toBeNull();
    expect(clientView(model).problemType).toMatch(/^\{ type: string; title: string; status: number; detail\?: string;/);
  });
});
