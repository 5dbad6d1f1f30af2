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
const action = parse(readFileSync(join(ROOT, "action.yml"), "utf8")) as {
  inputs: Record<string, { default?: string }>;
  runs: { using: string; steps: Step[] };
};
const step = (name: string) => action.runs.steps.find((candidate) => candidate.name === name)!;

let repo: string;
let cli: string;

beforeAll(() => {
  repo = mkdtempSync(join(tmpdir(), "specwright-action-"));
  cpSync(join(ROOT, "specs/petstore/v1"), join(repo, "specs/petstore/v1"), { recursive: true });
  // A second spec that breaks an error-level convention (no error responses documented).
  writeFileSync(
    join(repo, "specs/broken.yaml"),
    "openapi: 3.1.0\ninfo: { title: Broken, version: 1.0.0 }\npaths:\n  /things:\n    get:\n      operationId: listThings\n      responses:\n        '200': { description: ok }\n",
  );
  cli = join(repo, "specwright");
  writeFileSync(cli, `#!/bin/sh\nexec "${process.execPath}" "${join(ROOT, "bin/specwright.js")}" "$@"\n`);
  chmodSync(cli, 0o755);
  execFileSync("git", ["init", "-q", "-b", "main"], { cwd: repo });
});
afterAll(() => rmSync(repo, { recursive: true, force: true }));

/**
 * Runs one step's script with bash, its `env:` filled as the runner fills it: `${{ inputs.X }}` from the given inputs
 * (else the input's default), `${{ github.base_ref }}` from `baseRef`.
 */
function runStep(name: string, inputs: Record<string, string>, where = { cwd: repo, baseRef: "main" }) {
  const { run, env = {} } = step(name);
  const fill = (expression: string) =>
    expression
      .replace(
        /\$\{\{\s*inputs\.([\w-]+)\s*\}\}/g,
        (_match, input: string) => inputs[input] ?? action.inputs[input]?.default ?? "",
      )
      .replace(/\$\{\{\s*github\.base_ref\s*\}\}/g, where.baseRef);
  const values = Object.fromEntries(Object.entries(env).map(([key, expression]) => [key, fill(expression)]));
  return spawnSync("bash", ["-e", "-c", run!], {
    cwd: where.cwd,
    encoding: "utf8",
    env: { ...process.env, ...values, SPECWRIGHT: cli, NO_COLOR: "1" },
  });
}

const git = (cwd: string, ...args: string[]) =>
  execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@example.com", ...args], { cwd, stdio: "pipe" });

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

  it("on a pull request, fails on a breaking change made without a new major version, reading the base from git", () => {
    const origin = mkdtempSync(join(tmpdir(), "specwright-action-origin-"));
    const clone = mkdtempSync(join(tmpdir(), "specwright-action-clone-"));
    try {
      git(origin, "init", "-q", "--bare", "-b", "main");
      git(clone, "init", "-q", "-b", "main");
      cpSync(join(ROOT, "specs/petstore/v1"), join(clone, "api"), { recursive: true });
      git(clone, "add", "-A");
      git(clone, "commit", "-q", "-m", "v1");
      git(clone, "remote", "add", "origin", origin);
      git(clone, "push", "-q", "origin", "main");
      git(clone, "checkout", "-q", "-b", "feature");
      const unchanged = runStep(
        "Diff against the base",
        { specs: "api/openapi.yaml" },
        { cwd: clone, baseRef: "main" },
      );
      expect(unchanged.stderr + unchanged.stdout).not.toContain("::error");
      expect(unchanged.status).toBe(0);
      // Remove an operation (breaking) and keep info.version's major.
      const spec = join(clone, "api/openapi.yaml");
      const text = readFileSync(spec, "utf8");
      const edited = text.replace(/\n  \/pets\/\{pet_id\}:\n(?: {4}.*\n|\n)*/, "\n");
      expect(edited).not.toBe(text);
      writeFileSync(spec, edited);
      git(clone, "commit", "-q", "-am", "drop an operation");
      const broken = runStep("Diff against the base", { specs: "api/openapi.yaml" }, { cwd: clone, baseRef: "main" });
      expect(broken.stdout).toMatch(/::error file=api\/openapi\.yaml,line=\d+/);
      expect(broken.status).toBe(1);
    } finally {
      rmSync(origin, { recursive: true, force: true });
      rmSync(clone, { recursive: true, force: true });
    }
  });
});
