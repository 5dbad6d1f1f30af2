import { describe, expect, it } from "vitest";
import { lintFiles, lintYaml, yaml } from "../../lint-fixture.js";

const RULE = "pagination/required";

describe(RULE, () => {
  it("accepts a list with page_size and page_token returning an envelope", async () => {
    const problems = await lintYaml(
      yaml`
        openapi: 3.1.0
        info: { title: Pets, version: 1.0.0 }
        paths:
          /pets:
            get:
              parameters:
                - { name: page_size, in: query, schema: { type: integer, minimum: 1, maximum: 100, default: 20 } }
                - { name: page_token, in: query, schema: { type: string } }
              responses:
                "200":
                  description: ok
                  content:
                    application/json:
                      schema:
                        type: object
                        properties:
                          items: { type: array, items: { type: object } }
                          next_page_token: { type: string }
      `,
      RULE,
    );
    expect(problems).toEqual([]);
  });

  it("ignores single resources, non-GET operations and responses without a collection", async () => {
    const problems = await lintYaml(
      yaml`
        openapi: 3.1.0
        info: { title: Pets, version: 1.0.0 }
        paths:
          /pets/{pet_id}:
            get:
              responses:
                "200": { description: ok, content: { application/json: { schema: { type: object, properties: { tags: { type: array } } } } } }
          /pets:
            post:
              responses:
                "200": { description: ok, content: { application/json: { schema: { type: array } } } }
          /config:
            get:
              responses:
                "200": { description: ok, content: { application/json: { schema: { type: object, properties: { flags: { type: array } } } } } }
      `,
      RULE,
    );
    expect(problems).toEqual([]);
  });

  it("reports a list operation without pagination parameters at its method", async () => {
    const problems = await lintYaml(
      yaml`
        openapi: 3.1.0
        info: { title: Pets, version: 1.0.0 }
        paths:
          /pets:
            get:
              parameters:
                - { name: page_size, in: query, schema: { type: integer, minimum: 1, maximum: 100, default: 20 } }
              responses:
                "200":
                  description: ok
                  content:
                    application/json:
                      schema:
                        type: object
                        properties:
                          pets: { type: array, items: { type: object } }
      `,
      RULE,
    );
    expect(problems.map((p) => [p.ruleId, p.severity, p.line, p.column])).toEqual([[RULE, "error", 5, 5]]);
    expect(problems[0]!.message).toContain("page_token");
    expect(problems[0]!.message).toContain("GET /pets");
  });

  it("reports a top-level array body at its schema, also when the list has parameters", async () => {
    const problems = await lintYaml(
      yaml`
        openapi: 3.1.0
        info: { title: Pets, version: 1.0.0 }
        paths:
          /pets:
            get:
              parameters:
                - { name: page_token, in: query, schema: { type: string } }
              responses:
                "200":
                  description: ok
                  content:
                    application/json:
                      schema:
                        type: array
                        items: { type: object }
      `,
      RULE,
    );
    expect(problems.map((p) => [p.ruleId, p.line, p.column])).toEqual([[RULE, 13, 15]]);
    expect(problems[0]!.message).toContain("top-level array");
  });

  it("accepts a top-level array with allowTopLevelArray, and lists that opt out with x-pagination: false", async () => {
    const document = yaml`
      openapi: 3.1.0
      info: { title: Pets, version: 1.0.0 }
      paths:
        /pets:
          get:
            parameters:
              - { name: offset, in: query, schema: { type: integer } }
            responses:
              "200": { description: ok, content: { application/json: { schema: { type: array, items: { type: string } } } } }
        /species:
          get:
            x-pagination: false
            responses:
              "200": { description: ok, content: { application/json: { schema: { type: array, items: { type: string } } } } }
    `;
    expect(await lintYaml(document, RULE, { options: { allowTopLevelArray: true } })).toEqual([]);
    expect((await lintYaml(document, RULE)).map((p) => p.line)).toEqual([9]);
  });

  it("reports a shared response in another file at that file's line", async () => {
    const problems = await lintFiles(
      {
        "openapi.yaml": yaml`
          openapi: 3.1.0
          info: { title: Pets, version: 1.0.0 }
          paths:
            /pets:
              get:
                parameters:
                  - { name: page_token, in: query, schema: { type: string } }
                responses:
                  "200":
                    $ref: "responses.yaml#/PetArray"
        `,
        "responses.yaml": yaml`
          PetArray:
            description: All the pets.
            content:
              application/json:
                schema:
                  type: array
                  items: { type: object }
        `,
      },
      RULE,
    );
    expect(problems.map((p) => [p.file.split("/").pop(), p.line, p.column, p.pointer])).toEqual([
      ["responses.yaml", 5, 7, "/PetArray/content/application~1json/schema"],
    ]);
  });

  it("leaves operations that declare their scheme with x-pagination to the declaration checks", async () => {
    const problems = await lintYaml(
      yaml`
        openapi: 3.1.0
        info: { title: Pets, version: 1.0.0 }
        paths:
          /pets:
            get:
              x-pagination: { style: link, sizeParam: per_page }
              parameters:
                - { name: per_page, in: query, schema: { type: integer } }
              responses:
                "200": { description: ok, content: { application/json: { schema: { type: array, items: { type: object } } } } }
      `,
      RULE,
    );
    expect(problems).toEqual([]);
  });
});
