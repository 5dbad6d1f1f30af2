// prettyLiteral: data in generated code stays on one line while it fits, else one member per line.
import { describe, expect, it } from "vitest";
import { Code, LINE_WIDTH, prettyLiteral } from "../../generator/emit/shared/pretty-literal.js";

describe("prettyLiteral", () => {
  it("keeps a short value on one line, identifier keys bare, others quoted", () => {
    expect(prettyLiteral({ kind: "cursor", "page-size": 20, items: ["a", null], none: undefined })).toBe(
      '{ kind: "cursor", "page-size": 20, items: ["a", null] }',
    );
    expect(prettyLiteral({ a: [], b: {} })).toBe("{ a: [], b: {} }");
  });

  it("breaks what does not fit into one member per line, indented, with trailing commas", () => {
    const long = "x".repeat(LINE_WIDTH);
    expect(prettyLiteral({ short: 1, long: [long] }, "  ")).toBe(
      `{\n    short: 1,\n    long: [\n      ${JSON.stringify(long)},\n    ],\n  }`,
    );
  });

  it("counts the column it starts at", () => {
    const value = { name: "y".repeat(LINE_WIDTH - 20) };
    expect(prettyLiteral(value, "", 0)).not.toContain("\n");
    expect(prettyLiteral(value, "", 30)).toContain("\n");
  });

  it("inserts Code as written, keeps __proto__ an own key, and escapes spec strings", () => {
    const value = JSON.parse('{"__proto__": 1}') as Record<string, unknown>;
    expect(prettyLiteral({ validate: new Code("paramValidators.PetIdPath") })).toBe(
      "{ validate: paramValidators.PetIdPath }",
    );
    expect(prettyLiteral(value)).toBe('{ ["__proto__"]: 1 }');
    expect(prettyLiteral(["*/\u2028"])).toBe('["*/\\u2028"]');
  });
});
