// Pattern verdicts kept between runs (verdict-disk-cache.ts): a lint reads back only the verdicts of its own patterns,
// and finds each whatever characters its key holds.
import { appendFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readStoredVerdicts, storeVerdicts } from "../../../../generator/conventions/rules/oas/verdict-disk-cache.js";

const cacheDir = mkdtempSync(join(tmpdir(), "specwright-verdicts-"));
process.env.SPECWRIGHT_PATTERN_CACHE = join(cacheDir, "verdicts.jsonl");
afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

describe("stored pattern verdicts", () => {
  it("are read back for the keys asked for only, keys with quotes, backslashes and the line's own syntax included", () => {
    const tricky = 'v1\u0000^"a"\\\\,"verdict":{"kind":"linear"}$';
    storeVerdicts([
      ["v1\u0000^a+$", { kind: "linear" }],
      ["v1\u0000^(a+)+$", { kind: "super-linear", why: "nested quantifiers" }],
      [tricky, { kind: "invalid", why: "not a regexp" }],
    ]);
    storeVerdicts([["v1\u0000^(a+)+$", { kind: "undecided", why: "stored again, later" }]]);
    appendFileSync(process.env.SPECWRIGHT_PATTERN_CACHE!, '{"key":"v1\\u0000^b+$","verd'); // cut short by a writer
    const asked = ["v1\u0000^(a+)+$", tricky, "v1\u0000^b+$", "v1\u0000never stored"];
    const expected = {
      "v1\u0000^(a+)+$": { kind: "undecided", why: "stored again, later" },
      [tricky]: { kind: "invalid", why: "not a regexp" },
    };
    expect(Object.fromEntries(readStoredVerdicts(asked))).toEqual(expected);
    // Many keys are looked up by reading the lines once instead of searching for each: the same verdicts.
    const many = [...asked, ...Array.from({ length: 40 }, (_, index) => `v1\u0000not stored ${index}`)];
    expect(Object.fromEntries(readStoredVerdicts(many))).toEqual(expected);
  });
});
