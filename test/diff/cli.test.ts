import { execFile } from "node:child_process";
import { resolve } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { api, getWith } from "./fixtures.js";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const root = resolve(import.meta.dirname, "../..");
const run = promisify(execFile);

async function specwright(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ["bin/specwright.js", "diff", ...args], { cwd: root });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe("specwright diff (CLI)", { timeout: 60_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), "specwright-diff-cli-"));
  const before = join(dir, "before.json");
  const after = join(dir, "after.json");
  writeFileSync(
    before,
    JSON.stringify(api({ ...getWith([]), "/owners": { get: { responses: { "200": { description: "ok" } } } } })),
  );
  writeFileSync(after, JSON.stringify(api(getWith([]))));

  it("exits 1 for a breaking change without a new major version, and says why", async () => {
    const { code, stdout } = await specwright(before, after);
    expect(code).toBe(1);
    expect(stdout).toContain("/owners: path removed (GET)  [path-removed]");
    expect(stdout).toMatch(/✖ versioning\/breaking-change: 1 breaking change without a new major version/);
  });

  it("exits 0 for the petstore's breaking changes, which come with /v2", async () => {
    const { code, stdout } = await specwright(
      "specs/petstore/v1/openapi.yaml",
      "specs/petstore/v2/openapi.yaml",
      "--format",
      "json",
    );
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as {
      old: string;
      new: string;
      summary: { breaking: number };
      versioning: { verdict: string };
      changes: Array<{ new?: { file: string } }>;
    };
    expect(report).toMatchObject({
      old: "specs/petstore/v1/openapi.yaml",
      new: "specs/petstore/v2/openapi.yaml",
      versioning: { verdict: "pass" },
    });
    expect(report.summary.breaking).toBe(7);
    expect(report.changes.some((change) => change.new?.file === "specs/petstore/v2/schemas/pet.yaml")).toBe(true);
  });

  it("writes SARIF with one result per breaking change plus the verdict", async () => {
    const { code, stdout } = await specwright(before, after, "-f", "sarif");
    expect(code).toBe(1);
    const results = (JSON.parse(stdout) as { runs: Array<{ results: Array<{ ruleId: string; level: string }> }> })
      .runs[0]!.results;
    expect(results.map((result) => [result.ruleId, result.level])).toEqual([
      ["path-removed", "error"],
      ["versioning/breaking-change", "error"],
    ]);
  });

  it("writes GitHub annotations and markdown", async () => {
    expect((await specwright(before, after, "-f", "github")).stdout).toMatch(
      /^::error file=.*after\.json,line=\d+,col=\d+,title=path-removed::\/owners: path removed/m,
    );
    expect((await specwright(before, after, "-f", "markdown")).stdout).toContain("| 1 | 0 | 0 | 0 |");
  });

  it("exits 2 with the usage when the previous version is missing", async () => {
    const { code, stderr } = await specwright(after);
    expect(code).toBe(2);
    expect(stderr).toContain(
      "error: give the previous version too\n  fix: specwright diff OLD NEW, or specwright diff --base git:REF [spec]",
    );
  });

  it("exits 2 with the file and a fix when a spec cannot be read, without a stack trace", async () => {
    const { code, stderr } = await specwright(before, join(dir, "missing.yaml"));
    expect(code).toBe(2);
    expect(stderr).toContain("missing.yaml");
    expect(stderr).toContain("fix:");
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});
