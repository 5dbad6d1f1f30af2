// expandSpecPatterns: plain paths and URLs are kept as given (tinyglobby is loaded only for a pattern with glob
// syntax), globs are expanded and sorted.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { expandSpecPatterns } from "../../generator/config/spec-files.js";

const dir = mkdtempSync(join(tmpdir(), "specwright-spec-files-"));
mkdirSync(join(dir, "specs/b"), { recursive: true });
mkdirSync(join(dir, "specs/a (old)"), { recursive: true });
for (const file of ["specs/b/openapi.yaml", "specs/a (old)/openapi.yaml"]) writeFileSync(join(dir, file), "");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("expandSpecPatterns", () => {
  it("keeps plain paths and URLs as given, missing ones included, and expands globs in order", async () => {
    const expanded = await expandSpecPatterns(
      ["missing.yaml", "https://example.com/openapi.yaml", "specs/*/openapi.yaml", "specs/b/openapi.yaml"],
      dir,
    );
    expect(expanded).toEqual({
      files: [
        join(dir, "missing.yaml"),
        "https://example.com/openapi.yaml",
        join(dir, "specs/a (old)/openapi.yaml"),
        join(dir, "specs/b/openapi.yaml"),
      ],
      unmatched: [],
    });
  });

  it("asks tinyglobby about a path with glob characters, and reports a glob that matches nothing", async () => {
    expect(await expandSpecPatterns(["specs/a (old)/openapi.yaml", "nothing/**/*.yaml"], dir)).toEqual({
      files: [join(dir, "specs/a (old)/openapi.yaml")],
      unmatched: ["nothing/**/*.yaml"],
    });
  });
});
