export { lintDocument } from "./lint.js";
export { ALL_RULES } from "./rules/index.js";
export { presetConfig, presetRules, PRESET_NAMES, type PresetName } from "./presets.js";
export type { Diagnostic, Severity, SeveritySetting } from "./diagnostic.js";
export type { LintConfig, RuleSetting } from "./lint-config.js";
export { DEFAULT_SETTINGS, mergeSettings, type ConventionSettings, type PaginationStyle } from "./settings.js";
export { defineRule, type Rule, type RuleContext, type Visitors } from "./rule.js";
