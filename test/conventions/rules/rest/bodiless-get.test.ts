import { describe, expect, it } from "vitest";
import { lintYaml, yaml } from "../../lint-fixture.js";

const RULE = "rest/bodiless-get";

describe(RULE, () => {
  it("accepts a GET without a body and a POST with one", async () => {
    const problems = await lintYaml(
      yaml`
        openapi: 3.1.0
        info: { title: Prefs, version: 1.0.0 }
        paths:
          /prefs:
            get: { responses: { "200": { description: ok } } }
            post:
              requestBody: { content: { application/json: { schema: { type: object } } } }
              responses: { "200": { description: ok } }
      `,
      RULE,
    );
    expect(problems).toEqual([]);
  });

  it("reports a GET or HEAD requestBody where it is written", async () => {
    const problems = await lintYaml(
      yaml`
        openapi: 3.1.0
        info: { title: Prefs, version: 1.0.0 }
        paths:
          /prefs:
            get:
              requestBody: { content: { application/json: { schema: { type: object } } } }
              responses: { "200": { description: ok } }
            head:
              requestBody: { $ref: "#/components/requestBodies/Filter" }
              responses: { "200": { description: ok } }
        components:
          requestBodies:
            Filter: { content: { application/json: { schema: { type: object } } } }
      `,
      RULE,
    );
    expect(problems.map((p) => [p.ruleId, p.severity, p.line, p.message])).toEqual([
      [
        RULE,
        "warn",
        6,
        "GET /prefs declares a requestBody, which a GET request cannot carry (RFC 9110 §9.3.1) and the generators ignore; send the input as query parameters, or use POST",
      ],
      [
        RULE,
        "warn",
        9,
        "HEAD /prefs declares a requestBody, which a HEAD request cannot carry (RFC 9110 §9.3.1) and the generators ignore; send the input as query parameters, or use POST",
      ],
    ]);
  });
});
