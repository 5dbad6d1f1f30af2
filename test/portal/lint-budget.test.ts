import { describe, expect, it } from "vitest";
import { ALL_RULES, presetConfig } from "../../generator/conventions/index.js";
import { PORTAL_PATTERN_BUDGET_MS, portalLintConfig } from "../../portal/catalog/catalog.js";

describe("the portal's lint configuration", () => {
  it("caps the pattern analysis budget below the CLI's, so one spec cannot hold the portal for 30 s", () => {
    const cli = presetConfig("recommended", ALL_RULES);
    expect(cli.rules["oas/pattern-backtracking"]?.options.budgetMs).toBe(30000);
    const portal = portalLintConfig(cli);
    expect(portal.rules["oas/pattern-backtracking"]?.options.budgetMs).toBe(PORTAL_PATTERN_BUDGET_MS);
    expect(PORTAL_PATTERN_BUDGET_MS).toBeLessThanOrEqual(2000);
    // The other rules and the CLI's own configuration are left as they were.
    expect(portal.rules["pagination/required"]).toEqual(cli.rules["pagination/required"]);
    expect(cli.rules["oas/pattern-backtracking"]?.options.budgetMs).toBe(30000);
  });
  it("keeps a smaller budget configured by the user, and leaves a config without the rule alone", () => {
    const cli = presetConfig("recommended", ALL_RULES);
    const rule = cli.rules["oas/pattern-backtracking"]!;
    const tight = {
      ...cli,
      rules: { ...cli.rules, "oas/pattern-backtracking": { ...rule, options: { ...rule.options, budgetMs: 500 } } },
    };
    expect(portalLintConfig(tight).rules["oas/pattern-backtracking"]?.options.budgetMs).toBe(500);
    const { ["oas/pattern-backtracking"]: _left, ...others } = cli.rules;
    const without = { ...cli, rules: others };
    expect(portalLintConfig(without)).toBe(without);
  });
});
