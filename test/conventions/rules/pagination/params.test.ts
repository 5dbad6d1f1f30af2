import { describe, expect, it } from "vitest";
import { lintFiles, lintYaml, yaml } from "../../lint-fixture.js";

const RULE = "pagination/params";

describe(RULE, () => {
  it("accepts the cursor parameters (shared components, page_size minimum 0 = server default)", async () => {
    const problems = await lintYaml(
      yaml`
        openapi: 3.1.0
        info: { title: Pets, version: 1.0.0 }
        paths:
          /pets:
            get:
              parameters:
                - $ref: "#/components/parameters/PageSize"
                - $ref: "#/components/parameters/PageToken"
              responses:
                "200": { description: ok, content: { application/json: { schema: { $ref: "#/components/schemas/PetList" } } } }
        components:
          parameters:
            PageSize: { name: page_size, in: query, schema: { type: integer, minimum: 0, maximum: 100, default: 0 } }
            PageToken: { name: page_token, in: query, schema: { type: string } }
          schemas:
            PetList:
              type: object
              properties:
                items: { type: array, items: { type: object } }
                next_page_token: { type: string }
      `,
      RULE,
    );
    expect(problems).toEqual([]);
  });

  it("accepts the offset parameters with pagination.style offset", async () => {
    const problems = await lintYaml(
      yaml`
        openapi: 3.0.3
        info: { title: Books, version: 1.0.0 }
        paths:
          /books:
            get:
              parameters:
                - { name: offset, in: query, schema: { type: integer, minimum: 0, default: 0 } }
                - { name: limit, in: query, schema: { type: integer, minimum: 0, exclusiveMinimum: true, maximum: 100, default: 20 } }
              responses:
                "200": { description: ok, content: { application/json: { schema: { type: object, properties: { items: { type: array } } } } } }
      `,
      RULE,
      { settings: { pagination: { style: "offset" } } },
    );
    expect(problems).toEqual([]);
  });

  it("reports each wrong keyword where it is written", async () => {
    const problems = await lintYaml(
      yaml`
        openapi: 3.1.0
        info: { title: Pets, version: 1.0.0 }
        paths:
          /pets:
            get:
              parameters:
                - name: page_size
                  in: query
                  schema:
                    type: integer
                    minimum: 5
                    default: "20"
                - name: page_token
                  in: query
                  required: true
                  schema: { type: integer }
              responses:
                "200": { description: ok, content: { application/json: { schema: { type: object, properties: { items: { type: array } } } } } }
      `,
      RULE,
    );
    expect(problems.map((p) => [p.line, p.column, p.pointer.split("/").slice(-2).join("/")])).toEqual([
      [9, 11, "0/schema"], // no maximum: at the schema
      [11, 13, "schema/minimum"],
      [12, 13, "schema/default"],
      [15, 11, "1/required"],
      [16, 21, "schema/type"],
    ]);
    expect(problems.every((p) => p.ruleId === RULE && p.severity === "error")).toBe(true);
    expect(problems.find((p) => p.line === 11)!.message).toContain("use minimum: 1");
    expect(problems.find((p) => p.line === 16)!.message).toContain("type: string");
  });

  it("reports the missing parameter of the configured style once per operation, naming the style it uses instead", async () => {
    const problems = await lintYaml(
      yaml`
        openapi: 3.1.0
        info: { title: Pets, version: 1.0.0 }
        paths:
          /pets:
            get:
              parameters:
                - { name: offset, in: query, schema: { type: integer, minimum: 0 } }
                - { name: limit, in: query, schema: { type: integer, minimum: 1, maximum: 50, default: 10 } }
              responses:
                "200": { description: ok, content: { application/json: { schema: { type: object, properties: { items: { type: array } } } } } }
      `,
      RULE,
      { settings: { pagination: { style: "cursor" } } },
    );
    expect(problems.map((p) => [p.ruleId, p.line, p.column])).toEqual([[RULE, 6, 7]]);
    expect(problems[0]!.message).toContain("page_size (integer) and page_token (string)");
    expect(problems[0]!.message).toContain("offset/limit");
  });

  it("names the differently spelled cursor parameter it found (pageToken)", async () => {
    const problems = await lintYaml(
      yaml`
        openapi: 3.1.0
        info: { title: Pets, version: 1.0.0 }
        paths:
          /pets:
            get:
              parameters:
                - { name: pageToken, in: query, schema: { type: string } }
              responses:
                "200": { description: ok, content: { application/json: { schema: { type: object, properties: { items: { type: array }, total_count: { type: integer } } } } } }
      `,
      RULE,
    );
    expect(problems.map((p) => [p.line, p.column])).toEqual([[6, 7]]);
    expect(problems[0]!.message).toContain("It pages with pageToken: rename the parameters");
  });

  it("reports a shared parameter in another file once, at that file's line", async () => {
    const list = (path: string) => `  ${path}:
    get:
      parameters:
        - $ref: "parameters.yaml#/PageSize"
        - { name: page_token, in: query, schema: { type: string } }
      responses:
        "200": { description: ok, content: { application/json: { schema: { type: object, properties: { items: { type: array } } } } } }
`;
    const problems = await lintFiles(
      {
        "openapi.yaml": `openapi: 3.1.0\ninfo: { title: Pets, version: 1.0.0 }\npaths:\n${list("/pets")}${list("/owners")}`,
        "parameters.yaml": yaml`
          PageSize:
            name: page_size
            in: query
            schema:
              type: integer
              minimum: 1
              maximum: 100
        `,
      },
      RULE,
    );
    expect(problems.map((p) => [p.file.split("/").pop(), p.line, p.column])).toEqual([["parameters.yaml", 4, 3]]);
    expect(problems[0]!.message).toContain("no default");
  });

  it("verifies an x-pagination declaration's parameters instead of the style", async () => {
    const problems = await lintYaml(
      yaml`
        openapi: 3.1.0
        info: { title: Charges, version: 1.0.0 }
        paths:
          /charges:
            get:
              x-pagination: { style: after, sizeParam: limit }
              parameters:
                - { name: limit, in: query, schema: { type: integer } }
                - { name: starting_after, in: query, schema: { type: string } }
              responses:
                "200": { description: ok, content: { application/json: { schema: { type: object, properties: { data: { type: array }, has_more: { type: boolean } } } } } }
          /refunds:
            get:
              x-pagination:
                style: after
                afterParam: starting_after
                sizeParam: per_page
              parameters:
                - { name: limit, in: query, schema: { type: integer } }
              responses:
                "200": { description: ok, content: { application/json: { schema: { type: object, properties: { data: { type: array }, has_more: { type: boolean } } } } } }
          /events:
            get:
              x-pagination: { style: pages }
              responses:
                "200": { description: ok }
      `,
      RULE,
    );
    expect(problems.map((p) => [p.line, p.column, p.pointer.split("/").pop()])).toEqual([
      [16, 9, "afterParam"],
      [17, 9, "sizeParam"],
      [24, 7, "x-pagination"],
    ]);
    expect(problems[0]!.message).toContain(`"starting_after"`);
    expect(problems[2]!.message).toContain("style cursor | offset | link | after");
  });

  it("refuses a string offset in an offset-style declaration, as the generator does (Asana's offset is a token)", async () => {
    const problems = await lintYaml(
      yaml`
        openapi: 3.0.3
        info: { title: Tasks, version: 1.0.0 }
        paths:
          /projects:
            get:
              x-pagination: { style: offset }
              parameters:
                - { name: limit, in: query, schema: { type: integer } }
                - { name: offset, in: query, schema: { $ref: "#/components/schemas/Token" } }
              responses:
                "200": { description: ok, content: { application/json: { schema: { type: object, properties: { data: { type: array } } } } } }
        components:
          schemas:
            Token: { type: string }
      `,
      RULE,
    );
    expect(problems.map((p) => [p.line, p.pointer.split("/").pop()])).toEqual([[6, "x-pagination"]]);
    expect(problems[0]!.message).toContain("a string offset is a token");
  });
});
