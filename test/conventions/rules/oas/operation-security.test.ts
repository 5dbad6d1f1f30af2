import { describe, expect, it } from "vitest";
import { lintYaml, yaml } from "../../lint-fixture.js";

const RULE = "oas/operation-security";

describe(RULE, () => {
  it("accepts operations secured by the document or by themselves, and explicitly public ones", async () => {
    const problems = await lintYaml(
      yaml`
        openapi: 3.1.0
        info: { title: Pets, version: 1.0.0 }
        security: [{ bearer: [] }]
        paths:
          /pets:
            get: { responses: { "200": { description: ok } } }
            post: { security: [{ api_key: [] }, {}], responses: { "201": { description: ok } } }
          /health:
            get: { security: [], responses: { "200": { description: ok } } }
        components:
          securitySchemes:
            bearer: { type: http, scheme: bearer }
            api_key: { type: apiKey, in: header, name: X-Api-Key }
      `,
      RULE,
    );
    expect(problems).toEqual([]);
  });

  it("reports an operation with no security anywhere, and a requirement naming an undeclared scheme", async () => {
    const problems = await lintYaml(
      yaml`
        openapi: 3.1.0
        info: { title: Pets, version: 1.0.0 }
        paths:
          /pets:
            get: { responses: { "200": { description: ok } } }
            post: { security: [{ oauth: [write] }], responses: { "201": { description: ok } } }
        components:
          securitySchemes:
            bearer: { type: http, scheme: bearer }
      `,
      RULE,
    );
    expect(problems.map((p) => [p.line, p.column])).toEqual([
      [5, 5],
      [6, 26],
    ]);
    expect(problems[0]!.message).toContain("GET /pets has no security requirement");
    expect(problems[1]!.message).toBe(
      'security names the scheme "oauth", which components.securitySchemes does not declare (declared: bearer)',
    );
  });
});
