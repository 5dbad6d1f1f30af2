import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, findConfigFile, configFileForSpec, loadConfigFile } from "../../generator/config/index.js";
import { writeSpecFiles as tempTree } from "../load/temp-spec.js";
import { configErrorOf } from "./config-error-of.js";

const configError = (text: string) => configErrorOf({ "specwright.config.yaml": text });

describe("loadConfigFile", () => {
  it("gives the defaults without a file", async () => {
    const config = await loadConfigFile(undefined);
    expect(config.file).toBeUndefined();
    expect(config.extends).toBe("recommended");
    expect(config.rules).toEqual({});
    expect(config.apis).toEqual([]);
  });

  it("reads every section and normalises the three spellings of a rule entry", async () => {
    const dir = tempTree({
      "specwright.config.yaml": [
        "extends: strict",
        "settings:",
        "  pagination: { style: offset }",
        "rules:",
        "  versioning/major-in-path: warn",
        "  rest/plural-collections: [error, { singletons: [config] }]",
        "  versioning/info-version: { severity: off }",
        "overrides:",
        "  - files: ['legacy/**']",
        "    pointer: /paths/~1old",
        "    rules: { versioning/major-in-path: off }",
        "baseline: .specwright-baseline.json",
        "apis:",
        "  - name: shop",
        "    spec: specs/shop.yaml",
        "    server: false",
      ].join("\n"),
    });
    const config = await loadConfigFile(join(dir, "specwright.config.yaml"));
    expect(config.extends).toBe("strict");
    expect(config.settings).toEqual({ pagination: { style: "offset" } });
    expect(config.rules).toEqual({
      "versioning/major-in-path": { severity: "warn" },
      "rest/plural-collections": { severity: "error", options: { singletons: ["config"] } },
      "versioning/info-version": { severity: "off", options: undefined },
    });
    expect(config.overrides).toEqual([
      {
        files: ["legacy/**"],
        pointer: "/paths/~1old",
        settings: undefined,
        rules: { "versioning/major-in-path": { severity: "off" } },
      },
    ]);
    expect(config.baseline).toBe(join(dir, ".specwright-baseline.json"));
    expect(config.apis).toEqual([
      {
        name: "shop",
        spec: join(dir, "specs/shop.yaml"),
        out: join(dir, "gen/shop"),
        client: true,
        server: false,
        preset: undefined,
        pagination: {},
      },
    ]);
  });

  it("accepts an empty file as the defaults", async () => {
    const dir = tempTree({ "specwright.config.yaml": "# nothing yet\n" });
    const config = await loadConfigFile(join(dir, "specwright.config.yaml"));
    expect(config.extends).toBe("recommended");
    expect(config.dir).toBe(dir);
  });

  it("refuses an unknown rule id at its line and column, suggesting the nearest id", async () => {
    const error = await configError("extends: recommended\nrules:\n  versioning/major-in-paths: error\n");
    expect(error.message).toBe('unknown rule "versioning/major-in-paths"');
    expect([error.line, error.column]).toEqual([3, 3]);
    expect(error.fix).toContain('did you mean "versioning/major-in-path"');
  });

  it("refuses an unknown rule inside an override", async () => {
    const error = await configError("overrides:\n  - files: ['a/**']\n    rules:\n      nope/rule: off\n");
    expect([error.line, error.column]).toEqual([4, 7]);
  });

  it("refuses a bad severity at the value", async () => {
    const error = await configError("rules:\n  oas/schema: [fatal]\n");
    expect(error.message).toBe('invalid severity "fatal"');
    expect([error.line, error.column]).toEqual([2, 16]);
  });

  it("refuses an unknown key with a suggestion", async () => {
    const error = await configError("extends: recommended\nrule:\n  oas/schema: off\n");
    expect(error.message).toBe('unknown key "rule"');
    expect(error.line).toBe(2);
    expect(error.fix).toContain('did you mean "rules"');
  });

  it("refuses an unknown preset and a bad setting value", async () => {
    expect((await configError("extends: lenient\n")).fix).toContain("minimal, recommended, strict");
    const error = await configError("settings:\n  pagination:\n    style: page\n");
    expect([error.line, error.column]).toEqual([3, 5]);
  });

  it("reads the auto-pagination switch (settings.pagination.auto, apis[].autoPagination) and refuses a non-boolean", async () => {
    const dir = tempTree({
      "specwright.config.yaml":
        "settings:\n  pagination: { auto: false }\napis:\n  - { name: a, spec: a.yaml, autoPagination: true }\n  - { name: b, spec: b.yaml }\n",
    });
    const config = await loadConfigFile(join(dir, "specwright.config.yaml"));
    expect(config.settings?.pagination?.auto).toBe(false);
    expect(config.apis.map((api) => api.autoPagination)).toEqual([true, undefined]);
    expect((await configError("settings:\n  pagination:\n    auto: no\n")).line).toBe(3);
    expect((await configError("apis:\n  - { name: a, spec: a.yaml, autoPagination: off }\n")).line).toBe(2);
  });

  it("refuses settings in a pointer override, options in a pointer override, and duplicate api names", async () => {
    expect(
      (await configError("overrides:\n  - pointer: /paths\n    settings: { casing: { properties: camel } }\n")).line,
    ).toBe(3);
    expect(
      (await configError("overrides:\n  - pointer: /paths\n    rules: { oas/schema: [warn, { a: 1 }] }\n")).message,
    ).toContain("options cannot be scoped");
    expect((await configError("apis:\n  - { name: a, spec: a.yaml }\n  - { name: a, spec: b.yaml }\n")).line).toBe(3);
  });

  it("reports a YAML syntax error as a config error with its place", async () => {
    const error = await configError("extends: recommended\nrules:\n  oas/schema: [warn\n");
    expect(error.message).toMatch(/^YAML syntax error/);
    expect(error.line).toBeGreaterThanOrEqual(3);
  });

  it("reports a missing --config file", async () => {
    const error = await loadConfigFile("/nonexistent/specwright.config.yaml").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).toContain("/nonexistent/specwright.config.yaml");
  });
});

describe("finding the config file", () => {
  it("walks up from the spec's folder, and falls back to the working folder", () => {
    const dir = tempTree({
      "project/specwright.config.yaml": "",
      "project/specs/a/openapi.yaml": "",
      "other/x.yaml": "",
    });
    expect(findConfigFile(join(dir, "project/specs/a"))).toBe(join(dir, "project/specwright.config.yaml"));
    expect(configFileForSpec(join(dir, "project/specs/a/openapi.yaml"), dir)).toBe(
      join(dir, "project/specwright.config.yaml"),
    );
    expect(configFileForSpec(join(dir, "other/x.yaml"), join(dir, "project"))).toBe(
      join(dir, "project/specwright.config.yaml"),
    );
  });
});
