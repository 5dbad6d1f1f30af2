import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, STACK_FRAME } from "./run-cli.js";
import { writeSpecFiles as tempTree } from "../load/temp-spec.js";
import { ERROR_CONFIG, FLAWED_SPEC, WARN_ONLY_CONFIG } from "./fixtures.js";

const repoRoot = join(import.meta.dirname, "../..");

describe("specwright lint exit codes", () => {
  it("exits 0 on the example specs (a glob), saying there is no problem", () => {
    const result = runCli(["lint", "specs/**/openapi.yaml"], { cwd: repoRoot });
    expect(result.stderr).toBe("");
    expect(result.stdout).toBe("✔ no problems (3 files linted)\n");
    expect(result.code).toBe(0);
  });

  it("exits 1 on an error-level problem and 0 when there are only warnings, unless --max-warnings is exceeded", () => {
    const errors = tempTree({ "specwright.config.yaml": ERROR_CONFIG, "api.yaml": FLAWED_SPEC });
    expect(runCli(["lint", "api.yaml"], { cwd: errors }).code).toBe(1);
    const warnings = tempTree({ "specwright.config.yaml": WARN_ONLY_CONFIG, "api.yaml": FLAWED_SPEC });
    expect(runCli(["lint", "api.yaml"], { cwd: warnings }).code).toBe(0);
    const tooMany = runCli(["lint", "api.yaml", "--max-warnings", "0"], { cwd: warnings });
    expect(tooMany.code).toBe(1);
    expect(tooMany.stderr).toContain("1 warnings (more than --max-warnings 0)");
    expect(runCli(["lint", "api.yaml", "--max-warnings", "1"], { cwd: warnings }).code).toBe(0);
  });

  it("--quiet reports errors only", () => {
    const dir = tempTree({ "specwright.config.yaml": WARN_ONLY_CONFIG, "api.yaml": FLAWED_SPEC });
    expect(JSON.parse(runCli(["lint", "api.yaml", "-f", "json"], { cwd: dir }).stdout)).toHaveLength(1);
    expect(JSON.parse(runCli(["lint", "api.yaml", "-f", "json", "--quiet"], { cwd: dir }).stdout)).toEqual([]);
  });

  it("--preset and --config replace what the nearest config says", () => {
    const dir = tempTree({
      "specwright.config.yaml": WARN_ONLY_CONFIG,
      "strict.yaml": ERROR_CONFIG,
      "api.yaml": FLAWED_SPEC,
    });
    expect(runCli(["lint", "api.yaml", "--config", "strict.yaml"], { cwd: dir }).code).toBe(1);
    const strict = JSON.parse(
      runCli(["lint", "api.yaml", "--preset", "strict", "-f", "json"], { cwd: dir }).stdout,
    ) as Array<{ severity: string }>;
    // The config still sets rest/path-casing to warn over the strict preset; every other rule is an error, but
    // oas/operation-description, which only warns in strict.
    expect(strict.length).toBeGreaterThan(1);
    expect(
      strict
        .filter((d) => d.severity === "warn")
        .map((d) => (d as { ruleId?: string }).ruleId)
        .sort(),
    ).toEqual(["oas/operation-description", "rest/path-casing"]);
  });
});

