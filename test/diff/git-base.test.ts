import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, STACK_FRAME } from "../cli/run-cli.js";

const ROOT_SPEC = `openapi: 3.1.0
info: { title: Pets, version: 1.0.0 }
servers: [{ url: https://api.example.com/v1 }]
paths:
  /pets:
    get:
      operationId: listPets
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: { $ref: "./schemas/pet.yaml#/Pet" }
`;
const pet = (required: string, extra = "") =>
  `Pet:\n  type: object\n  required: [${required}]\n  properties:\n    id: { type: string }\n    name: { type: string }\n${extra}`;

function git(cwd: string, ...args: string[]): void {
  execFileSync(
    "git",
    ["-c", "user.name=Test", "-c", "user.email=test@example.com", "-c", "commit.gpgsign=false", ...args],
    { cwd, stdio: "ignore" },
  );
}

/**
 * A repository with two commits of a two-file spec: the first requires `name`, the second makes it optional (a
 * breaking change in a response, in schemas/pet.yaml only). The working copy of pet.yaml differs from both.
 */
function repository(): string {
  const dir = mkdtempSync(join(tmpdir(), "specwright-git-base-"));
  mkdirSync(join(dir, "api/schemas"), { recursive: true });
  git(dir, "init", "-q", "-b", "main");
  writeFileSync(join(dir, "api/openapi.yaml"), ROOT_SPEC);
  writeFileSync(join(dir, "api/schemas/pet.yaml"), pet("id, name"));
  writeFileSync(join(dir, "api/owners.yaml"), ROOT_SPEC.replace("title: Pets", "title: Owners"));
  writeFileSync(
    join(dir, "specwright.config.yaml"),
    "apis:\n  - name: pets\n    spec: api/openapi.yaml\n  - name: owners\n    spec: api/owners.yaml\n",
  );
  git(dir, "add", "-A");
  git(dir, "commit", "-q", "-m", "v1.0: name required");
  writeFileSync(join(dir, "api/schemas/pet.yaml"), pet("id"));
  git(dir, "commit", "-q", "-a", "-m", "name optional");
  git(dir, "tag", "second");
  // Uncommitted: a new optional property. A base read from disk instead of the ref would not show it as added.
  writeFileSync(join(dir, "api/schemas/pet.yaml"), pet("id", "    tag: { type: string }\n"));
  return dir;
}

interface Report {
  old: string;
  versioning: { verdict: string };
  changes: Array<{ id: string; old?: { file: string }; new?: { file: string } }>;
}

describe("specwright diff --base git:REF", { timeout: 60_000 }, () => {
  const dir = repository();

  it("reads every file of a multi-file spec from the ref, and names them as git does", () => {
    const { code, stdout, stderr } = runCli(["diff", "--base", "git:HEAD~1", "api/openapi.yaml", "-f", "json"], {
      cwd: dir,
    });
    expect(stderr).toBe("");
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as Report;
    expect(report.old).toBe("HEAD~1:api/openapi.yaml");
    expect(report.changes.map((change) => change.id).sort()).toEqual([
      "response-property-added",
      "response-property-became-optional",
    ]);
    expect(report.changes.find((change) => change.id === "response-property-became-optional")).toMatchObject({
      old: { file: "HEAD~1:api/schemas/pet.yaml" },
      new: { file: "api/schemas/pet.yaml" },
    });
  });

  it("compares against the commit the ref names, not the working copy (another ref, another result)", () => {
    const report = JSON.parse(
      runCli(["diff", "--base", "git:second", "api/openapi.yaml", "-f", "json"], { cwd: dir }).stdout,
    ) as Report;
    expect(report.versioning.verdict).toBe("pass");
    expect(report.changes.map((change) => change.id)).toEqual(["response-property-added"]);
  });

  it("without a spec, diffs every API of the config; `git:REF` also works as the first argument; paths are relative to where it runs", () => {
    const all = JSON.parse(runCli(["diff", "--base", "git:HEAD~1", "-f", "json"], { cwd: dir }).stdout) as Report[];
    expect(
      all.map((report) => [
        report.old,
        report.changes.some((change) => change.id === "response-property-became-optional"),
      ]),
    ).toEqual([
      ["HEAD~1:api/openapi.yaml", true],
      ["HEAD~1:api/owners.yaml", true],
    ]);
    expect(runCli(["diff", "git:HEAD~1", "api/openapi.yaml"], { cwd: dir }).code).toBe(1);
    const nested = runCli(["diff", "--base", "git:HEAD~1", "openapi.yaml"], { cwd: join(dir, "api") });
    expect(nested.code).toBe(1);
    expect(nested.stdout).toContain("old: HEAD~1:api/schemas/pet.yaml:6:5");
  });

  it("explains an unknown ref, a file absent at the ref and a folder outside any repository: exit 2, with the fix", () => {
    const unknown = runCli(["diff", "--base", "git:origin/nope", "api/openapi.yaml"], { cwd: dir });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('error: unknown git ref "origin/nope"');
    expect(unknown.stderr).toContain("`git fetch origin nope`");

    writeFileSync(join(dir, "api/new.yaml"), ROOT_SPEC);
    const absent = runCli(["diff", "--base", "git:HEAD", "api/new.yaml"], { cwd: dir });
    expect(absent.code).toBe(2);
    expect(absent.stderr).toContain("file not found: HEAD:api/new.yaml (git:HEAD)");
    expect(absent.stderr).toContain("git ls-tree --full-tree --name-only HEAD -- api/");

    const outside = mkdtempSync(join(tmpdir(), "specwright-no-repo-"));
    writeFileSync(join(outside, "openapi.yaml"), ROOT_SPEC);
    const noRepo = runCli(["diff", "--base", "git:main", "openapi.yaml"], {
      cwd: outside,
      env: { GIT_CEILING_DIRECTORIES: tmpdir() },
    });
    expect(noRepo.code).toBe(2);
    expect(noRepo.stderr).toContain("error: not a git repository");
    for (const result of [unknown, absent, noRepo]) expect(result.stderr).not.toMatch(STACK_FRAME);
  });

  it("a $ref whose target is missing at the ref is reported in the committed file", () => {
    const broken = repository();
    writeFileSync(join(broken, "api/schemas/pet.yaml"), 'Pet: { $ref: "./gone.yaml#/Pet" }\n');
    git(broken, "commit", "-q", "-a", "-m", "broken ref");
    git(broken, "checkout", "-q", "HEAD~1", "--", "api/schemas/pet.yaml");
    const { code, stderr } = runCli(["diff", "--base", "git:HEAD", "api/openapi.yaml"], { cwd: broken });
    expect(code).toBe(2);
    expect(stderr).toContain(
      "error: HEAD:api/schemas/pet.yaml:1:8: $ref target not found: HEAD:api/schemas/gone.yaml (git:HEAD)",
    );
  });
});
