import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import Ajv04Module from "ajv-draft-04";
import addFormatsModule from "ajv-formats";
import { formatJson } from "../../generator/conventions/formatters/json.js";
import { formatGithub } from "../../generator/conventions/formatters/github.js";
import { formatSarif } from "../../generator/conventions/formatters/sarif.js";
import { context, diagnostic } from "./format-fixtures.js";

const require = createRequire(import.meta.url);
// The SARIF 2.1.0 schema (draft-04) as shipped in @microsoft/jest-sarif: validated offline, no network at test time.
// unicodeRegExp off: one of its patterns (`language`) is only valid as a non-unicode regular expression.
const sarifSchema = JSON.parse(
  readFileSync(require.resolve("@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json"), "utf8"),
);
// Both are CommonJS: under NodeNext their default import is the module object.
const Ajv04 = Ajv04Module as unknown as typeof Ajv04Module.default;
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;
const validateSarif = addFormats(new Ajv04({ allErrors: true, strict: false, unicodeRegExp: false })).compile(
  sarifSchema,
);

const problems = [
  diagnostic({}),
  diagnostic({
    ruleId: "versioning/major-in-path",
    severity: "error",
    message: "no /v{N}: fix it, 100%\nnow",
    line: 7,
    column: 5,
    pointer: "/paths/~1Pets/get",
  }),
  diagnostic({ ruleId: "x/unlisted", file: "/work/project/specs/with space.yaml", line: 1, column: 1, pointer: "" }),
];

describe("json formatter", () => {
  it("prints one array of the documented fields, file relative to the working folder", () => {
    const items = JSON.parse(formatJson(problems, context())) as unknown[];
    expect(items).toHaveLength(3);
    expect(items[1]).toEqual({
      ruleId: "versioning/major-in-path",
      severity: "error",
      message: "no /v{N}: fix it, 100%\nnow",
      file: "specs/api.yaml",
      line: 7,
      column: 5,
      pointer: "/paths/~1Pets/get",
      docUrl: "docs/rules.md#rest-path-casing",
    });
    expect(formatJson([], context())).toBe("[]\n");
  });
});

describe("github formatter", () => {
  it("emits one workflow command per problem, escaping what would end or split a command", () => {
    expect(formatGithub(problems.slice(0, 2), context()).split("\n")).toEqual([
      "::warning file=specs/api.yaml,line=6,col=3,title=rest/path-casing::path segment is not kebab-case (rest/path-casing: docs/rules.md#rest-path-casing)",
      "::error file=specs/api.yaml,line=7,col=5,title=versioning/major-in-path::no /v{N}: fix it, 100%25%0Anow (versioning/major-in-path: docs/rules.md#rest-path-casing)",
      "",
    ]);
  });

  it("escapes commas and colons in properties", () => {
    const line = formatGithub([diagnostic({ file: "/work/project/a,b:c.yaml" })], context());
    expect(line).toContain("file=a%2Cb%3Ac.yaml,");
  });
});

describe("sarif formatter", () => {
  it("produces a log that validates against the SARIF 2.1.0 schema", () => {
    const log = JSON.parse(formatSarif(problems, context()));
    const valid = validateSarif(log);
    expect(validateSarif.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it("uses a validator that rejects a log missing what SARIF requires", () => {
    const log = JSON.parse(formatSarif(problems, context()));
    delete log.runs[0].tool.driver.name;
    expect(validateSarif(log)).toBe(false);
  });

  it("also validates with no results", () => {
    expect(validateSarif(JSON.parse(formatSarif([], context())))).toBe(true);
  });

  it("maps severity to level, positions to a region, files to %SRCROOT%-relative URIs and rules to indexes", () => {
    const log = JSON.parse(formatSarif(problems, context()));
    const run = log.runs[0];
    expect(log.version).toBe("2.1.0");
    expect(run.tool.driver.name).toBe("specwright");
    expect(run.originalUriBaseIds["%SRCROOT%"].uri).toBe("file:///work/project/");
    const [first, second, third] = run.results;
    expect(first.level).toBe("warning");
    expect(second.level).toBe("error");
    expect(second.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: "specs/api.yaml", uriBaseId: "%SRCROOT%" },
      region: { startLine: 7, startColumn: 5 },
    });
    expect(run.tool.driver.rules[second.ruleIndex].id).toBe("versioning/major-in-path");
    expect(run.tool.driver.rules[third.ruleIndex].id).toBe("x/unlisted");
    expect(third.locations[0].physicalLocation.artifactLocation.uri).toBe("specs/with%20space.yaml");
    expect(first.partialFingerprints["specwrightProblem/v1"]).toMatch(/^[0-9a-f]{64}$/);
    expect(first.partialFingerprints["specwrightProblem/v1"]).not.toBe(
      second.partialFingerprints["specwrightProblem/v1"],
    );
  });
});
