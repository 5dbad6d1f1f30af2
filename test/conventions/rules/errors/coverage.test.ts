import { describe, expect, it } from "vitest";
import { lintYaml, yaml } from "../../lint-fixture.js";

const RULE = "errors/coverage";

describe(RULE, () => {
  it("accepts operations that document every status they can produce", async () => {
    const problems = await lintYaml(
      yaml`
        openapi: 3.1.0
        info: { title: Pets, version: 1.0.0 }
        security: [{ bearer: [] }]
        paths:
          /pets/{pet_id}:
            parameters: [{ name: pet_id, in: path, required: true, schema: { type: string } }]
            patch:
              responses: { "200": { description: ok }, "400": { description: e }, "401": { description: e }, "403": { description: e }, "404": { description: e }, "409": { description: e }, "429": { description: e }, "500": { description: e } }
          /health:
            get:
              security: []
              responses: { "200": { description: ok }, "429": { description: e }, default: { description: e } }
        components:
          securitySchemes:
            bearer: { type: http, scheme: bearer }
      `,
      RULE,
    );
    expect(problems).toEqual([]);
  });

  it("lists the missing statuses with the reason for each, at the responses", async () => {
    const problems = await lintYaml(
      yaml`
        openapi: 3.1.0
        info: { title: Pets, version: 1.0.0 }
        security: [{ bearer: [] }]
        paths:
          /pets/{pet_id}:
            put:
              parameters: [{ name: pet_id, in: path, required: true, schema: { type: string } }]
              responses:
                "200": { description: ok }
                "400": { description: invalid }
        components:
          securitySchemes:
            bearer: { type: http, scheme: bearer }
      `,
      RULE,
    );
    expect(problems.map((p) => [p.ruleId, p.severity, p.line, p.column])).toEqual([[RULE, "warn", 8, 7]]);
    expect(problems[0]!.message).toBe(
      "PUT /pets/{pet_id} does not document 401 (it requires authentication), 403 (the caller may lack permission), 404 (the path names a resource that may not exist), 409 (it changes state that can conflict), 429 (requests are rate limited), 500 (the server can fail; `default` also covers it); add these error responses",
    );
  });

  it("asks a public GET without input only for 429 and 500, and counts 4XX and default", async () => {
    const document = yaml`
      openapi: 3.1.0
      info: { title: Pets, version: 1.0.0 }
      security: [{ bearer: [] }, {}]
      paths:
        /stores:
          get:
            responses:
              "200": { description: ok }
    `;
    const problems = await lintYaml(document, RULE);
    expect(problems.map((p) => p.message)).toEqual([
      "GET /stores does not document 429 (requests are rate limited), 500 (the server can fail; `default` also covers it); add these error responses",
    ]);
    const covered = document + "        4XX: { description: client error }\n        default: { description: error }\n";
    expect(await lintYaml(covered, RULE)).toEqual([]);
  });

  it("runs only the checks listed in the require option, which may add statuses", async () => {
    const document = yaml`
      openapi: 3.1.0
      info: { title: Pets, version: 1.0.0 }
      paths:
        /pets:
          post:
            requestBody: { content: { application/json: { schema: { type: object } } } }
            responses: { "201": { description: created }, "500": { description: failed } }
    `;
    const problems = await lintYaml(document, RULE, { options: { require: ["400", "422"] } });
    expect(problems.map((p) => [p.line, p.message])).toEqual([
      [
        7,
        "POST /pets does not document 400 (it takes input that can be invalid), 422 (the require option lists it); add these error responses",
      ],
    ]);
  });
});
