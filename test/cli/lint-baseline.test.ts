import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "./run-cli.js";
import { writeSpecFiles as tempTree } from "../load/temp-spec.js";
import { ERROR_CONFIG, FLAWED_SPEC } from "./fixtures.js";

describe("specwright lint --write-baseline / --baseline", () => {
  it("records today's problems, then reports only new ones, also after lines move", () => {
    const dir = tempTree({
      "specwright.config.yaml": ERROR_CONFIG + "baseline: lint-baseline.json\n",
      "api.yaml": FLAWED_SPEC,
    });
    const written = runCli(["lint", "api.yaml", "--write-baseline"], { cwd: dir });
    expect(written.stderr).toBe(`wrote 1 problem to ${join(dir, "lint-baseline.json")}\n`);
    expect(written.code).toBe(0);
    const baseline = JSON.parse(readFileSync(join(dir, "lint-baseline.json"), "utf8"));
    expect(baseline.version).toBe(1);
    expect(baseline.problems).toEqual([
      {
        ruleId: "rest/path-casing",
        file: "api.yaml",
        pointer: "/paths/~1Pets",
        messageHash: expect.stringMatching(/^[0-9a-f]{16}$/),
      },
    ]);

    expect(runCli(["lint", "api.yaml"], { cwd: dir }).code).toBe(0);

    // Lines move (a description is added above the paths) and a new problem appears.
    const moved =
      FLAWED_SPEC.replace("paths:\n", "x-note: |\n  moved\n  down\npaths:\n") +
      "  /Owners_List:\n    get: { operationId: listOwners, responses: { '204': { description: none } } }\n";
    writeFileSync(join(dir, "api.yaml"), moved);
    const after = runCli(["lint", "api.yaml", "-f", "json"], { cwd: dir });
    const problems = JSON.parse(after.stdout) as Array<{ pointer: string }>;
    expect(problems.map((p) => p.pointer)).toEqual(["/paths/~1Owners_List"]);
    expect(after.code).toBe(1);
  });

  it("writes to an explicit file and reads it back with --baseline; a missing --baseline file is an error", () => {
    const dir = tempTree({ "specwright.config.yaml": ERROR_CONFIG, "api.yaml": FLAWED_SPEC });
    expect(runCli(["lint", "api.yaml", "--write-baseline", "base/known.json"], { cwd: dir }).code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, "base/known.json"), "utf8")).problems[0].file).toBe("../api.yaml");
    expect(runCli(["lint", "api.yaml"], { cwd: dir }).code).toBe(1);
    expect(runCli(["lint", "api.yaml", "--baseline", "base/known.json"], { cwd: dir }).code).toBe(0);
    const missing = runCli(["lint", "api.yaml", "--baseline", "nope.json"], { cwd: dir });
    expect(missing.stderr).toMatch(/^error: nope\.json:1:1: baseline file not found/);
    expect(missing.code).toBe(2);
  });
});
