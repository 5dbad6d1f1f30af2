import { describe, expect, it } from "vitest";
import { ALL_RULES, presetRules } from "../../../../generator/conventions/index.js";
import { lintYaml, yaml } from "../../lint-fixture.js";

const RULE = "oas/no-equivalent-paths";
const OK = `{ get: { responses: { "200": { description: ok } } } }`;

describe(RULE, () => {
  it("accepts paths that differ in a literal segment, custom methods, and a concrete path beside a templated one", async () => {
    const problems = await lintYaml(
      yaml`
        openapi: 3.1.0
        info: { title: Jobs, version: 1.0.0 }
        paths:
          /v1/{name}: ${OK}
          /v1/{name}:cancel: ${OK}
          /v1/jobs: ${OK}
          /v1/{name}/runs/{run}: ${OK}
          /v1/{name}/steps/{step}: ${OK}
      `,
      RULE,
    );
    expect(problems).toEqual([]);
  });

  it("reports each later path of a group, at its key, naming the path it duplicates", async () => {
    const problems = await lintYaml(
      yaml`
        openapi: 3.1.0
        info: { title: Jobs, version: 1.0.0 }
        paths:
          /v1/{name}: ${OK}
          /v1/{jobName}: ${OK}
          /collection/{slug}/icons/{x}.png: ${OK}
          /collection/{id}/icons/{y}.png: ${OK}
      `,
      RULE,
    );
    expect(problems.map((p) => [p.severity, p.line, p.column])).toEqual([
      ["error", 4, 3],
      ["error", 6, 3],
    ]);
    expect(problems.map((p) => p.message)).toEqual([
      `path "/v1/{name}" is the same as "/v1/{jobName}" (/v1/{} with other parameter names); OpenAPI forbids this, and a server sends every request to "/v1/{jobName}": merge the two paths or change one's literal segments`,
      `path "/collection/{slug}/icons/{x}.png" is the same as "/collection/{id}/icons/{y}.png" (/collection/{}/icons/{}.png with other parameter names); OpenAPI forbids this, and a server sends every request to "/collection/{id}/icons/{y}.png": merge the two paths or change one's literal segments`,
    ]);
  });

  it("is an error in recommended and strict, a warning in minimal", () => {
    expect(
      ["minimal", "recommended", "strict"].map((preset) => presetRules(preset as "minimal", ALL_RULES)[RULE]?.severity),
    ).toEqual(["warn", "error", "error"]);
  });
});