describe("unreadable input exits 2 with one message naming the place, never a stack trace", () => {
  const cases: Array<{ name: string; files: Record<string, string>; arg: string; expected: RegExp }> = [
    {
      name: "missing file",
      files: {},
      arg: "missing.yaml",
      expected: /^error: missing\.yaml:1:1: file not found: .*missing\.yaml\n {2}fix: /,
    },
    {
      name: "YAML syntax error",
      files: { "api.yaml": "openapi: 3.1.0\ninfo:\n  title: 'unclosed\n  version: 1.0.0\npaths: {}\n" },
      arg: "api.yaml",
      expected: /^error: api\.yaml:\d+:\d+: YAML syntax error: .+\n {2}fix: /,
    },
    {
      name: "JSON syntax error",
      files: { "api.json": '{\n  "openapi": "3.1.0",\n  "info": { "title": "x" "version": "1" }\n}\n' },
      arg: "api.json",
      expected: /^error: api\.json:3:\d+: JSON syntax error/,
    },
    {
      name: "not an OpenAPI document",
      files: { "api.yaml": "name: not an api\n" },
      arg: "api.yaml",
      expected: /^error: api\.yaml:1:1: not an OpenAPI document/,
    },
    {
      name: "remote $ref refused",
      files: {
        "api.yaml":
          "openapi: 3.1.0\ninfo: { title: x, version: 1.0.0 }\npaths: {}\ncomponents:\n  schemas:\n    Pet:\n      $ref: 'https://example.com/pet.yaml'\n",
      },
      arg: "api.yaml",
      expected:
        /^error: api\.yaml:7:7: remote \$ref refused: https:\/\/example\.com\/pet\.yaml\n {2}fix: .*--allow-remote-refs/,
    },
    {
      name: "$ref escaping the spec's folder",
      files: {
        "secret.yaml": "type: object\n",
        "spec/api.yaml":
          "openapi: 3.1.0\ninfo: { title: x, version: 1.0.0 }\npaths: {}\ncomponents:\n  schemas:\n    Pet:\n      $ref: '../secret.yaml'\n",
      },
      arg: "spec/api.yaml",
      expected: /^error: spec\/api\.yaml:7:7: \$ref leaves the spec's folder/,
    },
  ];
  for (const { name, files, arg, expected } of cases) {
    it(name, () => {
      const dir = tempTree(files);
      const result = runCli(["lint", arg], { cwd: dir });
      expect(result.stderr).toMatch(expected);
      expect(result.stderr).not.toMatch(STACK_FRAME);
      expect(result.stdout).toBe("");
      expect(result.code).toBe(2);
    });
  }

  it("a file over --max-file-size is refused", () => {
    const dir = tempTree({ "api.yaml": FLAWED_SPEC + "#".repeat(200_000) + "\n" });
    const result = runCli(["lint", "api.yaml", "--max-file-size", "0.1"], { cwd: dir });
    expect(result.stderr).toMatch(/over the 0 MiB limit|over the .* limit/);
    expect(result.code).toBe(2);
  });

  it("lints the readable files of a run and still exits 2 for the unreadable one", () => {
    const dir = tempTree({
      "specwright.config.yaml": ERROR_CONFIG,
      "good.yaml": FLAWED_SPEC,
      "bad.yaml": "name: nope\n",
    });
    const result = runCli(["lint", "good.yaml", "bad.yaml", "-f", "json"], { cwd: dir });
    expect(JSON.parse(result.stdout)).toHaveLength(1);
    expect(result.stderr).toMatch(/^error: bad\.yaml:1:1: not an OpenAPI document/);
    expect(result.code).toBe(2);
  });
});

describe("bad usage and bad config exit 2", () => {
  const dir = tempTree({
    "api.yaml": FLAWED_SPEC,
    "broken/specwright.config.yaml": "rules:\n  rest/no-such-rule: warn\n",
    "broken/api.yaml": FLAWED_SPEC,
  });
  const usage: Array<[string, string[], RegExp]> = [
    ["no file", ["lint"], /missing required argument 'files'/],
    ["unknown option", ["lint", "api.yaml", "--frobnicate"], /unknown option '--frobnicate'/],
    ["unknown format", ["lint", "api.yaml", "--format", "xml"], /Allowed choices are stylish, json, sarif, github/],
    ["unknown preset", ["lint", "api.yaml", "--preset", "lenient"], /Allowed choices are minimal, recommended, strict/],
    ["bad --max-warnings", ["lint", "api.yaml", "--max-warnings", "-1"], /expected a whole number/],
    ["a glob matching nothing", ["lint", "nothing/**/*.yaml"], /^error: no files match 'nothing\/\*\*\/\*\.yaml'/],
    ["unknown command", ["lnt"], /unknown command 'lnt'/],
    [
      "unknown rule in the config, at its place",
      ["lint", "broken/api.yaml"],
      /^error: broken\/specwright\.config\.yaml:2:3: unknown rule "rest\/no-such-rule"/,
    ],
    [
      "missing --config file",
      ["lint", "api.yaml", "--config", "nope.yaml"],
      /^error: nope\.yaml:1:1: config file not found/,
    ],
  ];
  for (const [name, args, expected] of usage) {
    it(name, () => {
      const result = runCli(args, { cwd: dir });
      expect(result.stderr).toMatch(expected);
      expect(result.stderr).not.toMatch(STACK_FRAME);
      expect(result.code).toBe(2);
    });
  }

  it("--help exits 0 and lists the lint options", () => {
    const result = runCli(["lint", "--help"], { cwd: dir });
    expect(result.stdout).toContain("--write-baseline [file]");
    expect(result.code).toBe(0);
  });
});
