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

  it("lists the folder once and counts the writes after, until the count passes the limit", () => {
    dir = mkdtempSync(join(tmpdir(), "content-cache-"));
    const write = (name: string) => writeCacheFile(join(dir!, name), "module.exports = 1;", 20);
    const addFiles = (prefix: string, n: number) => {
      for (let i = 0; i < n; i++) writeFileSync(join(dir!, `${prefix}-${i}.cjs`), "module.exports = 0;");
    };
    addFiles("earlier-run", 12);
    write("first.cjs"); // listed: 13
    // Files another process adds meanwhile are not counted: no cut although the folder is past the limit...
    addFiles("other-process", 10);
    write("second.cjs"); // counted: 14
    expect(readdirSync(dir)).toHaveLength(24);
    // ...until the counted writes pass it and the folder is listed again, and cut to three quarters of the limit.
    for (let i = 0; i < 7; i++) write(`more-${i}.cjs`); // counted: 21, listed: 31
    expect(readdirSync(dir)).toHaveLength(15);
  });

  it("stops writing a kind of file once the process has written half the limit, and makes no text for it", () => {
    dir = mkdtempSync(join(tmpdir(), "content-cache-"));
    let made = 0;
    const text = () => {
      made += 1;
      return "{}";
    };
    for (let i = 0; i < 10; i++) writeCacheFile(join(dir, `value-${i}.json`), text, 8);
    expect(readdirSync(dir).sort()).toEqual(["value-0.json", "value-1.json", "value-2.json", "value-3.json"]);
    expect(made).toBe(4);
  });
});
