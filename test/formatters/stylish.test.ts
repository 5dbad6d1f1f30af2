import { describe, expect, it } from "vitest";
import { formatStylish } from "../../generator/conventions/formatters/stylish.js";
import { codeFrame } from "../../generator/conventions/formatters/code-frame.js";
import { context, diagnostic } from "./format-fixtures.js";

describe("stylish formatter", () => {
  it("groups by relative file, shows position, severity, message, rule and a code frame, then a summary", () => {
    const output = formatStylish(
      [
        diagnostic({}),
        diagnostic({
          ruleId: "versioning/major-in-path",
          severity: "error",
          message: "no /v{N} segment",
          line: 7,
          column: 5,
          pointer: "/paths/~1Pets/get",
        }),
      ],
      context(),
    );
    expect(output).toBe(
      [
        "specs/api.yaml",
        "  6:3      warn   path segment is not kebab-case  rest/path-casing",
        "      5 | paths:",
        "    > 6 |   /Pets:",
        "        |   ^",
        "      7 |     get:",
        "  7:5      error  no /v{N} segment  versioning/major-in-path",
        "      6 |   /Pets:",
        "    > 7 |     get:",
        "        |     ^",
        "      8 |       responses: {}",
        "",
        "✖ 2 problems (1 error, 1 warning)",
        "",
      ].join("\n"),
    );
  });

  it("says so when there is nothing to report, and prints nothing when no file could be linted", () => {
    expect(formatStylish([], context({ fileCount: 3 }))).toBe("✔ no problems (3 files linted)\n");
    expect(formatStylish([], context({ fileCount: 0 }))).toBe("");
  });

  it("colours only when asked (no escape codes otherwise)", () => {
    expect(formatStylish([diagnostic({})], context({ color: false }))).not.toContain("\u001b[");
    expect(formatStylish([diagnostic({})], context({ color: true }))).toContain("\u001b[");
  });

  it("on a terminal, links a rule id whose docs are at a URL (a plugin's docsUrl) with an OSC 8 hyperlink", () => {
    const url = "https://acme.example/rules/has-owner";
    expect(formatStylish([diagnostic({ ruleId: "acme/has-owner", docUrl: url })], context({ color: true }))).toContain(
      `\u001b]8;;${url}\u001b\\`,
    );
    expect(
      formatStylish([diagnostic({ ruleId: "acme/has-owner", docUrl: url })], context({ color: false })),
    ).not.toContain("\u001b]8;;");
  });

  it("prints paths outside the working folder absolutely, and no frame when the source is unknown", () => {
    const output = formatStylish([diagnostic({ file: "/elsewhere/api.yaml" })], context());
    expect(output.split("\n")[0]).toBe("/elsewhere/api.yaml");
    expect(output).not.toContain(" | ");
  });
});

describe("code frame", () => {
  it("marks the first line without a line above it, and the last without one below", () => {
    expect(codeFrame(["a: 1", "b: 2"], 1, 1)).toBe(["> 1 | a: 1", "    | ^", "  2 | b: 2"].join("\n"));
    expect(codeFrame(["a: 1", "b: 2"], 2, 4)).toBe(["  1 | a: 1", "> 2 | b: 2", "    |    ^"].join("\n"));
  });

  it("clips a very long line around the column (minified JSON)", () => {
    const long = "x".repeat(5000) + "TARGET" + "y".repeat(5000);
    const frame = codeFrame([long], 1, 5001);
    const [line, caret] = frame.split("\n");
    expect(line!.length).toBeLessThan(140);
    expect(line).toContain("…");
    expect(line!.indexOf("TARGET")).toBe(caret!.indexOf("^"));
  });
});
