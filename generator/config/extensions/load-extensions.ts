import { dirname } from "node:path";
import { PRESET_NAMES } from "../../conventions/index.js";
import type { AnyRule } from "../../conventions/rule.js";
import { importExtension, type ExtensionFail } from "./import-extension.js";
import { pluginRules } from "./plugin-rules.js";
import { isPathSpecifier, resolveModule } from "./resolve-module.js";

/** What `plugins:` and the shareable configs of `extends:` contribute, each with the config place that names it. */
export interface ConfigExtensions {
  rules: Array<{ rule: AnyRule; origin: string; pointer: string }>;
  shared: Array<{ specifier: string; pointer: string; config: Record<string, unknown> }>;
}

export const NO_EXTENSIONS: ConfigExtensions = { rules: [], shared: [] };

/** `extends` as a list of [entry, pointer]. */
export function extendsEntries(value: unknown): Array<[string, string]> {
  if (typeof value === "string") return [[value, "/extends"]];
  return Array.isArray(value) ? value.map((entry, index) => [String(entry), `/extends/${index}`]) : [];
}

export const isPreset = (name: string): boolean => (PRESET_NAMES as readonly string[]).includes(name);

/**
 * Imports the plugins and shareable configs a config names (asynchronously: they are ES modules), relative to its
 * folder. Anything that cannot be loaded or has the wrong shape is reported at the config line naming it.
 */
export async function loadExtensions(
  raw: { plugins?: string[]; extends?: unknown },
  configFile: string,
  fail: (message: string, pointer: string, fix: string) => never,
): Promise<ConfigExtensions> {
  const dir = dirname(configFile);
  const result: ConfigExtensions = { rules: [], shared: [] };
  // A package both in `plugins` and in `extends` gives its rules once.
  const rulesFrom = new Set<string>();
  const once = (file: string) => !rulesFrom.has(file) && rulesFrom.add(file) !== undefined;
  for (const [index, specifier] of (raw.plugins ?? []).entries()) {
    const pointer = `/plugins/${index}`;
    const at: ExtensionFail = (message, fix) => fail(message, pointer, fix);
    const { file, value } = await importExtension(specifier, dir, at);
    if (!once(file)) continue;
    if (typeof value !== "object" || value === null)
      at(
        `plugin "${specifier}" does not export an object`,
        "export default { rules: [rule, …] } (README “Writing a rule”)",
      );
    for (const rule of pluginRules((value as { rules?: unknown }).rules, specifier, at))
      result.rules.push({ rule, origin: `plugin "${specifier}"`, pointer });
  }
  for (const [specifier, pointer] of extendsEntries(raw.extends)) {
    if (isPreset(specifier)) continue;
    const at: ExtensionFail = (message, fix) => fail(message, pointer, fix);
    if (!isPathSpecifier(specifier)) {
      const resolved = resolveModule(specifier, dir);
      if ("error" in resolved)
        at(
          `unknown preset or shareable config "${specifier}"`,
          `use one of ${PRESET_NAMES.join(", ")}, or a package (or ./path) that exports a config; ${resolved.error}`,
        );
    }
    const { file, value } = await importExtension(specifier, dir, at);
    const shared = sharedConfigOf(value, specifier, at);
    if (once(file))
      result.rules.push(...shared.rules.map((rule) => ({ rule, origin: `shareable config "${specifier}"`, pointer })));
    result.shared.push({ specifier, pointer, config: shared.config });
  }
  return result;
}

/** `{ configs: { default: {...} }, rules: [Rule] }`, or a config object itself (whose `rules` is then a map of entries). */
function sharedConfigOf(
  value: unknown,
  specifier: string,
  fail: ExtensionFail,
): { config: Record<string, unknown>; rules: AnyRule[] } {
  const shape =
    "export default { configs: { default: { rules: {…}, settings: {…} } }, rules: [rule, …] }, or the config object itself";
  if (typeof value !== "object" || value === null || Array.isArray(value))
    return fail(`shareable config "${specifier}" does not export an object`, shape);
  const module = value as { configs?: unknown; rules?: unknown };
  const rules = Array.isArray(module.rules) ? pluginRules(module.rules, specifier, fail) : [];
  if (module.configs !== undefined) {
    const config = (module.configs as { default?: unknown } | null)?.default;
    if (typeof config !== "object" || config === null || Array.isArray(config))
      return fail(`shareable config "${specifier}" has no configs.default object`, shape);
    return { config: config as Record<string, unknown>, rules };
  }
  return { config: Array.isArray(module.rules) ? {} : (value as Record<string, unknown>), rules };
}
