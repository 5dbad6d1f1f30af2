import { describe, expect, it } from "vitest";
import { lintYaml, yaml } from "../../lint-fixture.js";
import { PROBLEM_COMPONENTS } from "./problem-components.js";

const RULE = "errors/no-error-in-success";

describe(RULE, () => {
  it("accepts resources, including one with a status that can be failed", async () => {
    const problems = await lintYaml(
      yaml`
        openapi: 3.1.0
        info: { title: Builds, version: 1.0.0 }
        paths:
          /builds/{build_id}:
            get:
              responses:
                "200":
                  description: the build
                  content:
                    application/json:
                      schema:
                        type: object
                        properties:
                          id: { type: string }
                          status: { type: string, enum: [queued, running, error, succeeded] }
                "404": { description: e, content: { application/problem+json: { schema: { $ref: '#/components/schemas/Problem' } } } }
      ` + PROBLEM_COMPONENTS,
      RULE,
    );
    expect(problems).toEqual([]);
  });

  it("reports §7's { code, status: error } envelope returned with 200", async () => {
    const problems = await lintYaml(
      yaml`
        openapi: 3.1.0
        info: { title: Login, version: 1.0.0 }
        paths:
          /sessions:
            post:
              responses:
                "200":
                  description: logged in, or not
                  content:
                    application/json:
                      schema:
                        type: object
                        properties:
                          code: { type: integer, examples: [401] }
                          status: { type: string, enum: [ok, error] }
                          data: { type: object }
      `,
      RULE,
    );
    expect(problems.map((p) => [p.ruleId, p.severity, p.line, p.column])).toEqual([[RULE, "warn", 11, 15]]);
    expect(problems[0]!.message).toBe(
      `success response 200 returns a status envelope that can say "error"; report errors with a 4xx/5xx status and the standard error schema, not with 200`,
    );
  });

  it("reports a 2xx that returns the standard error schema or an { error } body", async () => {
    const problems = await lintYaml(
      yaml`
        openapi: 3.1.0
        info: { title: Jobs, version: 1.0.0 }
        paths:
          /jobs:
            post:
              responses:
                "202":
                  description: accepted
                  content:
                    application/json:
                      schema: { $ref: '#/components/schemas/Problem' }
                "200":
                  description: done
                  content:
                    application/json:
                      schema: { type: object, properties: { error: { type: string }, message: { type: string } } }
      ` + PROBLEM_COMPONENTS,
      RULE,
    );
    expect(problems.map((p) => [p.line, p.message])).toEqual([
      [
        11,
        `success response 202 returns the error schema "Problem"; report errors with a 4xx/5xx status and the standard error schema, not with 202`,
      ],
      [
        16,
        `success response 200 returns an error envelope (member "error"); report errors with a 4xx/5xx status and the standard error schema, not with 200`,
      ],
    ]);
  });

  it("reports the API's error schema returned with 200 when it is the one the error responses return", async () => {
    const problems = await lintYaml(
      yaml`
        openapi: 3.1.0
        info: { title: Tasks, version: 1.0.0 }
        paths:
          /tasks:
            get:
              responses:
                "200": { description: ok, content: { application/json: { schema: { $ref: '#/components/schemas/ErrorResponse' } } } }
                "400": { description: e, content: { application/json: { schema: { $ref: '#/components/schemas/ErrorResponse' } } } }
        components:
          schemas:
            ErrorResponse: { type: object, properties: { errors: { type: array, items: { type: object } } } }
      `,
      RULE,
    );
    expect(problems.map((p) => [p.line, p.message])).toEqual([
      [
        7,
        'success response 200 returns the error schema "ErrorResponse"; report errors with a 4xx/5xx status and the standard error schema, not with 200',
      ],
    ]);
  });
});
