import { describe, expect, it } from "vitest";
import { lintYaml, yaml } from "../../lint-fixture.js";

const RULE = "rest/create-201-location";

describe(RULE, () => {
  it("accepts 201 with the resource and Location, 202 for asynchronous creation, and leaves actions and unknown collections alone", async () => {
    const problems = await lintYaml(
      yaml`
        openapi: 3.1.0
        info: { title: Pets, version: 1.0.0 }
        paths:
          /pets:
            post:
              responses:
                "201":
                  description: created
                  headers: { location: { schema: { type: string } } }
                  content: { application/json: { schema: { type: object } } }
          /pets/{pet_id}: { get: { responses: { "200": { description: ok } } } }
          /pets/{pet_id}/adopt:
            post:
              responses: { "200": { description: adopted } }
          /exports:
            get: { responses: { "200": { description: ok, content: { application/json: { schema: { type: array, items: {} } } } } } }
            post: { responses: { "202": { description: queued } } }
          /pets/{pet_id}/photos:
            post: { responses: { "200": { description: uploaded } } }
      `,
      RULE,
    );
    expect(problems).toEqual([]);
  });

  it("reports a create on a listed or addressable collection (trailing slash or not) without 201 at its responses, and a 201 without body or Location at the response", async () => {
    const problems = await lintYaml(
      yaml`
        openapi: 3.1.0
        info: { title: Pets, version: 1.0.0 }
        paths:
          /pets:
            get: { responses: { "200": { description: ok, content: { application/json: { schema: { type: array, items: {} } } } } } }
            post:
              responses:
                "200": { description: created }
          /owners/{owner_id}: { get: { responses: { "200": { description: ok } } } }
          /owners/:
            post:
              responses:
                "201": { description: created }
      `,
      RULE,
    );
    expect(problems.map((p) => [p.ruleId, p.severity, p.line, p.column, p.message])).toEqual([
      [
        RULE,
        "warn",
        7,
        7,
        "POST /pets creates a resource in a collection; answer 201 Created with the resource and a Location header",
      ],
      [
        RULE,
        "warn",
        13,
        9,
        "201 response declares no Location header; add Location with the URL of the created resource",
      ],
      [RULE, "warn", 13, 9, "201 response has no body; return the created resource in it"],
    ]);
  });
});
