import { describe, expect, it } from "vitest";
import { lintFiles, lintYaml, yaml } from "../../lint-fixture.js";

const RULE = "versioning/consistent";

describe(RULE, () => {
  it("accepts one major version in every server URL and path", async () => {
    const problems = await lintYaml(
      yaml`
        openapi: 3.1.0
        info: { title: Pets, version: 2.0.0 }
        servers:
          - url: https://api.example.com/v2
          - url: http://localhost:3000/v2
        paths:
          /pets:
            get:
              responses: { "200": { description: ok } }
      `,
      RULE,
    );
    expect(problems).toEqual([]);
  });

  it("reports the place whose major differs from the rest", async () => {
    const problems = await lintYaml(
      yaml`
        openapi: 3.1.0
        info: { title: Pets, version: 1.0.0 }
        servers:
          - url: https://api.example.com/v1
          - url: https://staging.example.com/v2
        paths:
          /v1/pets:
            get:
              responses: { "200": { description: ok } }
      `,
      RULE,
    );
    expect(problems.map((p) => [p.ruleId, p.severity, p.line, p.column, p.pointer])).toEqual([
      [RULE, "error", 5, 5, "/servers/1/url"],
    ]);
    expect(problems[0]!.message).toContain(
      `"https://staging.example.com/v2" names major version 2, but the document uses v1`,
    );
  });

  it("compares path-level and operation-level servers too, reported in the file they are written in", async () => {
    const problems = await lintFiles(
      {
        "openapi.yaml": yaml`
          openapi: 3.1.0
          info: { title: Pets, version: 1.0.0 }
          servers:
            - url: https://api.example.com/v1
          paths:
            /pets:
              $ref: "paths/pets.yaml"
        `,
        "paths/pets.yaml": yaml`
          get:
            servers:
              - url: https://legacy.example.com/v3
            responses: { "200": { description: ok } }
        `,
      },
      RULE,
    );
    expect(problems.map((p) => [p.file.split("/").slice(-2).join("/"), p.line, p.column])).toEqual([
      ["paths/pets.yaml", 3, 7],
    ]);
  });

  it("with header versioning, compares the version header's value", async () => {
    const problems = await lintYaml(
      yaml`
        openapi: 3.1.0
        info: { title: Pets, version: 2.0.0 }
        paths:
          /pets:
            get:
              parameters:
                - { name: Api-Version, in: header, required: true, schema: { type: string, enum: ["2"] } }
              responses: { "200": { description: ok } }
          /owners:
            get:
              parameters:
                - { name: api-version, in: header, required: true, schema: { type: string, default: "v2" } }
              responses: { "200": { description: ok } }
          /stores:
            get:
              parameters:
                - { name: Api-Version, in: header, required: true, schema: { type: string, const: "1" } }
              responses: { "200": { description: ok } }
      `,
      RULE,
      { settings: { versioning: { strategy: "header" } } },
    );
    expect(problems.map((p) => [p.line, p.pointer.split("/").pop()])).toEqual([[17, "const"]]);
  });
});
