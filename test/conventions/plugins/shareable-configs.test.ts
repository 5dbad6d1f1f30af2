import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { lint } from "../../../generator/library/lint.js";
import { ConfigError, lintConfigFor, loadConfigFile } from "../../../generator/config/index.js";
import { writeSpecFiles as tempTree } from "../../load/temp-spec.js";
import { OWNER_PLUGIN, RULES_PACKAGE_JSON, SPEC } from "./plugin-fixtures.js";

/** A package exporting rules and a default config that turns them on and sets options, a setting and a declarative rule. */
const SHAREABLE = OWNER_PLUGIN.replace(
  "export default {",
  `export default {
  configs: {
    default: {
      extends: "strict",
      settings: { pagination: { style: "offset" } },
      rules: {
        "acme/has-owner": ["warn", { key: "x-team" }],
        "acme/summary": { severity: "error", declarative: { given: "operations", field: "summary", check: "present" } },
        "rest/plural-collections": ["warn", { singletons: ["config"] }],
      },
    },
  },`,
);

function project(config: string, files: Record<string, string> = {}): string {
  return tempTree({
    "specwright.config.yaml": config,
    "node_modules/@acme/specwright-rules/package.json": RULES_PACKAGE_JSON,
    "node_modules/@acme/specwright-rules/index.mjs": SHAREABLE,
    "api.yaml": SPEC,
    ...files,
  });
}

describe("extends: shareable configs", () => {
  it("merges a package's config and rules under the config's own entries", async () => {
    const dir = project("extends: [recommended, '@acme/specwright-rules']\nrules:\n  acme/has-owner: error\n");
    const config = await loadConfigFile(join(dir, "specwright.config.yaml"));
    expect(config.extends).toBe("recommended"); // the config's own preset wins over the package's
    expect(config.settings).toEqual({ pagination: { style: "offset" } });
    expect(config.rules["acme/has-owner"]).toEqual({ severity: "error", options: { key: "x-team" } });
    expect(config.customRules.map((rule) => rule.id)).toEqual(["acme/has-owner", "acme/summary"]);
    expect(lintConfigFor(config, join(dir, "api.yaml")).rules["rest/plural-collections"]).toEqual({
      severity: "warn",
      options: { singletons: ["config"] },
    });
    const problems = (await lint(join(dir, "api.yaml"), { config })).filter((d) => d.ruleId.startsWith("acme/"));
    expect(problems.map((d) => [d.ruleId, d.severity, d.line])).toEqual([
      ["acme/has-owner", "error", 5],
      ["acme/summary", "error", 5],
      ["acme/has-owner", "error", 10],
      ["acme/summary", "error", 10],
    ]);
  });

  it("takes the package's preset when the config names none, and a single name as well as a list", async () => {
    const config = await loadConfigFile(join(project("extends: '@acme/specwright-rules'\n"), "specwright.config.yaml"));
    expect(config.extends).toBe("strict");
  });

  it("reports an unknown name, and a mistake inside the package's config, at the extends entry", async () => {
    const unknown = (await loadConfigFile(
      join(project("extends: [recommended, lenient]\n"), "specwright.config.yaml"),
    ).catch((e: unknown) => e)) as ConfigError;
    expect(unknown).toBeInstanceOf(ConfigError);
    expect([unknown.message, unknown.line, unknown.column]).toEqual([
      'unknown preset or shareable config "lenient"',
      1,
      24,
    ]);
    expect(unknown.fix).toContain("minimal, recommended, strict");
    const bad = SHAREABLE.replace('singletons: ["config"]', 'singletonz: ["config"]');
    const inside = (await loadConfigFile(
      join(
        project("extends:\n  - '@acme/specwright-rules'\n", { "node_modules/@acme/specwright-rules/index.mjs": bad }),
        "specwright.config.yaml",
      ),
    ).catch((e: unknown) => e)) as ConfigError;
    expect(inside.message).toBe(
      'shareable config "@acme/specwright-rules" (at /rules/rest~1plural-collections/1/singletonz): unknown option "singletonz" for rule rest/plural-collections',
    );
    expect(inside.line).toBe(2);
  });
});
