import { describe, expect, it } from "vitest";
import { lintYaml, yaml } from "../../lint-fixture.js";

const RULE = "rest/property-casing";

describe(RULE, () => {
  it("accepts snake_case properties and query names, and ignores headers, path parameters and x-/$/@ names", async () => {
    const problems = await lintYaml(
      yaml`
        openapi: 3.1.0
        info: { title: Pets, version: 1.0.0 }
        paths:
          /pets/{petId}:
            get:
              parameters:
                - { name: petId, in: path, required: true, schema: { type: string } }
                - { name: page_size, in: query, schema: { type: integer } }
                - { name: "filter[created_at]", in: query, schema: { type: string } }
                - { name: X-Request-Id, in: header, schema: { type: string } }
              responses:
                "200":
                  description: ok
                  content:
                    application/json:
                      schema:
                        type: object
                        properties:
                          date_of_birth: { type: string }
                          address_line2: { type: string }
                          x-internal: { type: string }
                          $schema: { type: string }
                          "@id": { type: string }
      `,
      RULE,
    );
    expect(problems).toEqual([]);
  });

  it("reports camelCase names where they are written, also a property whose schema is a $ref", async () => {
    const problems = await lintYaml(
      yaml`
        openapi: 3.1.0
        info: { title: Pets, version: 1.0.0 }
        paths:
          /pets:
            get:
              parameters:
                - name: pageSize
                  in: query
                  schema: { type: integer }
                - { name: "filter[createdAt]", in: query, schema: { type: string } }
              responses: { "200": { description: ok } }
        components:
          schemas:
            Pet:
              type: object
              properties:
                dateOfBirth: { type: string }
                ownerId: { $ref: '#/components/schemas/Id' }
            Id: { type: string }
      `,
      RULE,
    );
    expect(problems.map((p) => [p.ruleId, p.severity, p.line, p.column, p.message])).toEqual([
      [RULE, "warn", 7, 11, `query parameter "pageSize" is not snake_case; rename it "page_size"`],
      [RULE, "warn", 10, 13, `query parameter "filter[createdAt]" is not snake_case; rename it "filter[created_at]"`],
      [RULE, "warn", 17, 9, `property "dateOfBirth" is not snake_case; rename it "date_of_birth"`],
      [RULE, "warn", 18, 9, `property "ownerId" is not snake_case; rename it "owner_id"`],
    ]);
  });

  it("switches to camelCase through settings.casing.properties or the casing option", async () => {
    const document = yaml`
      openapi: 3.1.0
      info: { title: Pets, version: 1.0.0 }
      paths: {}
      components:
        schemas:
          Pet:
            properties:
              dateOfBirth: { type: string }
              owner_id: { type: string }
    `;
    const expected = [[9, `property "owner_id" is not camelCase; rename it "ownerId"`]];
    const bySettings = await lintYaml(document, RULE, { settings: { casing: { properties: "camel" } } });
    expect(bySettings.map((p) => [p.line, p.message])).toEqual(expected);
    const byOption = await lintYaml(document, RULE, { options: { casing: "camel" } });
    expect(byOption.map((p) => [p.line, p.message])).toEqual(expected);
  });
});
