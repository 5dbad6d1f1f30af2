import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { defaultConfig, lintConfigFor, loadConfigFile, type SpecwrightConfig } from "../../generator/config/index.js";
import { loadSpec } from "../../generator/load/index.js";
import { ALL_RULES, lintDocument } from "../../generator/conventions/index.js";
import { writeSpecFiles as tempTree } from "../load/temp-spec.js";

const repoRoot = join(import.meta.dirname, "../..");

function config(patch: Partial<SpecwrightConfig>): SpecwrightConfig {
  return { ...defaultConfig("/project"), file: "/project/specwright.config.yaml", ...patch };
}

describe("lintConfigFor", () => {
  it("starts from the `extends` preset, and --preset replaces it", () => {
    expect(lintConfigFor(config({ extends: "minimal" }), "/project/a.yaml").rules["rest/path-casing"]?.severity).toBe(
      "off",
    );
    expect(lintConfigFor(config({ extends: "minimal" }), "/project/a.yaml").rules["oas/schema"]?.severity).toBe(
      "error",
    );
    const strict = lintConfigFor(config({ extends: "minimal" }), "/project/a.yaml", { preset: "strict" });
    // Every rule an error, but the documentation rules that only warn (oas/operation-description).
    expect(
      Object.entries(strict.rules).every(
        ([id, rule]) => rule.severity === (id === "oas/operation-description" ? "warn" : "error"),
      ),
    ).toBe(true);
    expect(Object.keys(strict.rules).sort()).toEqual(ALL_RULES.map((rule) => rule.id).sort());
  });

  it("applies per-rule severity and merges options over the rule's defaults", () => {
    const result = lintConfigFor(
      config({
        rules: {
          "rest/plural-collections": { severity: "error", options: { singletons: ["me"] } },
          "rest/path-casing": { severity: "off" },
        },
      }),
      "/project/a.yaml",
    );
    expect(result.rules["rest/plural-collections"]).toEqual({ severity: "error", options: { singletons: ["me"] } });
    expect(result.rules["rest/path-casing"]?.severity).toBe("off");
    const optionsOnly = lintConfigFor(
      config({ rules: { "errors/coverage": { options: { require: ["500"] } } } }),
      "/project/a.yaml",
    );
    expect(optionsOnly.rules["errors/coverage"]).toEqual({ severity: "warn", options: { require: ["500"] } });
  });

  it("applies overrides whose globs match the spec (relative to the config's folder), later ones winning", () => {
    const withOverrides = config({
      settings: { pagination: { style: "cursor", itemsProperty: "data" } },
      overrides: [
        {
          files: ["specs/bookshop/**"],
          settings: { pagination: { style: "offset" } },
          rules: { "rest/rate-limit": { severity: "off" } },
        },
        { files: ["specs/bookshop/v2/**"], rules: { "rest/rate-limit": { severity: "error" } } },
      ],
    });
    const v1 = lintConfigFor(withOverrides, "/project/specs/bookshop/v1/openapi.yaml");
    expect(v1.settings.pagination).toEqual({ style: "offset", itemsProperty: "data", auto: true });
    expect(v1.rules["rest/rate-limit"]?.severity).toBe("off");
    expect(
      lintConfigFor(withOverrides, "/project/specs/bookshop/v2/openapi.yaml").rules["rest/rate-limit"]?.severity,
    ).toBe("error");
    const other = lintConfigFor(withOverrides, "/project/specs/petstore/openapi.yaml");
    expect(other.settings.pagination.style).toBe("cursor");
    expect(other.rules["rest/rate-limit"]?.severity).toBe("warn");
  });

  it("turns pointer overrides into severities under that pointer", () => {
    const result = lintConfigFor(
      config({
        overrides: [
          { files: ["legacy/**"], pointer: "/paths/~1old", rules: { "pagination/required": { severity: "off" } } },
        ],
      }),
      "/project/legacy/api.yaml",
    );
    expect(result.pointerOverrides).toEqual([{ pointer: "/paths/~1old", rules: { "pagination/required": "off" } }]);
    expect(
      lintConfigFor(
        config({ overrides: [{ files: ["legacy/**"], pointer: "/x", rules: {} }] }),
        "/project/new/api.yaml",
      ).pointerOverrides,
    ).toBeUndefined();
  });

  it("gives the bookshop example offset pagination through the repository's own config", async () => {
    const repoConfig = await loadConfigFile(join(repoRoot, "specwright.config.yaml"));
    expect(lintConfigFor(repoConfig, join(repoRoot, "specs/bookshop/v1/openapi.yaml")).settings.pagination.style).toBe(
      "offset",
    );
    expect(
      lintConfigFor(repoConfig, join(repoRoot, "specs/petstore/v1/openapi.yaml")).settings.pagination.style,
    ).toBeUndefined(); // unset: inferred from the spec
    expect(repoConfig.apis.map((api) => [api.name, api.out])).toEqual([
      ["petstore-v1", join(repoRoot, "gen/petstore-v1")],
      ["petstore-v2", join(repoRoot, "gen/petstore-v2")],
      ["bookshop-v1", join(repoRoot, "gen/bookshop-v1")],
    ]);
  });
});

describe("config applied to a real lint", () => {
  const spec = [
    "openapi: 3.1.0",
    "info: { title: T, version: 1.0.0 }",
    "servers: [{ url: 'https://api.example.com/v1' }]",
    "paths:",
    "  /Old-Things:",
    "    get: { operationId: listOld, responses: { '204': { description: none } } }",
    "  /New_Things:",
    "    get: { operationId: listNew, responses: { '204': { description: none } } }",
  ].join("\n");

  it("silences a rule under the override's pointer only", async () => {
    const dir = tempTree({
      "specwright.config.yaml":
        "extends: minimal\nrules:\n  rest/path-casing: error\noverrides:\n  - pointer: /paths/~1Old-Things\n    rules: { rest/path-casing: off }\n",
      "api.yaml": spec,
    });
    const loaded = await loadConfigFile(join(dir, "specwright.config.yaml"));
    const document = await loadSpec(join(dir, "api.yaml"));
    const problems = lintDocument(document, lintConfigFor(loaded, document.rootFile)).filter(
      (d) => d.ruleId === "rest/path-casing",
    );
    expect(problems.map((d) => [d.line, d.severity])).toEqual([[7, "error"]]);
  });
});
