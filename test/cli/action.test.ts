// The GitHub Action (action.yml): its steps are run here with bash exactly as the runner would run them, against the
// checkout's CLI, in a git repository made for the test.
import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";

const ROOT = resolve(import.meta.dirname, "../..");
interface Step {
  name?: string;
  uses?: string;
  run?: string;
  shell?: string;
  if?: string;
  env?: Record<string, string>;
}
const action = parse(readFileSync(join(ROOT, "action.yml"), "utf8")) as { inputs: Record<string, { default?: string }>; runs: { using: string; steps: Step[] } };
const step = (name: string) => action.runs.steps.find((candidate) => candidate.name === name)!;

let repo: string;
let cli: string;

beforeAll(() => {
  repo = mkdtempSync(join(tmpdir(), "specwright-action-"));
  cpSync(join(ROOT, "specs/petstore/v1"), join(repo, "specs/petstore/v1"), { recursive: true });
  // A second spec that breaks an error-level convention (no error responses documented).
  writeFileSync(join(repo, "specs/broken.yaml"), "openapi: 3.1.0\ninfo: { title: Broken, version: 1.0.0 }\npaths:\n  /things:\n    get:\n      operationId: listThings\n      responses:\n        '200': { description: ok }\n");
  cli = join(repo, "specwright");
  writeFileSync(cli, `#!/bin/sh\nexec "${process.execPath}" "${join(ROOT, "bin/specwright.js")}" "$@"\n`);
  chmodSync(cli, 0o755);
  execFileSync("git", ["init", "-q", "-b", "main"], { cwd: repo });
});
afterAll(() => rmSync(repo, { recursive: true, force: true }));

/** Runs one step's script with bash, its `env:` filled from the given inputs as the runner fills `${{ inputs.X }}`. */
function runStep(name: string, inputs: Record<string, string>) {
  const { run, env = {} } = step(name);
  const values = Object.fromEntries(Object.entries(env).map(([key, expression]) => [key, expression.replace(/\$\{\{\s*inputs\.([\w-]+)\s*\}\}/g, (_match, input: string) => inputs[input] ?? action.inputs[input]?.default ?? "")]));
  return spawnSync("bash", ["-e", "-c", run!], { cwd: repo, encoding: "utf8", env: { ...process.env, ...values, SPECWRIGHT: cli, NO_COLOR: "1" } });
}

describe("action.yml", () => {
  it("is a composite action whose scripts take every input through the environment, never spliced into the script", () => {
    expect(action.runs.using).toBe("composite");
    for (const { run } of action.runs.steps) if (run !== undefined) expect(run).not.toContain("${{");
    for (const { run, shell } of action.runs.steps) if (run !== undefined) expect(shell).toBe("bash");
  });

  it("lints the given specs with GitHub annotations and fails the step on an error", () => {
    const broken = runStep("Lint", { specs: "specs/**/*.yaml" });
    expect(broken.stdout).toMatch(/::error file=specs\/broken\.yaml,line=\d+/);
    expect(broken.status).toBe(1);
    const clean = runStep("Lint", { specs: "specs/petstore/**/openapi.yaml" });
    expect(clean.status).toBe(0);
  });

  it("treats a glob in the input as data: no shell expansion, no command injection", () => {
    const result = runStep("Lint", { specs: "specs/petstore/v1/openapi.yaml $(touch injected)" });
    expect(result.status).toBe(2); // the second word is a file name that matches nothing
    expect(spawnSync("test", ["-e", join(repo, "injected")]).status).not.toBe(0);
  });
});
