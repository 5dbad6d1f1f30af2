import { describe, expect, it } from "vitest";
import { runCli, STACK_FRAME } from "./run-cli.js";
import { writeSpecFiles as tempTree } from "../load/temp-spec.js";
import { OWNER_PLUGIN, SPEC } from "../conventions/plugins/plugin-fixtures.js";

describe("specwright lint with plugins", () => {
  it("reports a plugin rule's problems in every format, linked to the rule's docs", () => {
    const dir = tempTree({
      "specwright.config.yaml": "plugins: [./rules/acme.mjs]\n",
      "rules/acme.mjs": OWNER_PLUGIN,
      "api.yaml": SPEC,
    });
    const json = runCli(["lint", "api.yaml", "-f", "json"], { cwd: dir });
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout).filter((d: { ruleId: string }) => d.ruleId === "acme/has-owner")).toEqual([
      {
        ruleId: "acme/has-owner",
        severity: "error",
        message: "POST /v1/orders has no x-owner",
        file: "api.yaml",
        line: 10,
        column: 5,
        pointer: "/paths/~1v1~1orders/post",
        docUrl: "https://acme.example/rules/has-owner",
      },
    ]);
    const sarif = JSON.parse(runCli(["lint", "api.yaml", "-f", "sarif"], { cwd: dir }).stdout);
    expect(sarif.runs[0].tool.driver.rules).toContainEqual(
      expect.objectContaining({
        id: "acme/has-owner",
        shortDescription: { text: "Every operation names its owning team in x-owner." },
        helpUri: "https://acme.example/rules/has-owner",
      }),
    );
    expect(runCli(["lint", "api.yaml", "-f", "github"], { cwd: dir }).stdout).toContain(
      "title=acme/has-owner::POST /v1/orders has no x-owner (acme/has-owner: https://acme.example/rules/has-owner)",
    );
    expect(runCli(["lint", "api.yaml"], { cwd: dir }).stdout).toContain(
      "  10:5     error  POST /v1/orders has no x-owner  acme/has-owner",
    );
  });

  it("a baseline accepts a plugin rule's problems like any other", () => {
    const dir = tempTree({
      "specwright.config.yaml":
        "extends: minimal\nbaseline: .specwright-baseline.json\nplugins: [./rules/acme.mjs]\nrules: { acme/has-owner: error }\n",
      "rules/acme.mjs": OWNER_PLUGIN,
      "api.yaml": SPEC,
    });
    expect(runCli(["lint", "api.yaml"], { cwd: dir }).code).toBe(1);
    expect(runCli(["lint", "api.yaml", "--write-baseline"], { cwd: dir }).stderr).toContain("wrote 1 problem");
    expect(runCli(["lint", "api.yaml"], { cwd: dir })).toMatchObject({
      code: 0,
      stdout: "✔ no problems (1 file linted)\n",
    });
  });

  it("exits 2 with the config line, no stack trace, when a plugin cannot be loaded", () => {
    const dir = tempTree({
      "specwright.config.yaml": "extends: recommended\nplugins:\n  - ./rules/acme.mjs\n",
      "rules/acme.mjs": "export default { rules: [ }\n",
      "api.yaml": SPEC,
    });
    const result = runCli(["lint", "api.yaml"], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/specwright\.config\.yaml:3:5/);
    expect(result.stderr).toContain('cannot load "./rules/acme.mjs"');
    expect(result.stderr).toContain("SyntaxError");
    expect(result.stderr).not.toMatch(STACK_FRAME);
  });

  it("exits 2 on a misspelt rule option, naming the option and suggesting the right one", () => {
    const dir = tempTree({
      "specwright.config.yaml": "rules:\n  rest/plural-collections: [warn, { singletonz: [config] }]\n",
      "api.yaml": SPEC,
    });
    const result = runCli(["lint", "api.yaml"], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      'specwright.config.yaml:2:37: unknown option "singletonz" for rule rest/plural-collections',
    );
    expect(result.stderr).toContain('did you mean "singletons"?');
  });
});
