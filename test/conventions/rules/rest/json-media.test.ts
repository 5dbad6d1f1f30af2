import { describe, expect, it } from "vitest";
import { lintYaml, yaml } from "../../lint-fixture.js";

const RULE = "rest/json-media";

describe(RULE, () => {
  it("accepts application/json and +json types, with parameters", async () => {
    const problems = await lintYaml(
      yaml`
        openapi: 3.1.0
        info: { title: Pets, version: 1.0.0 }
        paths:
          /pets:
            post:
              requestBody: { content: { "application/json; charset=utf-8": { schema: { type: object } } } }
              responses:
                "201": { description: ok, content: { application/vnd.pets.v1+json: { schema: { type: object } } } }
                "400": { description: bad, content: { application/problem+json: { schema: { type: object } } } }
      `,
      RULE,
    );
    expect(problems).toEqual([]);
  });

  it("reports other media types at their key, unless the allow option lists them", async () => {
    const document = yaml`
      openapi: 3.1.0
      info: { title: Pets, version: 1.0.0 }
      paths:
        /pets/{pet_id}/photos:
          post:
            requestBody:
              content:
                multipart/form-data: { schema: { type: object } }
            responses:
              "200":
                description: ok
                content:
                  application/xml: { schema: { type: object } }
                  image/png: {}
    `;
    const problems = await lintYaml(document, RULE);
    expect(problems.map((p) => [p.ruleId, p.severity, p.line, p.column, p.message])).toEqual([
      [
        RULE,
        "warn",
        8,
        11,
        "request body is multipart/form-data, not JSON; use application/json (or a +json type), or list multipart/form-data in the allow option",
      ],
      [
        RULE,
        "warn",
        13,
        13,
        "response 200 is application/xml, not JSON; use application/json (or a +json type), or list application/xml in the allow option",
      ],
      [
        RULE,
        "warn",
        14,
        13,
        "response 200 is image/png, not JSON; use application/json (or a +json type), or list image/png in the allow option",
      ],
    ]);
    const allowed = await lintYaml(document, RULE, { options: { allow: ["multipart/form-data", "image/*"] } });
    expect(allowed.map((p) => p.line)).toEqual([13]);
  });
});
