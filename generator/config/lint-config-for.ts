import {
  ALL_RULES,
  DEFAULT_SETTINGS,
  mergeSettings,
  presetRules,
  type LintConfig,
  type PresetName,
  type SeveritySetting,
} from "../conventions/index.js";
import type { RuleSetting } from "../conventions/index.js";
import { matchesGlobs } from "./file-globs.js";
import type { RuleEntry, SpecwrightConfig } from "./types.js";

/**
 * The lint configuration for one spec file: the preset (`extends`, or `opts.preset` from the command line), then the
 * config's rules and settings, then every override whose `files` match, in order (later entries win).
 */
export function lintConfigFor(
  config: SpecwrightConfig,
  specFile: string,
  opts: { preset?: PresetName } = {},
): LintConfig {
  // Plugin and declarative rules follow the presets like the built-in ones (their `recommended` severity).
  const rules = presetRules(
    opts.preset ?? config.extends,
    config.customRules.length > 0 ? [...ALL_RULES, ...config.customRules] : ALL_RULES,
  );
  let settings = mergeSettings(DEFAULT_SETTINGS, config.settings);
  applyRules(rules, config.rules);
  const pointerOverrides: NonNullable<LintConfig["pointerOverrides"]> = [];
  for (const override of config.overrides) {
    if (override.files && !matchesGlobs(override.files, config.dir, specFile)) continue;
    if (override.pointer !== undefined) {
      pointerOverrides.push({ pointer: override.pointer, rules: severities(override.rules) });
      continue;
    }
    settings = mergeSettings(settings, override.settings);
    applyRules(rules, override.rules);
  }
  const custom = config.customRules.length > 0 ? { customRules: config.customRules } : {};
  return pointerOverrides.length > 0
    ? { rules, settings, pointerOverrides, ...custom }
    : { rules, settings, ...custom };
}

function applyRules(into: Record<string, RuleSetting>, entries: Record<string, RuleEntry>): void {
  for (const [id, entry] of Object.entries(entries)) {
    const base = into[id] ?? { severity: "off", options: {} };
    into[id] = { severity: entry.severity ?? base.severity, options: { ...base.options, ...entry.options } };
  }
}

function severities(entries: Record<string, RuleEntry>): Record<string, SeveritySetting> {
  const result: Record<string, SeveritySetting> = {};
  for (const [id, entry] of Object.entries(entries)) if (entry.severity) result[id] = entry.severity;
  return result;
}
