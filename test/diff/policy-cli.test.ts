import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, STACK_FRAME } from "../cli/run-cli.js";
import { api, getWith } from "./fixtures.js";

/** A folder with v1 and v2 of an API (v2 drops GET /owners, a breaking change in the same major) and the given config. */
function project(config?: string): string {
  const dir = mkdtempSync(join(tmpdir(), "specwright-diff-policy-"));
  writeFileSync(
    join(dir, "v1.json"),
    JSON.stringify(
      api({
        ...getWith([]),
        "/owners": { get: { operationId: "listOwners", responses: { "200": { description: "ok" } } } },
      }),
    ),
  );
  writeFileSync(join(dir, "v2.json"), JSON.stringify(api(getWith([]))));
  if (config !== undefined) writeFileSync(join(dir, "specwright.config.yaml"), config);
  return dir;
}

const OWNERS_ENTRY = {
  check: "path-removed",
  operation: "GET /owners",
  reason: "owners moved to the accounts API (ticket API-12)",
  expires: "2999-12-31",
};

describe("specwright diff with an accept-list (CLI)", { timeout: 60_000 }, () => {
  it("an accepted breaking change passes the gate and is marked in the JSON output; without the entry it fails", async () => {
    const dir = project();
    expect(runCli(["diff", "v1.json", "v2.json"], { cwd: dir }).code).toBe(1);
    writeFileSync(join(dir, "accept.json"), JSON.stringify({ accept: [OWNERS_ENTRY] }, null, 2));
    const { code, stdout } = runCli(["diff", "v1.json", "v2.json", "--accept", "accept.json", "-f", "json"], {
      cwd: dir,
    });
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as {
      summary: { breaking: number; accepted: number };
      versioning: { verdict: string };
      changes: Array<{ id: string; classification: string; accepted?: unknown }>;
    };
    expect(report.summary).toMatchObject({ breaking: 1, accepted: 1 });
    expect(report.versioning.verdict).toBe("pass");
    expect(report.changes.find((change) => change.id === "path-removed")).toMatchObject({
      classification: "breaking",
      accepted: {
        reason: OWNERS_ENTRY.reason,
        expires: "2999-12-31",
        entry: { file: "accept.json", line: 3, column: 5 },
      },
    });
  });

  it("shows accepted changes in every format: text label, markdown section, a GitHub warning instead of an error", async () => {
    const dir = project(
      `diff:\n  accept:\n    - check: path-removed\n      operation: listOwners\n      reason: moved to the accounts API\n      expires: 2999-12-31\n`,
    );
    const text = runCli(["diff", "v1.json", "v2.json"], { cwd: dir });
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^accepted  \/owners: path removed \(GET\)  \[path-removed\]$/m);
    expect(text.stdout).toContain("accepted until 2999-12-31: moved to the accounts API (specwright.config.yaml:3:7)");
    expect(runCli(["diff", "v1.json", "v2.json", "-f", "markdown"], { cwd: dir }).stdout).toMatch(
      /### Accepted breaking changes\n\n- \/owners: path removed \(GET\) `path-removed`/,
    );
    const github = runCli(["diff", "v1.json", "v2.json", "-f", "github"], { cwd: dir });
    expect(github.code).toBe(0);
    expect(github.stdout).toMatch(
      /^::warning file=v2\.json,.*title=path-removed::\/owners: path removed \(GET\) \(accepted until 2999-12-31: moved to the accounts API\) \(path-removed: generator\/diff\/README\.md#checks\)$/m,
    );
    expect(github.stdout).not.toContain("::error");
  });

  it("a failing text report ends with an accept entry for the first failing change that works once filled in", async () => {
    const dir = project();
    const failing = runCli(["diff", "v1.json", "v2.json"], { cwd: dir });
    expect(failing.code).toBe(1);
    const hint = failing.stdout.slice(failing.stdout.indexOf("  diff:\n"));
    expect(hint).toContain("    - check: path-removed\n      operation: GET /owners\n");
    const filled = hint
      .replace("<why clients are not affected>", "owners moved")
      .replace("<YYYY-MM-DD, the last day it holds>", "2999-12-31");
    writeFileSync(join(dir, "specwright.config.yaml"), filled);
    expect(runCli(["diff", "v1.json", "v2.json"], { cwd: dir }).code).toBe(0);
  });

  it("warns about an entry that matches nothing, without changing the exit code", async () => {
    const dir = project(
      `diff:\n  accept:\n    - check: operation-removed\n      operation: GET /pets\n      reason: stale\n      expires: 2999-12-31\n`,
    );
    const { code, stdout, stderr } = runCli(["diff", "v1.json", "v2.json", "-f", "json"], { cwd: dir });
    expect(code).toBe(1);
    expect(stderr).toContain(
      "warning: specwright.config.yaml:3:7: accept entry matches no change (operation-removed GET /pets)",
    );
    expect((JSON.parse(stdout) as { unmatchedAccepts: unknown }).unmatchedAccepts).toEqual([
      {
        check: "operation-removed",
        operation: "GET /pets",
        entry: { file: "specwright.config.yaml", line: 3, column: 7 },
      },
    ]);
  });

  it("an expired entry stops the run with exit 2 at the entry's file:line:col", async () => {
    const dir = project(
      `diff:\n  accept:\n    - check: path-removed\n      operation: GET /owners\n      reason: until the migration\n      expires: 2020-01-31\n`,
    );
    const { code, stdout, stderr } = runCli(["diff", "v1.json", "v2.json"], { cwd: dir });
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toContain(
      "error: specwright.config.yaml:3:7: accept entry for path-removed (GET /owners) expired on 2020-01-31",
    );
    expect(stderr).toContain("fix:");
    expect(stderr).not.toMatch(STACK_FRAME);
  });

  it("diff.severity and diff.stability change the verdict from the config", async () => {
    const severity = project(`diff:\n  severity:\n    path-removed: warning\n`);
    const text = runCli(["diff", "v1.json", "v2.json"], { cwd: severity });
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(
      "breaking by the check; warning because diff.severity makes path-removed warning (specwright.config.yaml:3:5)",
    );
    const stability = project(`diff:\n  stability:\n    "GET /owners": beta\n`);
    const beta = runCli(["diff", "v1.json", "v2.json", "-f", "json"], { cwd: stability });
    expect(beta.code).toBe(0);
    const change = (
      JSON.parse(beta.stdout) as {
        changes: Array<{ id: string; classification: string; reclassified?: { reason: string } }>;
      }
    ).changes.find((c) => c.id === "path-removed")!;
    expect(change.classification).toBe("info");
    expect(change.reclassified?.reason).toContain('GET /owners is beta by diff.stability "GET /owners"');
    const typo = runCli(["diff", "v1.json", "v2.json"], {
      cwd: project(`diff:\n  severity:\n    path-remove: warning\n`),
    });
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('specwright.config.yaml:3:5: unknown check "path-remove"');
    expect(typo.stderr).toContain('did you mean "path-removed"?');
  });
});
