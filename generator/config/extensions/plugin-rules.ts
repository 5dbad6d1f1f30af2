import type { AnyRule } from "../../conventions/rule.js";
import type { SeveritySetting } from "../../conventions/diagnostic.js";
import type { ExtensionFail } from "./import-extension.js";

const SEVERITIES: readonly string[] = ["error", "warn", "off"];
const RULE_SHAPE =
  "a rule is { id: 'acme/name', description, recommended: 'error' | 'warn' | 'off', defaultOptions, optionsSchema?, create(context) }";

/** `area/name` (more segments allowed): lower-case words with dashes. */
export const NAMESPACED_ID = /^[a-z0-9][a-z0-9-]*(\/[a-z0-9][a-z0-9-]*)+$/;

/**
 * The rules of a plugin's `rules` export, checked to have the built-in rules' shape, so that a mistake in a
 * plugin is a config error naming it instead of a crash in the middle of a lint.
 */
export function pluginRules(exported: unknown, specifier: string, fail: ExtensionFail): AnyRule[] {
  if (!Array.isArray(exported))
    return fail(
      `plugin "${specifier}" exports no rules list`,
      "export default { rules: [rule, …] } (README “Writing a rule”)",
    );
  return exported.map((rule: unknown, index) => {
    const which = `rule ${index + 1} of plugin "${specifier}"`;
    if (typeof rule !== "object" || rule === null) return fail(`${which} is not an object`, RULE_SHAPE);
    const r = rule as Record<string, unknown>;
    if (typeof r.id !== "string") return fail(`${which} has no string id`, RULE_SHAPE);
    const named = `rule ${r.id} of plugin "${specifier}"`;
    if (typeof r.description !== "string") return fail(`${named} has no description`, RULE_SHAPE);
    if (typeof r.recommended !== "string" || !SEVERITIES.includes(r.recommended))
      return fail(`${named} has no valid recommended severity`, RULE_SHAPE);
    if (typeof r.create !== "function") return fail(`${named} has no create(context) function`, RULE_SHAPE);
    if (
      r.defaultOptions !== undefined &&
      (typeof r.defaultOptions !== "object" || r.defaultOptions === null || Array.isArray(r.defaultOptions))
    )
      return fail(`${named}: defaultOptions is not a map`, RULE_SHAPE);
    if (r.optionsSchema !== undefined && (typeof r.optionsSchema !== "object" || r.optionsSchema === null))
      return fail(`${named}: optionsSchema is not a JSON Schema object`, RULE_SHAPE);
    if (r.docsUrl !== undefined && typeof r.docsUrl !== "string")
      return fail(`${named}: docsUrl is not a string`, RULE_SHAPE);
    return {
      ...r,
      recommended: r.recommended as SeveritySetting,
      defaultOptions: r.defaultOptions ?? {},
      docsUrl: r.docsUrl ?? specifier,
    } as AnyRule;
  });
}

/** Checks that extension rule ids are namespaced, stay out of specwright's own areas and are unique. */
export function checkRuleId(
  id: string,
  origin: string,
  builtIn: ReadonlySet<string>,
  taken: ReadonlyMap<string, string>,
  fail: ExtensionFail,
): void {
  if (!NAMESPACED_ID.test(id))
    fail(
      `rule id "${id}" (${origin}) is not namespaced`,
      "name it <namespace>/<rule>, e.g. acme/has-owner (lower case, digits and dashes)",
    );
  const area = id.split("/")[0]!;
  if (builtIn.has(id))
    fail(
      `rule id "${id}" (${origin}) is a built-in rule's`,
      `choose your own namespace, e.g. acme/${id.split("/").slice(1).join("/")}`,
    );
  if ([...builtIn].some((builtInId) => builtInId.startsWith(`${area}/`)))
    fail(
      `rule id "${id}" (${origin}) uses specwright's "${area}/" namespace`,
      `choose your own namespace, e.g. acme/${id.split("/").slice(1).join("/")}`,
    );
  const other = taken.get(id);
  if (other !== undefined) fail(`rule id "${id}" is defined twice: by ${other} and by ${origin}`, "rename one of them");
}
