import { describe, expect, it } from "vitest";
import { ALL_RULES, presetConfig } from "../../../../generator/conventions/index.js";
import { lintYaml, yaml } from "../../lint-fixture.js";

const SPEC = yaml`
  openapi: 3.1.0
  info: { title: Pets, version: 1.0.0 }
  paths:
    /pets:
      get: { summary: List pets, description: Lists the pets by name., responses: { "200": { description: ok } } }
      post: { summary: "  ", responses: { "201": { description: ok } } }
`;

describe("oas/operation-summary", () => {
  it("reports the operation without a (non-blank) summary, at the summary", async () => {
    const problems = await lintYaml(SPEC, "oas/operation-summary");
    expect(problems.map((p) => [p.severity, p.line, p.column, p.message])).toEqual([
      ["warn", 6, 13, 'POST /pets has no summary; add summary: a short phrase such as "List pets"'],
    ]);
  });
});

describe("oas/operation-description", () => {
  it("reports the operation without a description, at its method", async () => {
    const problems = await lintYaml(SPEC, "oas/operation-description");
    expect(problems.map((p) => [p.line, p.column])).toEqual([[6, 5]]);
    expect(problems[0]!.message).toContain("POST /pets has no description");
  });

  it("is off in recommended and only warns in strict", () => {
    expect(presetConfig("recommended", ALL_RULES).rules["oas/operation-description"]?.severity).toBe("off");
    expect(presetConfig("strict", ALL_RULES).rules["oas/operation-description"]?.severity).toBe("warn");
    expect(presetConfig("strict", ALL_RULES).rules["oas/operation-summary"]?.severity).toBe("error");
  });
});
