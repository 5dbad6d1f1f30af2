import { describe, expect, it } from "vitest";
import { lintYaml, yaml } from "../../lint-fixture.js";

const RULE = "versioning/strategy";

describe(RULE, () => {
  const headerDocument = yaml`
    openapi: 3.1.0
    info: { title: Pets, version: 1.0.0 }
    paths:
      /pets:
        parameters:
          - $ref: "#/components/parameters/ApiVersion"
        get:
          responses: { "200": { description: ok } }
      /owners:
        get:
          responses: { "200": { description: ok } }
    components:
      parameters:
        ApiVersion: { name: Api-Version, in: header, required: true, schema: { type: string, enum: ["1"] } }
  `;

  it("does nothing with path versioning", async () => {
    expect(await lintYaml(headerDocument, RULE)).toEqual([]);
  });

  it("with header versioning, reports each operation without the version header", async () => {
    const problems = await lintYaml(headerDocument, RULE, { settings: { versioning: { strategy: "header" } } });
    expect(problems.map((p) => [p.ruleId, p.severity, p.line, p.column])).toEqual([[RULE, "error", 10, 5]]);
    expect(problems[0]!.message).toContain("GET /owners does not take the Api-Version header");
  });

  it("with media-type versioning, reports JSON bodies whose media type names no version", async () => {
    const problems = await lintYaml(
      yaml`
        openapi: 3.1.0
        info: { title: Pets, version: 1.0.0 }
        paths:
          /pets:
            post:
              requestBody:
                content:
                  application/vnd.petstore.v1+json: { schema: { type: object } }
              responses:
                "201":
                  description: created
                  content:
                    application/json: { schema: { type: object } }
                    application/json; version=1: { schema: { type: object } }
      `,
      RULE,
      { settings: { versioning: { strategy: "media-type" } } },
    );
    expect(problems.map((p) => [p.line, p.column])).toEqual([[13, 13]]);
    expect(problems[0]!.message).toContain(`"application/json" names no version`);
  });
});
