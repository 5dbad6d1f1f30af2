import { describe, expect, it } from "vitest";
import { lintFiles, lintYaml, yaml } from "../../lint-fixture.js";
import { PROBLEM_COMPONENTS } from "./problem-components.js";

const RULE = "errors/schema";
const HEAD = yaml`
  openapi: 3.1.0
  info: { title: Pets, version: 1.0.0 }
  paths: {}
`;

describe(RULE, () => {
  it("accepts a complete RFC 9457 Problem schema", async () => {
    expect(await lintYaml(HEAD + PROBLEM_COMPONENTS, RULE)).toEqual([]);
  });

  it("accepts members declared through allOf", async () => {
    const problems = await lintYaml(
      HEAD +
        yaml`
          components:
            schemas:
              Problem:
                allOf:
                  - $ref: '#/components/schemas/Base'
                  - properties: { code: { type: string }, errors: { type: array, items: { $ref: '#/components/schemas/FieldError' } } }
              Base:
                properties: { type: {}, title: {}, status: {}, detail: {}, instance: {} }
              FieldError:
                properties: { field: {}, code: {}, message: {} }
        `,
      RULE,
    );
    expect(problems).toEqual([]);
  });

  it("reports a missing standard schema at components.schemas", async () => {
    const problems = await lintYaml(
      HEAD +
        yaml`
          components:
            schemas:
              Pet: { type: object }
        `,
      RULE,
    );
    expect(problems.map((p) => [p.ruleId, p.severity, p.line, p.column])).toEqual([[RULE, "error", 5, 3]]);
    expect(problems[0]!.message).toContain(`"Problem" is not in components.schemas`);
  });

  it("names the schema the error responses return when the configured one is missing", async () => {
    const failure =
      "{ description: e, content: { application/json: { schema: { $ref: '#/components/schemas/Error' } } } }";
    const problems = await lintYaml(
      yaml`
        openapi: 3.1.0
        info: { title: Pets, version: 1.0.0 }
        paths:
          /pets:
            get:
              responses: { "200": { description: ok }, "400": ${failure}, "500": ${failure} }
        components:
          schemas:
            Error: { type: object, properties: { code: { type: integer }, message: { type: string } } }
      `,
      RULE,
    );
    expect(problems.map((p) => p.message)).toEqual([
      `the standard error schema "Problem" is not in components.schemas; define it with type, title, status, detail, instance, code, errors (RFC 9457 Problem Details) or name yours ("Error", which the error responses return) in settings.errors.schema`,
    ]);
  });

  it("names the members the schema lacks, at its properties", async () => {
    const problems = await lintYaml(
      HEAD +
        yaml`
          components:
            schemas:
              Problem:
                type: object
                properties:
                  type: { type: string }
                  title: { type: string }
                  status: { type: integer }
                  detail: { type: string }
                  instance: { type: string }
        `,
      RULE,
    );
    expect(problems.map((p) => [p.line, p.column])).toEqual([[8, 7]]);
    expect(problems[0]!.message).toBe(
      `error schema "Problem" does not declare "code", "errors"; add them under properties`,
    );
  });

  it("asks for field, code and message in each validation failure", async () => {
    const problems = await lintYaml(
      HEAD +
        yaml`
          components:
            schemas:
              Problem:
                properties:
                  type: {}
                  title: {}
                  status: {}
                  detail: {}
                  instance: {}
                  code: {}
                  errors:
                    type: array
                    items:
                      properties: { field: {}, code: {} }
                  `,
      RULE,
    );
    expect(problems.map((p) => [p.line, p.message])).toEqual([
      [
        16,
        `items of "errors" in error schema "Problem" do not declare "message"; each validation failure needs field, code, message`,
      ],
    ]);
  });

  it("reports an errors member that is not an array", async () => {
    const problems = await lintYaml(
      HEAD +
        yaml`
          components:
            schemas:
              Problem:
                properties: { type: {}, title: {}, status: {}, detail: {}, instance: {}, code: {}, errors: { type: string } }
        `,
      RULE,
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toContain(`"errors" of error schema "Problem" must be an array`);
    expect(problems[0]!.line).toBe(7);
  });

  it("checks a configured schema with its own members (§7's { code, message, description })", async () => {
    const document =
      HEAD +
      yaml`
      components:
        schemas:
          Error:
            type: object
            properties:
              code: { type: integer }
              message: { type: string }
    `;
    const settings = { errors: { schema: "Error", requiredMembers: ["code", "message", "description"] } };
    const problems = await lintYaml(document, RULE, { settings });
    expect(problems.map((p) => [p.line, p.message])).toEqual([
      [8, `error schema "Error" does not declare "description"; add it under properties`],
    ]);
    const complete = document + "        description: { type: string }\n";
    expect(await lintYaml(complete, RULE, { settings })).toEqual([]);
  });

  it("reports in the file that defines the schema when it is behind a $ref", async () => {
    const problems = await lintFiles(
      {
        "openapi.yaml":
          HEAD +
          yaml`
          components:
            schemas:
              Problem:
                $ref: './schemas/problem.yaml'
        `,
        "schemas/problem.yaml": yaml`
          type: object
          description: RFC 9457 problem
          properties:
            type: { type: string }
            title: { type: string }
            status: { type: integer }
            detail: { type: string }
            code: { type: string }
            errors: { type: array, items: { properties: { field: {}, code: {}, message: {} } } }
        `,
      },
      RULE,
    );
    expect(problems.map((p) => [p.file.endsWith("/schemas/problem.yaml"), p.line, p.column, p.pointer])).toEqual([
      [true, 3, 1, "/properties"],
    ]);
    expect(problems[0]!.message).toContain(`"instance"`);
  });
});
