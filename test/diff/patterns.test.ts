import { describe, expect, it } from "vitest";
import { comparePatterns, literalAlternatives, matchesEverything } from "../../generator/diff/patterns.js";

describe("what can be decided about two patterns", () => {
  it.each(["", ".*", "^.*$", "[\\s\\S]*", "a*"])("%j matches every string", (pattern) =>
    expect(matchesEverything(pattern)).toBe(true),
  );
  it.each(["^a*$", "a+", "\\bx", "^$"])("%j does not", (pattern) => expect(matchesEverything(pattern)).toBe(false));

  it("reads an anchored alternation of literals as a finite set", () => {
    expect(literalAlternatives("^(asc|desc)$")).toEqual(new Set(["asc", "desc"]));
    expect(literalAlternatives("^(?:a\\.b|c)$")).toEqual(new Set(["a.b", "c"]));
    expect(literalAlternatives("^(a+|b)$")).toBeUndefined();
    expect(literalAlternatives("(asc|desc)")).toBeUndefined();
  });

  it.each([
    ["^\\d+$", "^[0-9]{1,}$", "same"],
    ["^[a-zA-Z_]+$", "^[_A-Za-z]+$", "same"],
    ["^[a-z]+$", "^[a-z0-9]+$", "widened"],
    ["^[a-z0-9]+$", "^[a-z]+$", "narrowed"],
    ["^[a-m]+$", "^[n-z]+$", "both"],
    ["^(asc|desc)$", "^(asc|desc|none)$", "widened"],
    ["^v1-(alpha|beta)$", "^v1-(alpha)$", "narrowed"],
    ["^(asc|desc)$", "^[a-z]+$", "widened"],
    ["^(asc|DESC)$", "^[a-z]+$", "both"],
    ["^[a-z]+$", "^(asc|desc)$", "narrowed"],
    ["^[a-z]+$", "^[a-z]{2,}$", "unknown"],
    [undefined, "^[a-z]+$", "narrowed"],
    ["^[a-z]+$", undefined, "widened"],
    ["^[a-z]+$", ".*", "widened"],
  ] as const)("%j -> %j is %s", (before, after, kind) => {
    expect(comparePatterns(before, after).kind).toBe(kind);
  });
});
