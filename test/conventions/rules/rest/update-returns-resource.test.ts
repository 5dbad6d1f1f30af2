import { describe, expect, it } from "vitest";
import { lintYaml, yaml } from "../../lint-fixture.js";

const RULE = "rest/update-returns-resource";

describe(RULE, () => {
  it("accepts 200 with the resource and 204", async () => {
    const problems = await lintYaml(
      yaml`
        openapi: 3.1.0
        info: { title: Pets, version: 1.0.0 }
        paths:
          /pets/{pet_id}:
            put:
              responses:
                "200": { description: updated, content: { application/json: { schema: { type: object } } } }
            patch:
              responses: { "204": { description: updated } }
      `,
      RULE,
    );
    expect(problems).toEqual([]);
  });

  it("reports a 200 without body at the response and an update with neither 200 nor 204 at its responses", async () => {
    const problems = await lintYaml(
      yaml`
        openapi: 3.1.0
        info: { title: Pets, version: 1.0.0 }
        paths:
          /pets/{pet_id}:
            put:
              responses:
                "200": { description: updated }
            patch:
              responses:
                "201": { description: updated }
      `,
      RULE,
    );
    expect(problems.map((p) => [p.ruleId, p.severity, p.line, p.column, p.message])).toEqual([
      [RULE, "warn", 7, 9, "200 response of PUT has no body; return the updated resource, or answer 204 No Content"],
      [RULE, "warn", 9, 7, "PATCH /pets/{pet_id} declares 201; answer 200 with the updated resource or 204 No Content"],
    ]);
  });
});
