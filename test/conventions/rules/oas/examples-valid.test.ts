import { describe, expect, it } from "vitest";
import { lintFiles, lintYaml, yaml } from "../../lint-fixture.js";

const RULE = "oas/examples-valid";
const places = (problems: Array<{ line: number; column: number }>) => problems.map((p) => [p.line, p.column]);

describe(RULE, () => {
  it("accepts examples that match, with 3.0 nullable and boolean exclusiveMinimum", async () => {
    const problems = await lintYaml(
      yaml`
        openapi: 3.0.3
        info: { title: Pets, version: 1.0.0 }
        paths:
          /pets:
            get:
              parameters:
                - { name: page_size, in: query, schema: { type: integer, minimum: 0, exclusiveMinimum: true }, example: 1 }
              responses:
                "200":
                  description: ok
                  content:
                    application/json:
                      schema: { $ref: "#/components/schemas/Pet" }
                      example: { name: rex, tag: null }
                    application/xml:
                      schema: { $ref: "#/components/schemas/Pet" }
                      example: "<pet><name>rex</name></pet>"
        components:
          schemas:
            Pet: { type: object, required: [name], properties: { name: { type: string }, tag: { type: string, nullable: true } } }
      `,
      RULE,
    );
    expect(problems).toEqual([]);
  });

  it("reports a parameter, a media-type and a component example at the wrong value (3.0)", async () => {
    const problems = await lintYaml(
      yaml`
        openapi: 3.0.3
        info: { title: Pets, version: 1.0.0 }
        paths:
          /pets:
            get:
              parameters:
                - { name: page_size, in: query, schema: { type: integer, minimum: 0, exclusiveMinimum: true }, example: 0 }
              responses:
                "200":
                  description: ok
                  content:
                    application/json:
                      schema: { $ref: "#/components/schemas/Pet" }
                      examples:
                        untagged: { value: { name: rex, tag: 7 } }
                        shared: { $ref: "#/components/examples/Nameless" }
        components:
          schemas:
            Pet: { type: object, required: [name], properties: { name: { type: string }, tag: { type: string, nullable: true } } }
          examples:
            Nameless:
              value: { tag: x }
          headers:
            Limit: { schema: { type: integer }, example: many }
      `,
      RULE,
    );
    expect(places(problems)).toEqual([
      [7, 104],
      [15, 49],
      [22, 7],
      [24, 41],
    ]);
    expect(problems.map((p) => p.message)).toEqual([
      "the example does not match the schema: must be > 0; correct the example or the schema",
      'example "untagged" does not match the schema at /tag: must be string or null; correct the example or the schema',
      "example \"shared\" does not match the schema: must have required property 'name'; correct the example or the schema",
      "the example does not match the schema: must be integer; correct the example or the schema",
    ]);
  });

  it("uses JSON Schema 2020-12 for 3.1 (type lists, numeric exclusiveMinimum, prefixItems)", async () => {
    const problems = await lintYaml(
      yaml`
        openapi: 3.1.0
        info: { title: Pets, version: 1.0.0 }
        paths: {}
        components:
          parameters:
            Point:
              name: point
              in: query
              schema: { type: array, prefixItems: [{ type: number }, { type: number }], items: false }
              examples:
                good: { value: [1, 2] }
                long: { value: [1, 2, 3] }
            Tag:
              name: tag
              in: query
              schema: { type: [string, "null"], exclusiveMinimum: 0 }
              example: null
      `,
      RULE,
    );
    expect(places(problems)).toEqual([[12, 17]]);
    expect(problems[0]!.message).toContain('example "long" does not match the schema: must NOT have more than 2 items');
  });

  it("follows $refs into other files, and reports in the file where the example is written", async () => {
    const problems = await lintFiles(
      {
        "openapi.yaml": yaml`
          openapi: 3.1.0
          info: { title: Pets, version: 1.0.0 }
          paths:
            /pets:
              post:
                requestBody:
                  content:
                    application/json:
                      schema: { $ref: "schemas.yaml#/Pet" }
                      examples: { one: { $ref: "examples.yaml#/Pet" } }
                responses: { "204": { description: done } }
        `,
        "schemas.yaml":
          "Pet: { type: object, properties: { age: { $ref: '#/Age' } } }\nAge: { type: integer, minimum: 0 }\n",
        "examples.yaml": "Pet:\n  value:\n    age: -1\n",
      },
      RULE,
    );
    expect(problems.map((p) => [p.file.endsWith("examples.yaml"), p.line, p.column])).toEqual([[true, 3, 5]]);
  });

  it("stops after maxExamples", async () => {
    const spec = yaml`
      openapi: 3.1.0
      info: { title: Pets, version: 1.0.0 }
      paths: {}
      components:
        headers:
          A: { schema: { type: integer }, example: a }
          B: { schema: { type: integer }, example: b }
    `;
    expect((await lintYaml(spec, RULE)).length).toBe(2);
    expect((await lintYaml(spec, RULE, { options: { maxExamples: 1 } })).length).toBe(1);
  });
});
