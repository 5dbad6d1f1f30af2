import type { SeveritySetting } from "./diagnostic.js";
import type { ConventionSettings } from "./settings.js";
import type { AnyRule } from "./rule.js";

export interface RuleSetting {
  severity: SeveritySetting;
  options: Record<string, unknown>;
}

/** Everything a lint run needs, after presets, `extends`, file overrides and CLI flags are merged. */
export interface LintConfig {
  /** Rules not listed are off. */
  rules: Record<string, RuleSetting>;
  settings: ConventionSettings;
  /** Severity changes for problems under a JSON pointer of the root document (`overrides[].pointer`); most specific wins. */
  /** Rules of plugins and declarative config entries, linted beside the built-in ones. */
  customRules?: readonly AnyRule[];
  pointerOverrides?: Array<{ pointer: string; rules: Record<string, SeveritySetting> }>;
}
