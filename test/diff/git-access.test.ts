import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadSpec, SpecLoadError } from "../../generator/load/index.js";
import { GitFileAccess, openRevision } from "../../generator/git/index.js";

const SPEC = `openapi: 3.1.0
info: { title: Pets, version: 1.0.0 }
paths:
  /pets:
    get:
      responses:
        "200":
          description: ok
          content: { application/json: { schema: { $ref: "./schemas/pet.yaml#/Pet" } } }
`;

/** A repository whose committed api/schemas/pet.yaml is a symlink to `target`; the working copy then deletes everything. */
function committedWithSymlink(target: string): string {
  const dir = mkdtempSync(join(tmpdir(), "specwright-git-access-"));
  mkdirSync(join(dir, "api/schemas"), { recursive: true });
  mkdirSync(join(dir, "shared"));
  writeFileSync(join(dir, "api/openapi.yaml"), SPEC);
  writeFileSync(
    join(dir, "api/schemas/real-pet.yaml"),
    "Pet: { type: object, properties: { id: { type: string } } }\n",
  );
  writeFileSync(join(dir, "shared/pet.yaml"), "Pet: { type: string }\n");
  symlinkSync(target, join(dir, "api/schemas/pet.yaml"));
  const git = (...args: string[]) =>
    execFileSync(
      "git",
      ["-c", "user.name=T", "-c", "user.email=t@example.com", "-c", "commit.gpgsign=false", ...args],
      { cwd: dir, stdio: "ignore" },
    );
  git("init", "-q");
  git("add", "-A");
  git("commit", "-q", "-m", "spec");
  // Only the commit has the files now: whatever loads must come from git.
  rmSync(join(dir, "api/schemas"), { recursive: true });
  rmSync(join(dir, "shared"), { recursive: true });
  return dir;
}

describe("GitFileAccess (the loader reading a commit)", { timeout: 60_000 }, () => {
  it("loads a multi-file spec from the commit alone, following a symlink stored in it", async () => {
    const dir = committedWithSymlink("real-pet.yaml");
    const access = new GitFileAccess(await openRevision("HEAD", join(dir, "api")));
    const document = await loadSpec(join(dir, "api/openapi.yaml"), { access });
    expect([...document.files.keys()].sort()).toEqual([
      join(dir, "api/openapi.yaml"),
      join(dir, "api/schemas/pet.yaml"),
    ]);
    // The link's target was read: the object schema of real-pet.yaml, not shared/pet.yaml's string.
    expect(document.files.get(join(dir, "api/schemas/pet.yaml"))!.value).toEqual({
      Pet: { type: "object", properties: { id: { type: "string" } } },
    });
    expect(access.label(join(dir, "api/schemas/pet.yaml"))).toBe("HEAD:api/schemas/pet.yaml");
  });

  it("applies the loader's folder check to the commit: a symlink out of the spec's folder is refused", async () => {
    const dir = committedWithSymlink("../../shared/pet.yaml");
    const access = new GitFileAccess(await openRevision("HEAD", join(dir, "api")));
    const error = await loadSpec(join(dir, "api/openapi.yaml"), { access }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SpecLoadError);
    expect((error as Error).message).toBe(`$ref leaves the spec's folder: ${join(dir, "api/schemas/pet.yaml")}`);
  });
});
