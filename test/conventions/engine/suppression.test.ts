import { describe, expect, it } from "vitest";
import { lintFiles, yaml } from "../lint-fixture.js";

const RULE = "errors/responses";

const root = (ignore: string) => yaml`
  openapi: 3.1.0
  info: { title: Pets, version: 1.0.0 }
  servers: [{ url: https://api.example.com/v1 }]
  paths:
    /pets/{pet_id}:
      get:
        ${ignore}
        operationId: getPet
        parameters: [{ name: pet_id, in: path, required: true, schema: { type: string } }]
        responses:
          "200": { description: ok, content: { application/json: { schema: { type: object } } } }
          "404": { $ref: "responses.yaml#/NotFound" }
`;

const responses = yaml`
  NotFound:
    description: not found
    content:
      text/plain:
        schema: { type: string }
`;

describe("x-specwright-ignore", () => {
  it("on an operation also silences what a rule reports behind its $ref in another file", async () => {
    const reported = await lintFiles(
      { "openapi.yaml": root("x-specwright-ignore: [errors/responses]"), "responses.yaml": responses },
      RULE,
    );
    expect(reported).toEqual([]);
  });

  it("without it, the problem is reported in the referenced file", async () => {
    const reported = await lintFiles({ "openapi.yaml": root("summary: Get a pet"), "responses.yaml": responses }, RULE);
    expect(reported.length).toBeGreaterThan(0);
    expect(reported.every((d) => d.file.endsWith("responses.yaml"))).toBe(true);
  });
});
