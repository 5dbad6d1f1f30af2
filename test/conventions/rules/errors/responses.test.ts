import { describe, expect, it } from "vitest";
import { lintFiles, lintYaml, yaml } from "../../lint-fixture.js";
import { PROBLEM_COMPONENTS } from "./problem-components.js";

const RULE = "errors/responses";

describe(RULE, () => {
  it("accepts problem+json responses that $ref the Problem schema, directly, through a shared response or by allOf", async () => {
    const problems = await lintYaml(
      yaml`
        openapi: 3.1.0
        info: { title: Pets, version: 1.0.0 }
        paths:
          /pets/{pet_id}:
            get:
              responses:
                "200": { description: ok }
                "404":
                  description: not found
                  content:
                    application/problem+json:
                      schema: { $ref: '#/components/schemas/Problem' }
                "4XX": { $ref: '#/components/responses/Error' }
                default:
                  description: a problem with more members
                  content:
                    application/problem+json:
                      schema:
                        allOf:
                          - $ref: '#/components/schemas/Problem'
                          - properties: { retry_in: { type: integer } }
      ` +
        PROBLEM_COMPONENTS +
        yaml`
          responses:
            Error:
              description: any error
              content:
                application/problem+json: { schema: { $ref: '#/components/schemas/Problem' } }
        `.replace(/^/gm, "  "),
      RULE,
    );
    expect(problems).toEqual([]);
  });

  it("reports the wrong media type, an inline schema and a missing body, each at its place", async () => {
    const problems = await lintYaml(
      yaml`
        openapi: 3.1.0
        info: { title: Pets, version: 1.0.0 }
        paths:
          /pets:
            post:
              responses:
                "201": { description: created }
                "400":
                  description: invalid
                  content:
                    application/json:
                      schema: { $ref: '#/components/schemas/Problem' }
                "409":
                  description: conflict
                  content:
                    application/problem+json:
                      schema: { type: object, properties: { title: { type: string } } }
                "500":
                  description: failed
      ` + PROBLEM_COMPONENTS,
      RULE,
    );
    expect(problems.map((p) => [p.ruleId, p.severity, p.line, p.column, p.pointer])).toEqual([
      [RULE, "error", 10, 11, "/paths/~1pets/post/responses/400/content"],
      [RULE, "error", 17, 15, "/paths/~1pets/post/responses/409/content/application~1problem+json/schema"],
      [RULE, "error", 18, 9, "/paths/~1pets/post/responses/500"],
    ]);
    expect(problems.map((p) => p.message)).toEqual([
      "error response 400 is application/json; serve the standard error schema as application/problem+json",
      "error response 409 must use the standard error schema: set its schema to $ref: '#/components/schemas/Problem'",
      "error response 500 has no body; return the standard error schema ($ref: '#/components/schemas/Problem') as application/problem+json",
    ]);
  });

  it("reports a shared response once, where it is defined, however many operations use it", async () => {
    const problems = await lintYaml(
      yaml`
        openapi: 3.1.0
        info: { title: Pets, version: 1.0.0 }
        paths:
          /pets:
            get:
              responses: { "200": { description: ok }, "500": { $ref: '#/components/responses/Error' } }
          /owners:
            get:
              responses: { "200": { description: ok }, "500": { $ref: '#/components/responses/Error' } }
        components:
          responses:
            Error:
              description: any error
              content:
                application/json: { schema: { type: object } }
      `,
      RULE,
    );
    expect(problems.map((p) => [p.line, p.column])).toEqual([[14, 7]]);
  });

  it("follows settings.errors: another schema name and media type", async () => {
    const document = yaml`
      openapi: 3.1.0
      info: { title: Pets, version: 1.0.0 }
      paths:
        /pets:
          get:
            responses:
              "200": { description: ok }
              "500":
                description: failed
                content:
                  application/json: { schema: { $ref: '#/components/schemas/Error' } }
      components:
        schemas:
          Error: { type: object, properties: { code: {}, message: {}, description: {} } }
    `;
    expect(
      await lintYaml(document, RULE, { settings: { errors: { schema: "Error", mediaType: "application/json" } } }),
    ).toEqual([]);
    const withDefaults = await lintYaml(document, RULE);
    expect(withDefaults.map((p) => [p.line, p.message])).toEqual([
      [10, "error response 500 is application/json; serve the standard error schema as application/problem+json"],
    ]);
  });

  it("without the configured schema, asks for the one most error responses return, not at every response", async () => {
    const problems = await lintYaml(
      yaml`
        openapi: 3.1.0
        info: { title: Tasks, version: 1.0.0 }
        paths:
          /tasks:
            get:
              responses:
                "200": { description: ok }
                "400": { $ref: '#/components/responses/Failed' }
                "404": { $ref: '#/components/responses/Failed' }
                "500":
                  description: failed
                  content:
                    application/problem+json: { schema: { type: object, properties: { message: { type: string } } } }
        components:
          responses:
            Failed:
              description: failed
              content:
                application/problem+json: { schema: { $ref: '#/components/schemas/ErrorResponse' } }
          schemas:
            ErrorResponse: { type: object, properties: { errors: { type: array, items: { type: object } } } }
      `,
      RULE,
    );
    expect(problems.map((p) => [p.line, p.message])).toEqual([
      [
        13,
        "error response 500 must use the standard error schema: set its schema to $ref: '#/components/schemas/ErrorResponse'",
      ],
    ]);
  });

  it("accepts an error response in another file that references the schema file, and reports one that does not", async () => {
    const problems = await lintFiles(
      {
        "openapi.yaml": yaml`
          openapi: 3.1.0
          info: { title: Pets, version: 1.0.0 }
          paths:
            /pets:
              get:
                responses:
                  "200": { description: ok }
                  "404": { $ref: './responses.yaml#/NotFound' }
                  "500": { $ref: './responses.yaml#/Failed' }
          components:
            schemas:
              Problem: { $ref: './problem.yaml' }
        `,
        "responses.yaml": yaml`
          NotFound:
            description: not found
            content:
              application/problem+json:
                schema: { $ref: './problem.yaml' }
          Failed:
            description: failed
            content:
              application/problem+json:
                schema: { $ref: './other.yaml' }
        `,
        "problem.yaml": "type: object\n",
        "other.yaml": "type: object\n",
      },
      RULE,
    );
    expect(problems.map((p) => [p.file.endsWith("/responses.yaml"), p.line, p.column])).toEqual([[true, 10, 7]]);
  });

  it("skips HEAD, which has no body", async () => {
    const problems = await lintYaml(
      yaml`
        openapi: 3.1.0
        info: { title: Pets, version: 1.0.0 }
        paths:
          /pets:
            head:
              responses: { "200": { description: ok }, "404": { description: not found } }
      ` + PROBLEM_COMPONENTS,
      RULE,
    );
    expect(problems).toEqual([]);
  });
});
