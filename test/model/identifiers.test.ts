import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { NameScope, camelIdentifier, isIdentifier, pascalIdentifier } from "../../generator/model/identifiers.js";

describe("identifiers", () => {
  it.each([
    ["list-for-org", "listForOrg"],
    ["repos/list-for-org", "reposListForOrg"],
    ["+1", "plus1"],
    ["-1", "minus1"],
    ["Etc/GMT+1", "etcGmtPlus1"],
    ["Etc/GMT-1", "etcGmtMinus1"],
    ["class", "class_"],
    ["__proto__", "proto"],
    ["constructor", "constructor_"],
    ["then", "then_"],
    ["2fa", "_2fa"],
    ["", "value"],
    ["HTTPServer", "httpServer"],
    ["página", "pagina"],
    ["宠物", "value"],
  ])("camelIdentifier(%j) = %j", (raw, expected) => {
    expect(camelIdentifier(raw)).toBe(expected);
  });

  it("pascal names avoid shadowing the globals generated code uses", () => {
    expect(pascalIdentifier("error")).toBe("Error_");
    expect(pascalIdentifier("pet-input")).toBe("PetInput");
  });

  it("every output is a valid, non-reserved identifier (property test)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 20 }), (raw) => {
        const name = camelIdentifier(raw);
        expect(isIdentifier(name)).toBe(true);
        // The strongest check: the engine accepts it as a binding name.
        expect(() => new Function(`"use strict"; let ${name} = 1; return ${name};`)).not.toThrow();
        expect(isIdentifier(pascalIdentifier(raw))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("NameScope", () => {
  it("suffixes collisions deterministically and case-insensitively", () => {
    const scope = new NameScope(["body"]);
    expect(scope.claim("list")).toBe("list");
    expect(scope.claim("List")).toBe("List2");
    expect(scope.claim("list")).toBe("list3");
    expect(scope.claim("body")).toBe("body2");
    expect(scope.claim("get", "getPet")).toBe("get");
    expect(scope.claim("get", "getPet")).toBe("getPet");
  });
});
