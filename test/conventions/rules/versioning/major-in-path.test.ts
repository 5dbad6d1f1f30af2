import { describe, expect, it } from "vitest";
import { lintYaml, yaml } from "../../lint-fixture.js";

const RULE = "versioning/major-in-path";

describe(RULE, () => {
  it("accepts a major version in every server URL", async () => {
    const problems = await lintYaml(
      yaml`
        openapi: 3.1.0
        info: { title: Pets, version: 1.0.0 }
        servers:
          - url: https://api.example.com/v1
        paths:
          /pets:
            get:
              responses: { "200": { description: ok } }
      `,
      RULE,
    );
    expect(problems).toEqual([]);
  });

  it("accepts a major version in every path when servers have none", async () => {
    const problems = await lintYaml(
      yaml`
        openapi: 3.1.0
        info: { title: Pets, version: 1.0.0 }
        servers:
          - url: https://api.example.com
        paths:
          /v1/pets:
            get:
              responses: { "200": { description: ok } }
      `,
      RULE,
    );
    expect(problems).toEqual([]);
  });

  it("reports each unversioned path at its line", async () => {
    const problems = await lintYaml(
      yaml`
        openapi: 3.1.0
        info: { title: Pets, version: 1.0.0 }
        servers:
          - url: https://api.example.com
        paths:
          /v1/pets:
            get:
              responses: { "200": { description: ok } }
          /owners:
            get:
              responses: { "200": { description: ok } }
      `,
      RULE,
    );
    expect(problems.map((p) => [p.ruleId, p.line, p.column, p.severity])).toEqual([[RULE, 9, 3, "error"]]);
    expect(problems[0]!.pointer).toBe("/paths/~1owners");
  });

  it("rejects a fractional version such as v2.5", async () => {
    const problems = await lintYaml(
      yaml`
        openapi: 3.1.0
        info: { title: Pets, version: 2.5.0 }
        servers:
          - url: https://api.example.com/v2.5
        paths: {}
      `,
      RULE,
    );
    expect(problems.map((p) => p.line)).toContain(4);
    expect(problems[0]!.message).toContain("v2.5");
  });

  it("is silenced by x-specwright-ignore on the node", async () => {
    const problems = await lintYaml(
      yaml`
        openapi: 3.1.0
        info: { title: Pets, version: 1.0.0 }
        paths:
          /health:
            x-specwright-ignore: [versioning/major-in-path]
            get:
              responses: { "200": { description: ok } }
      `,
      RULE,
    );
    expect(problems).toEqual([]);
  });

  it("reports an unversioned API once, at the server URL where the segment belongs", async () => {
    const document = yaml`
      openapi: 3.1.0
      info: { title: Pets, version: 1.0.0 }
      servers:
        - url: https://api.example.com/
      paths:
        /pets:
          get:
            responses: { "200": { description: ok } }
        /owners:
          get:
            responses: { "200": { description: ok } }
    `;
    const problems = await lintYaml(document, RULE);
    expect(problems.map((p) => [p.ruleId, p.line, p.column, p.pointer])).toEqual([[RULE, 4, 5, "/servers/0/url"]]);
    expect(problems[0]!.message).toContain("https://api.example.com/v1");
    expect(await lintYaml(document, RULE, { settings: { versioning: { strategy: "header" } } })).toEqual([]);
  });
});
