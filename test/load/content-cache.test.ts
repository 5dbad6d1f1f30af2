// The cache folders stay bounded: a folder grown past its limit keeps the newest files of the written file's kind,
// and leaves files of another kind (the validators' .cjs beside a .json) alone.
import { mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { writeCacheFile } from "../../generator/load/content-cache.js";

let dir: string | undefined;
afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

describe("writeCacheFile", () => {
  it("cuts a folder past its limit to the newest three quarters of that kind of file", () => {
    dir = mkdtempSync(join(tmpdir(), "content-cache-"));
    for (let i = 0; i < 8; i++) {
      const file = join(dir, `example-${i}.cjs`);
      writeFileSync(file, "module.exports = 1;");
      utimesSync(file, 1_000 + i, 1_000 + i);
    }
    writeFileSync(join(dir, "other.json"), "{}");
    utimesSync(join(dir, "other.json"), 1, 1);
    writeCacheFile(join(dir, "example-new.cjs"), "module.exports = 2;", 8);
    expect(readdirSync(dir).sort()).toEqual([
      "example-3.cjs",
      "example-4.cjs",
      "example-5.cjs",
      "example-6.cjs",
      "example-7.cjs",
      "example-new.cjs",
      "other.json",
    ]);
  });
});
