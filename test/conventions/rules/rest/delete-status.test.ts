import { describe, expect, it } from "vitest";
import { lintYaml, yaml } from "../../lint-fixture.js";

const RULE = "rest/delete-status";

describe(RULE, () => {
  it("accepts 204 and 200", async () => {
    const problems = await lintYaml(
      yaml`
        openapi: 3.1.0
        info: { title: Pets, version: 1.0.0 }
        paths:
          /pets/{pet_id}:
            delete: { responses: { "204": { description: deleted }, "404": { description: missing } } }
          /owners/{owner_id}:
            delete: { responses: { "200": { description: deleted } } }
      `,
      RULE,
    );
    expect(problems).toEqual([]);
  });

  it("reports another success status, or none, at the responses", async () => {
    const problems = await lintYaml(
      yaml`
        openapi: 3.1.0
        info: { title: Pets, version: 1.0.0 }
        paths:
          /pets/{pet_id}:
            delete:
              responses:
                "201": { description: deleted }
          /owners/{owner_id}:
            delete:
              responses:
                "404": { description: missing }
      `,
      RULE,
    );
    expect(problems.map((p) => [p.ruleId, p.severity, p.line, p.column, p.message])).toEqual([
      [
        RULE,
        "warn",
        6,
        7,
        "DELETE /pets/{pet_id} declares 201; answer 204 No Content (or 200 with the deleted resource)",
      ],
      [
        RULE,
        "warn",
        10,
        7,
        "DELETE /owners/{owner_id} declares no success status; answer 204 No Content (or 200 with the deleted resource)",
      ],
    ]);
  });
});
