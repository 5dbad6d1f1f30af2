import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, loadAcceptFile, loadConfigFile } from "../../generator/config/index.js";
import { writeSpecFiles as tempTree } from "../load/temp-spec.js";

async function configError(diff: string): Promise<ConfigError> {
  const dir = tempTree({ "specwright.config.yaml": `diff:\n${diff}` });
  const error = await loadConfigFile(join(dir, "specwright.config.yaml")).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ConfigError);
  return error as ConfigError;
}

const entry = (fields: string) => `  accept:\n    - ${fields}\n`;

describe("config diff: section", () => {
  it("reads the accept-list, severity overrides and stability globs, each with its place", async () => {
    const dir = tempTree({
      "specwright.config.yaml": [
        "diff:",
        "  accept:",
        "    - check: response-property-removed",
        "      operation: GET /pets",
        "      reason: the field was never filled",
        "      expires: 2027-01-31",
        "  severity:",
        "    response-enum-value-added: breaking",
        "  stability:",
        '    "/beta/**": beta',
        "",
      ].join("\n"),
    });
    const file = join(dir, "specwright.config.yaml");
    const { diff } = await loadConfigFile(file);
    expect(diff.accept).toEqual([
      {
        check: "response-property-removed",
        operation: "GET /pets",
        reason: "the field was never filled",
        expires: "2027-01-31",
        at: { file, line: 3, column: 7 },
      },
    ]);
    expect(diff.severity).toEqual({
      "response-enum-value-added": { classification: "breaking", at: { file, line: 8, column: 5 } },
    });
    expect(diff.stability).toEqual([{ selector: "/beta/**", level: "beta", at: { file, line: 10, column: 5 } }]);
  });

  it("an unknown check id is an error at its place, with the nearest known id", async () => {
    const error = await configError(
      entry("{ check: response-propery-removed, operation: GET /pets, reason: r, expires: 2027-01-31 }"),
    );
    expect(error.message).toBe('unknown check "response-propery-removed"');
    expect(error.fix).toContain('did you mean "response-property-removed"?');
    expect(error.line).toBe(3);
    const severity = await configError("  severity:\n    param-became-requird: warning\n");
    expect(severity.message).toBe('unknown check "param-became-requird"');
    expect(severity.fix).toContain('did you mean "param-became-required"?');
    expect(severity.line).toBe(3);
  });

  it("refuses a classification that does not exist, an operation without its method, an impossible date and a missing reason", async () => {
    expect((await configError("  severity:\n    param-removed: fatal\n")).fix).toBe(
      "use one of breaking, warning, non-breaking, info",
    );
    const operation = await configError(
      entry("{ check: param-removed, operation: /pets, reason: r, expires: 2027-01-31 }"),
    );
    expect(operation.message).toBe('invalid operation "/pets": the method is missing');
    expect(operation.fix).toContain("`METHOD /path`");
    expect(
      (await configError(entry("{ check: param-removed, operation: GET /pets, reason: r, expires: 2027-02-30 }")))
        .message,
    ).toBe('invalid date "2027-02-30"');
    expect(
      (await configError(entry("{ check: param-removed, operation: GET /pets, expires: 2027-01-31 }"))).message,
    ).toBe('missing "reason"');
    expect((await configError('  stability:\n    "FETCH /beta/**": beta\n')).message).toBe(
      'invalid diff.stability key "FETCH /beta/**": "FETCH" is not an HTTP method',
    );
  });
});

describe("--accept FILE", () => {
  it("reads a YAML list or a JSON object with `accept`, locating each entry in that file", async () => {
    const dir = tempTree({
      "accept.yaml":
        "- check: operation-removed\n  operation: deletePet\n  reason: nobody called it\n  expires: 2027-01-31\n",
      "accept.json": JSON.stringify(
        { accept: [{ check: "param-removed", operation: "GET /pets", reason: "unused", expires: "2027-01-31" }] },
        null,
        2,
      ),
    });
    expect(await loadAcceptFile(join(dir, "accept.yaml"))).toEqual([
      {
        check: "operation-removed",
        operation: "deletePet",
        reason: "nobody called it",
        expires: "2027-01-31",
        at: { file: join(dir, "accept.yaml"), line: 1, column: 3 },
      },
    ]);
    const [json] = await loadAcceptFile(join(dir, "accept.json"));
    expect(json).toMatchObject({ check: "param-removed", at: { file: join(dir, "accept.json"), line: 3 } });
  });

  it("reports a mistake in the file at its line", async () => {
    const dir = tempTree({
      "accept.yaml": "accept:\n  - check: operation-removed\n    operation: deletePet\n    expires: 2027-01-31\n",
    });
    const error = await loadAcceptFile(join(dir, "accept.yaml")).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect(error).toMatchObject({ message: 'missing "reason"', file: join(dir, "accept.yaml"), line: 2 });
  });
});
