import { describe, expect, it } from "vitest";
import { lintFiles, lintYaml, yaml } from "../../lint-fixture.js";

const RULE = "oas/no-unused-components";

describe(RULE, () => {
  it("counts $refs from other files, discriminator mappings, security requirements and aliases of shared files", async () => {
    const problems = await lintFiles(
      {
        "openapi.yaml": yaml`
          openapi: 3.1.0
          info: { title: Pets, version: 1.0.0 }
          security: [{ bearer: [] }]
          paths:
            /pets:
              $ref: "paths/pets.yaml"
          components:
            securitySchemes:
              bearer: { type: http, scheme: bearer }
            schemas:
              Pet:
                oneOf: [{ $ref: "#/components/schemas/Cat" }]
                discriminator: { propertyName: kind, mapping: { cat: Cat, dog: "#/components/schemas/Dog" } }
              Cat: { type: object }
              Dog: { type: object }
              Problem: { $ref: "shared.yaml#/Problem" }
            parameters:
              Limit: { name: limit, in: query, schema: { type: integer } }
        `,
        "paths/pets.yaml": yaml`
          get:
            parameters: [{ $ref: "../openapi.yaml#/components/parameters/Limit" }]
            responses:
              "200": { description: ok, content: { application/json: { schema: { $ref: "../openapi.yaml#/components/schemas/Pet" } } } }
              default: { description: error, content: { application/json: { schema: { $ref: "../shared.yaml#/Problem" } } } }
        `,
        "shared.yaml": "Problem: { type: object }\n",
      },
      RULE,
    );
    expect(problems).toEqual([]);
  });

  it("reports each unused component at its name", async () => {
    const problems = await lintYaml(
      yaml`
        openapi: 3.1.0
        info: { title: Pets, version: 1.0.0 }
        paths:
          /pets:
            get: { responses: { "200": { $ref: "#/components/responses/Pets" } } }
        components:
          responses:
            Pets: { description: ok, content: { application/json: { schema: { $ref: "#/components/schemas/Pet/properties/tags" } } } }
          schemas:
            Pet: { type: object, properties: { tags: { type: array } } }
            Orphan: { type: object }
          examples:
            Old: { value: 1 }
          securitySchemes:
            unused_key: { type: apiKey, in: header, name: X-Key }
      `,
      RULE,
    );
    expect(problems.map((p) => [p.line, p.column])).toEqual([
      [11, 5],
      [13, 5],
      [15, 5],
    ]);
    expect(problems[0]!.message).toBe(
      'components.schemas.Orphan is not referenced anywhere; remove it, or reference it ($ref: "#/components/schemas/Orphan")',
    );
  });

  it("leaves a components-only library document alone", async () => {
    expect(
      await lintYaml(
        "openapi: 3.1.0\ninfo: { title: Lib, version: 1.0.0 }\ncomponents:\n  schemas:\n    Pet: { type: object }\n",
        RULE,
      ),
    ).toEqual([]);
  });
});
