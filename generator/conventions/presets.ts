import type { AnyRule } from "./rule.js";
import type { LintConfig, RuleSetting } from "./lint-config.js";
import type { SeveritySetting } from "./diagnostic.js";
import { DEFAULT_SETTINGS } from "./settings.js";

export const PRESET_NAMES = ["minimal", "recommended", "strict"] as const;
export type PresetName = (typeof PRESET_NAMES)[number];

/** minimal: only what the generators need; recommended: each rule's default; strict: every rule an error (unless it says otherwise). */
export function presetRules(preset: PresetName, rules: readonly AnyRule[]): Record<string, RuleSetting> {
  const result: Record<string, RuleSetting> = {};
  for (const rule of rules) {
    const severity =
      preset === "strict" ? strictSeverity(rule) : preset === "minimal" ? minimalSeverity(rule) : rule.recommended;
    result[rule.id] = { severity, options: { ...rule.defaultOptions } };
  }
  return result;
}

export function strictSeverity(rule: AnyRule): SeveritySetting {
  return rule.strict ?? "error";
}

export function minimalSeverity(rule: AnyRule): SeveritySetting {
  return rule.minimal === "warn" ? "warn" : rule.minimal === true ? "error" : "off";
}

export function presetConfig(preset: PresetName, rules: readonly AnyRule[]): LintConfig {
  return { rules: presetRules(preset, rules), settings: DEFAULT_SETTINGS };
}
