import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { loadSpec } from "../../generator/load/index.js";
import { diffDocuments } from "../../generator/diff/index.js";

const GITHUB = resolve(import.meta.dirname, "../../node_modules/@octokit/openapi/generated/api.github.com.json");
const REMOVED = "/repos/{owner}/{repo}/pages/health";

describe("GitHub's API against itself with one endpoint removed", () => {
  it("reports exactly that one breaking change and nothing else", { timeout: 180_000 }, async () => {
    const spec = JSON.parse(readFileSync(GITHUB, "utf8")) as { paths: Record<string, unknown> };
    expect(Object.keys(spec.paths[REMOVED] as object)).toEqual(["get"]);
    delete spec.paths[REMOVED];
    const changed = join(mkdtempSync(join(tmpdir(), "specwright-diff-github-")), "api.github.com.json");
    writeFileSync(changed, JSON.stringify(spec));

    const result = diffDocuments(await loadSpec(GITHUB), await loadSpec(changed));
    expect(result.changes.map((change) => [change.id, change.classification, change.operation?.path])).toEqual([
      ["path-removed", "breaking", REMOVED],
    ]);
    expect(result.changes[0]!.old?.line).toBeGreaterThan(1);
    expect(result.versioning.verdict).toBe("fail");
  });
});
