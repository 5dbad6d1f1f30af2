import { describe, expect, it } from "vitest";
import { lintYaml, yaml } from "../../lint-fixture.js";

const RULE = "pagination/consistent";

describe(RULE, () => {
  it("accepts an API whose lists all page the same way", async () => {
    const problems = await lintYaml(
      yaml`
        openapi: 3.1.0
        info: { title: Pets, version: 1.0.0 }
        paths:
          /pets:
            get:
              parameters: [{ name: page_token, in: query, schema: { type: string } }]
              responses:
                "200": { description: ok, content: { application/json: { schema: { type: object, properties: { items: { type: array } } } } } }
          /owners:
            get:
              parameters: [{ name: page_token, in: query, schema: { type: string } }]
              responses:
                "200": { description: ok, content: { application/json: { schema: { type: object, properties: { items: { type: array } } } } } }
      `,
      RULE,
    );
    expect(problems).toEqual([]);
  });

  it("reports the list that pages differently from the others, at its method", async () => {
    const problems = await lintYaml(
      yaml`
        openapi: 3.1.0
        info: { title: Pets, version: 1.0.0 }
        paths:
          /pets:
            get:
              parameters: [{ name: page_token, in: query, schema: { type: string } }]
              responses:
                "200": { description: ok, content: { application/json: { schema: { type: object, properties: { items: { type: array } } } } } }
          /owners:
            get:
              parameters: [{ name: page_token, in: query, schema: { type: string } }]
              responses:
                "200": { description: ok, content: { application/json: { schema: { type: object, properties: { items: { type: array } } } } } }
          /stores:
            get:
              parameters: [{ name: offset, in: query, schema: { type: integer } }]
              responses:
                "200": { description: ok, content: { application/json: { schema: { type: object, properties: { items: { type: array } } } } } }
      `,
      RULE,
    );
    expect(problems.map((p) => [p.ruleId, p.severity, p.line, p.column])).toEqual([[RULE, "error", 15, 5]]);
    expect(problems[0]!.message).toContain(
      "GET /stores pages with offset/limit, but 2 other list operation(s) page with page_token cursors",
    );
  });

  it("counts declared schemes, and breaks a tie in favour of the configured style", async () => {
    const problems = await lintYaml(
      yaml`
        openapi: 3.1.0
        info: { title: Shop, version: 1.0.0 }
        paths:
          /charges:
            get:
              x-pagination: { style: after }
              parameters: [{ name: starting_after, in: query, schema: { type: string } }]
              responses:
                "200": { description: ok, content: { application/json: { schema: { type: object, properties: { data: { type: array }, has_more: { type: boolean } } } } } }
          /refunds:
            get:
              parameters: [{ name: offset, in: query, schema: { type: integer } }]
              responses:
                "200": { description: ok, content: { application/json: { schema: { type: object, properties: { items: { type: array } } } } } }
      `,
      RULE,
      { settings: { pagination: { style: "offset" } } },
    );
    expect(problems.map((p) => [p.line, p.column])).toEqual([[5, 5]]);
  });
});
