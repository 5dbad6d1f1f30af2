import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import Ajv04Module from "ajv-draft-04";
import addFormatsModule from "ajv-formats";
import { runCli } from "./run-cli.js";
import { writeSpecFiles as tempTree } from "../load/temp-spec.js";
import { ERROR_CONFIG, FLAWED_SPEC } from "./fixtures.js";

const require = createRequire(import.meta.url);
const Ajv04 = Ajv04Module as unknown as typeof Ajv04Module.default;
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;
const sarifSchema = JSON.parse(
  readFileSync(require.resolve("@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json"), "utf8"),
);
const validateSarif = addFormats(new Ajv04({ strict: false, unicodeRegExp: false })).compile(sarifSchema);

// The casing problem of FLAWED_SPEC is on line 5, column 3 (the `/Pets:` key).
const dir = tempTree({ "specwright.config.yaml": ERROR_CONFIG, "specs/api.yaml": FLAWED_SPEC });

describe("specwright lint output formats", () => {
  it("stylish: relative path, position, code frame and summary; no colours without a terminal", () => {
    const { stdout, code } = runCli(["lint", "specs/api.yaml"], { cwd: dir });
    const lines = stdout.split("\n");
    expect(lines[0]).toBe("specs/api.yaml");
    expect(lines[1]).toMatch(/^ {2}5:3 +error +.*rest\/path-casing$/);
    expect(lines.slice(2, 6)).toEqual([
      "      4 | paths:",
      "    > 5 |   /Pets:",
      "        |   ^",
      "      6 |     get: { operationId: listPets, responses: { '204': { description: none } } }",
    ]);
    expect(stdout).toContain("✖ 1 problem (1 error, 0 warnings)");
    expect(stdout).not.toContain("\u001b[");
    expect(code).toBe(1);
  });

  it("stylish: FORCE_COLOR adds colours, NO_COLOR wins over it", () => {
    expect(runCli(["lint", "specs/api.yaml"], { cwd: dir, env: { FORCE_COLOR: "1" } }).stdout).toContain("\u001b[");
    expect(
      runCli(["lint", "specs/api.yaml"], { cwd: dir, env: { FORCE_COLOR: "1", NO_COLOR: "1" } }).stdout,
    ).not.toContain("\u001b[");
  });

  it("json: one array with the contract's fields", () => {
    const { stdout, code } = runCli(["lint", "specs/api.yaml", "--format", "json"], { cwd: dir });
    const items = JSON.parse(stdout) as Array<Record<string, unknown>>;
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      ruleId: "rest/path-casing",
      severity: "error",
      file: "specs/api.yaml",
      line: 5,
      column: 3,
      pointer: "/paths/~1Pets",
      docUrl: "docs/rules.md#rest-path-casing",
    });
    expect(typeof items[0]!.message).toBe("string");
    expect(code).toBe(1);
  });

  it("sarif: a valid SARIF 2.1.0 log with the problem's place", () => {
    const { stdout } = runCli(["lint", "specs/api.yaml", "--format", "sarif"], { cwd: dir });
    const log = JSON.parse(stdout);
    expect(validateSarif(log)).toBe(true);
    expect(log.runs[0].results[0].locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: "specs/api.yaml", uriBaseId: "%SRCROOT%" },
      region: { startLine: 5, startColumn: 3 },
    });
  });

  it("github: workflow commands", () => {
    const { stdout } = runCli(["lint", "specs/api.yaml", "--format", "github"], { cwd: dir });
    expect(stdout).toMatch(/^::error file=specs\/api\.yaml,line=5,col=3,title=rest\/path-casing::.+\n$/);
  });
});
