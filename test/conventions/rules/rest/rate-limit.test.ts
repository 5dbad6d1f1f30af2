import { describe, expect, it } from "vitest";
import { lintYaml, yaml } from "../../lint-fixture.js";

const RULE = "rest/rate-limit";

describe(RULE, () => {
  it("accepts Retry-After, the X-Rate-Limit trio, and the IETF RateLimit headers, in any letter case", async () => {
    const problems = await lintYaml(
      yaml`
        openapi: 3.1.0
        info: { title: Pets, version: 1.0.0 }
        paths:
          /pets:
            get:
              responses:
                "200": { description: ok }
                "429": { description: slow down, headers: { retry-after: { schema: { type: integer } } } }
          /owners:
            get:
              responses:
                "200": { description: ok }
                "429": { $ref: '#/components/responses/TooManyRequests' }
          /stores:
            get:
              responses:
                "200": { description: ok }
                "429": { description: slow down, headers: { RateLimit: { schema: { type: string } }, RateLimit-Policy: { schema: { type: string } } } }
        components:
          headers:
            Limit: { schema: { type: integer } }
          responses:
            TooManyRequests:
              description: slow down
              headers:
                X-Rate-Limit-Limit: { $ref: '#/components/headers/Limit' }
                X-Rate-Limit-Remaining: { $ref: '#/components/headers/Limit' }
                X-Rate-Limit-Reset: { $ref: '#/components/headers/Limit' }
      `,
      RULE,
    );
    expect(problems).toEqual([]);
  });

  it("reports a 429 without headers, or with an incomplete X-Rate-Limit set, at the response", async () => {
    const problems = await lintYaml(
      yaml`
        openapi: 3.1.0
        info: { title: Pets, version: 1.0.0 }
        paths:
          /pets:
            get:
              responses:
                "200": { description: ok }
                "429": { description: slow down }
          /owners:
            get:
              responses:
                "200": { description: ok }
                "429":
                  description: slow down
                  headers: { X-Rate-Limit-Limit: { schema: { type: integer } } }
      `,
      RULE,
    );
    const message =
      "429 response declares no rate-limit headers; add Retry-After (or X-Rate-Limit-Limit, -Remaining and -Reset, or the IETF RateLimit and RateLimit-Policy headers)";
    expect(problems.map((p) => [p.ruleId, p.severity, p.line, p.column, p.message])).toEqual([
      [RULE, "warn", 8, 9, message],
      [RULE, "warn", 13, 9, message],
    ]);
  });
});
