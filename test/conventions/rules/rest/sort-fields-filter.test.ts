import { describe, expect, it } from "vitest";
import { lintYaml, yaml } from "../../lint-fixture.js";
import { ALL_RULES } from "../../../../generator/conventions/index.js";

const RULE = "rest/sort-fields-filter";

describe(RULE, () => {
  it("is off in the recommended preset (on, as an error, in strict)", () => {
    expect(ALL_RULES.find((rule) => rule.id === RULE)?.recommended).toBe("off");
  });

  it("accepts a sort string with a pattern, a described fields list and an explode: false array", async () => {
    const problems = await lintYaml(
      yaml`
        openapi: 3.1.0
        info: { title: Pets, version: 1.0.0 }
        paths:
          /pets:
            get:
              parameters:
                - name: sort
                  in: query
                  schema: { type: string, pattern: '^[-+]?(name|created_at)(,[-+]?(name|created_at))*$' }
                - name: fields
                  in: query
                  description: Comma-separated properties to return, e.g. id,name.
                  schema: { type: string }
              responses: { "200": { description: ok } }
          /owners:
            get:
              parameters:
                - name: sort
                  in: query
                  description: Keys; prefix with - for descending order, e.g. -created_at.
                  explode: false
                  schema: { type: array, items: { type: string } }
              responses: { "200": { description: ok } }
      `,
      RULE,
    );
    expect(problems).toEqual([]);
  });

  it("reports a sort that is not a comma string and a fields list whose syntax is not written down", async () => {
    const problems = await lintYaml(
      yaml`
        openapi: 3.1.0
        info: { title: Pets, version: 1.0.0 }
        paths:
          /pets:
            get:
              parameters:
                - name: sort
                  in: query
                  schema: { type: array, items: { type: string } }
                - name: fields
                  in: query
                  description: The properties to return.
                  schema: { type: string }
              responses: { "200": { description: ok } }
      `,
      RULE,
    );
    expect(problems.map((p) => [p.ruleId, p.line, p.column, p.message])).toEqual([
      [
        RULE,
        9,
        11,
        `query parameter "sort" must be one comma-separated string such as "-created_at,+name" (type: string, or an array with explode: false)`,
      ],
      [
        RULE,
        10,
        11,
        `query parameter "fields" does not say its syntax; give a pattern or describe it with an example such as "id,name"`,
      ],
    ]);
  });
});
