import type { ValidateFunction } from "ajv";
import type { ConventionSettings, PresetName } from "../conventions/index.js";
import type { DeepPartial } from "../conventions/settings.js";
import { configValidator, describeShapeError } from "./config-validator.js";
import { SHARED_CONFIG_SCHEMA } from "./config-schema.js";
import type { ConfigExtensions } from "./extensions/load-extensions.js";
import type { RuleCatalog } from "./rule-entries.js";
import type { RuleEntry } from "./types.js";

type Fail = (message: string, pointer: string, fix: string) => never;
type PartialSettings = DeepPartial<ConventionSettings>;

let validateShared: ValidateFunction | undefined;

/**
 * The shareable configs of `extends`, merged in order (a later one wins): their preset, settings and rule entries,
 * which the config's own then override. A mistake inside one is reported at the `extends` entry that names it.
 */
export function applySharedConfigs(
  shared: ConfigExtensions["shared"],
  catalog: RuleCatalog,
  fail: Fail,
): { preset?: PresetName; settings: PartialSettings; rules: Record<string, RuleEntry> } {
  let preset: PresetName | undefined;
  let settings: PartialSettings = {};
  let rules: Record<string, RuleEntry> = {};
  for (const { specifier, pointer, config } of shared) {
    const failInside: Fail = (message, inner, fix) =>
      fail(`shareable config "${specifier}"${inner ? ` (at ${inner})` : ""}: ${message}`, pointer, fix);
    validateShared ??= configValidator("shared-config", SHARED_CONFIG_SCHEMA);
    if (!validateShared(config)) failInside(...describeShapeError(validateShared.errors![0]!, SHARED_CONFIG_SCHEMA));
    const {
      extends: ownPreset,
      settings: ownSettings,
      rules: ownRules,
    } = config as { extends?: PresetName; settings?: PartialSettings; rules?: Record<string, unknown> };
    preset = ownPreset ?? preset;
    settings = mergePartialSettings(settings, ownSettings ?? {});
    rules = mergeRuleEntries(
      rules,
      catalog.normalise(ownRules ?? {}, "/rules", failInside, { declarativeDocs: () => specifier }),
    );
  }
  return { preset, settings, rules };
}

/** Settings written over settings, one level deep (as mergeSettings does over complete ones). */
export function mergePartialSettings(base: PartialSettings, patch: PartialSettings): PartialSettings {
  const result: Record<string, unknown> = { ...base };
  for (const [section, values] of Object.entries(patch))
    result[section] = { ...(base[section as keyof PartialSettings] as object | undefined), ...(values as object) };
  return result as PartialSettings;
}

/** Rule entries written over rule entries: a later severity wins, options merge. */
export function mergeRuleEntries(
  base: Record<string, RuleEntry>,
  patch: Record<string, RuleEntry>,
): Record<string, RuleEntry> {
  const result = { ...base };
  for (const [id, entry] of Object.entries(patch)) {
    const before = result[id];
    if (!before) {
      result[id] = entry;
      continue;
    }
    const options = before.options || entry.options ? { ...before.options, ...entry.options } : undefined;
    result[id] = { severity: entry.severity ?? before.severity, ...(options ? { options } : {}) };
  }
  return result;
}
