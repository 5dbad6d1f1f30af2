import { describe, expect, it } from "vitest";
import { lintFiles, lintYaml, yaml } from "../../lint-fixture.js";

const RULE = "pagination/response";

describe(RULE, () => {
  it("accepts a cursor page: items, next_page_token (string) and an integer total_size, composed with allOf", async () => {
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
                        allOf:
                          - $ref: "#/components/schemas/Page"
                          - properties: { items: { type: array, items: { type: object } } }
        components:
          schemas:
            Page:
              type: object
              properties:
                next_page_token: { type: string }
                total_size: { type: integer }
      `,
      RULE,
    );
    expect(problems).toEqual([]);
  });

  it("reports a missing next_page_token at the envelope, a wrong type at its keyword, a foreign items name at the property", async () => {
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
                        type: object
                        properties:
                          data:
                            type: array
                          total_size:
                            type: string
      `,
      RULE,
    );
    expect(problems.map((p) => [p.ruleId, p.line, p.column])).toEqual([
      [RULE, 13, 15],
      [RULE, 16, 19],
      [RULE, 19, 21],
    ]);
    expect(problems[0]!.message).toContain("next_page_token");
    expect(problems[1]!.message).toContain(`named "data"; name it "items"`);
    expect(problems[2]!.message).toContain("total_size must have type: integer");
  });

  it("accepts the plural resource name for the items array when allowResourceName is on", async () => {
    const document = yaml`
      openapi: 3.1.0
      info: { title: Pets, version: 1.0.0 }
      paths:
        /pets:
          get:
            parameters:
              - { name: page_token, in: query, schema: { type: string } }
            responses:
              "200": { description: ok, content: { application/json: { schema: { type: object, properties: { pets: { type: array }, next_page_token: { type: string } } } } } }
    `;
    expect(await lintYaml(document, RULE, { options: { allowResourceName: true } })).toEqual([]);
    expect((await lintYaml(document, RULE)).map((p) => p.line)).toEqual([9]);
  });

  it("asks offset lists for a Link header, reported at the shared response in another file", async () => {
    const files = (headers: string) => ({
      "openapi.yaml": yaml`
        openapi: 3.1.0
        info: { title: Books, version: 1.0.0 }
        paths:
          /books:
            get:
              parameters:
                - { name: offset, in: query, schema: { type: integer, minimum: 0 } }
                - { name: limit, in: query, schema: { type: integer, minimum: 1, maximum: 100, default: 20 } }
              responses:
                "200":
                  $ref: "responses.yaml#/BookPage"
      `,
      "responses.yaml": `BookPage:\n  description: One page of books.\n${headers}  content:\n    application/json:\n      schema:\n        type: object\n        properties:\n          items: { type: array }\n          total_size: { type: integer }\n`,
    });
    const settings = { pagination: { style: "offset" as const } };
    expect(await lintFiles(files("  headers:\n    Link: { schema: { type: string } }\n"), RULE, { settings })).toEqual(
      [],
    );
    const problems = await lintFiles(files(""), RULE, { settings });
    expect(problems.map((p) => [p.ruleId, p.file.split("/").pop(), p.line, p.column])).toEqual([
      [RULE, "responses.yaml", 1, 1],
    ]);
    expect(problems[0]!.message).toContain("Link header");
  });

  it("verifies an x-pagination declaration's fields, items and Link header instead of the style", async () => {
    const problems = await lintYaml(
      yaml`
        openapi: 3.1.0
        info: { title: Shop, version: 1.0.0 }
        paths:
          /charges:
            get:
              x-pagination: { style: after }
              parameters:
                - { name: starting_after, in: query, schema: { type: string } }
              responses:
                "200":
                  description: ok
                  content:
                    application/json:
                      schema:
                        type: object
                        properties:
                          data: { type: array, items: { type: object, properties: { id: { type: string } } } }
                          has_more: { type: boolean }
          /refunds:
            get:
              x-pagination:
                style: cursor
                nextTokenField: next_cursor
                itemsField: refunds
              parameters:
                - { name: page_token, in: query, schema: { type: string } }
              responses:
                "200": { description: ok, content: { application/json: { schema: { type: object, properties: { data: { type: array } } } } } }
          /repos:
            get:
              x-pagination: { style: link }
              responses:
                "200": { description: ok, content: { application/json: { schema: { type: array } } } }
      `,
      RULE,
    );
    expect(problems.map((p) => [p.line, p.column, p.pointer.split("/").slice(-1)[0]])).toEqual([
      [23, 9, "nextTokenField"],
      [24, 9, "itemsField"],
      [33, 9, "200"],
    ]);
    expect(problems[0]!.message).toContain(`"next_cursor"`);
    expect(problems[2]!.message).toContain("Link header");
  });

  it("follows dotted x-pagination fields into nested objects through $ref and allOf (Asana's next_page.offset)", async () => {
    const problems = await lintYaml(
      yaml`
        openapi: 3.0.3
        info: { title: Tasks, version: 1.0.0 }
        paths:
          /projects:
            get:
              x-pagination: { style: cursor, tokenParam: offset, nextTokenField: next_page.offset }
              parameters:
                - { name: offset, in: query, schema: { type: string } }
              responses:
                "200": { description: ok, content: { application/json: { schema: { $ref: "#/components/schemas/Page" } } } }
          /tasks:
            get:
              x-pagination: { style: cursor, tokenParam: offset, nextTokenField: next_page.token }
              parameters:
                - { name: offset, in: query, schema: { type: string } }
              responses:
                "200": { description: ok, content: { application/json: { schema: { $ref: "#/components/schemas/Page" } } } }
        components:
          schemas:
            Page:
              type: object
              properties:
                data: { type: array, items: { type: object } }
                next_page: { allOf: [{ $ref: "#/components/schemas/NextPage" }], nullable: true }
            NextPage:
              type: object
              properties: { offset: { type: string }, path: { type: string } }
      `,
      RULE,
    );
    expect(problems.map((p) => [p.line, p.pointer.split("/").slice(-1)[0]])).toEqual([[13, "nextTokenField"]]);
    expect(problems[0]!.message).toContain(`"next_page.token"`);
  });
});
