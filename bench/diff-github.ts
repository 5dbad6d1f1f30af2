// Time of `specwright diff` on GitHub's API (~10 MB JSON) against itself with one endpoint removed. Goal: < 3 s.
// Reports the whole CLI run (wall clock, as a user waits for it) and, in process, CPU time per phase, since wall
// time on a shared machine also measures the neighbours. Run: node bin/run-ts.js bench/diff-github.ts
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { loadSpec } from "../generator/load/index.js";
import { diffDocuments } from "../generator/diff/index.js";

const GITHUB = resolve("node_modules/@octokit/openapi/generated/api.github.com.json");
const REMOVED = "/repos/{owner}/{repo}/pages/health";
const spec = JSON.parse(readFileSync(GITHUB, "utf8")) as { paths: Record<string, unknown> };
delete spec.paths[REMOVED];
const changed = join(mkdtempSync(join(tmpdir(), "specwright-bench-diff-")), "api.github.com.json");
writeFileSync(changed, JSON.stringify(spec));

const cpu = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};
const phases: Array<[string, number]> = [];
let mark = cpu();
const phase = (name: string) => {
  const now = cpu();
  phases.push([name, now - mark]);
  mark = now;
};
const before = await loadSpec(GITHUB);
const after = await loadSpec(changed);
phase("load both documents (parse, validate)");
const result = diffDocuments(before, after);
phase("compare + locate the changes");
console.log(
  `in process, CPU time: ${phases.map(([name, ms]) => `${name} ${Math.round(ms)} ms`).join("; ")}; total ${Math.round(phases.reduce((sum, [, ms]) => sum + ms, 0))} ms`,
);
console.log(
  `changes: ${result.changes.map((change) => `${change.classification} ${change.id} ${change.message}`).join("; ")}`,
);

const runs: number[] = [];
for (let i = 0; i < 3; i++) {
  const started = performance.now();
  await promisify(execFile)(process.execPath, ["bin/specwright.js", "diff", GITHUB, changed, "--format", "json"], {
    maxBuffer: 1 << 26,
  }).catch((error: { code?: number }) => {
    if (error.code !== 1) throw error;
  });
  runs.push((performance.now() - started) / 1000);
}
const best = Math.min(...runs);
console.log(
  `CLI wall clock (3 runs): ${runs.map((s) => s.toFixed(2)).join(" s, ")} s; best ${best.toFixed(2)} s (goal < 3 s: ${best < 3 ? "met" : "NOT met"})`,
);
