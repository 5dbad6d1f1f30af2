import { ALL_RULES, type SeveritySetting } from "../conventions/index.js";
import type { AnyRule } from "../conventions/rule.js";
import { declarativeRule } from "../conventions/declarative/declarative-rule.js";
import { joinPointer } from "../load/json-pointer.js";
import { didYouMean } from "./config-validator.js";
import { parseDeclarative } from "./extensions/declarative-config.js";
import { checkRuleId } from "./extensions/plugin-rules.js";
import { RuleOptionsChecker } from "./rule-options.js";
import type { RuleEntry } from "./types.js";

type Fail = (message: string, pointer: string, fix: string) => never;

const SEVERITIES: readonly SeveritySetting[] = ["error", "warn", "off"];
const BUILT_IN_IDS = new Set(ALL_RULES.map((rule) => rule.id));

export interface NormaliseOptions {
  /** Pointer overrides: severities only. */
  severityOnly?: boolean;
  /** Where `declarative:` rules may be defined (the top level and shareable configs), and where they are documented. */
  declarativeDocs?: (pointer: string) => string;
}

/**
 * The rules a config can name: the built-in ones, its plugins' and its declarative ones. Rule entries are
 * normalised against it, so an unknown id or a wrong option is reported where it is written.
 */
export class RuleCatalog {
  /** Plugin and declarative rules, in the order they were added. */
  readonly custom: AnyRule[] = [];
  private readonly known = new Map<string, AnyRule>(ALL_RULES.map((rule) => [rule.id, rule]));
  private readonly origins = new Map<string, string>();
  private readonly options = new RuleOptionsChecker(() => [...this.known.values()]);

  add(rule: AnyRule, origin: string, fail: (message: string, fix: string) => never): void {
    checkRuleId(rule.id, origin, BUILT_IN_IDS, this.origins, fail);
    this.known.set(rule.id, rule);
    this.origins.set(rule.id, origin);
    this.custom.push(rule);
  }

  normalise(
    rules: Record<string, unknown>,
    at: string,
    fail: Fail,
    opts: NormaliseOptions = {},
  ): Record<string, RuleEntry> {
    const result: Record<string, RuleEntry> = {};
    for (const [id, entry] of Object.entries(rules)) {
      const pointer = joinPointer(at, id);
      if (isDeclarative(entry)) {
        result[id] = this.declare(id, entry, pointer, fail, opts);
        continue;
      }
      const rule = this.known.get(id);
      if (!rule)
        fail(
          `unknown rule "${id}"`,
          pointer,
          `${didYouMean(id, [...this.known.keys()])}the rule ids are listed in docs/rules.md; a plugin's rules need the plugin under \`plugins:\``,
        );
      const normalised = normaliseRuleEntry(entry, pointer, fail);
      if (normalised.entry.options !== undefined) {
        if (opts.severityOnly)
          fail(
            `rule options cannot be scoped to a pointer`,
            pointer,
            "give only a severity here (error, warn or off); set options at the top level or in an override by `files`",
          );
        this.options.check(rule!, normalised.entry.options, normalised.optionsAt!, fail);
      }
      result[id] = normalised.entry;
    }
    return result;
  }

  private declare(
    id: string,
    entry: Record<string, unknown>,
    pointer: string,
    fail: Fail,
    opts: NormaliseOptions,
  ): RuleEntry {
    if (!opts.declarativeDocs)
      fail(
        "declarative rules are defined at the top level only",
        joinPointer(pointer, "declarative"),
        "move the definition to the top-level `rules:`; overrides can then change its severity",
      );
    const { severity, declarative, ...rest } = entry;
    const extra = Object.keys(rest)[0];
    if (extra !== undefined)
      fail(
        `unknown key "${extra}" in a declarative rule entry`,
        joinPointer(pointer, extra),
        "a declarative rule entry has `severity` and `declarative`",
      );
    const checked =
      severity === undefined ? undefined : checkSeverity(severity, joinPointer(pointer, "severity"), fail);
    const definition = parseDeclarative(declarative, joinPointer(pointer, "declarative"), fail);
    const rule = declarativeRule(id, definition, checked ?? "warn", opts.declarativeDocs!(pointer));
    this.add(rule, `declarative rule at ${opts.declarativeDocs!(pointer)}`, (message, fix) =>
      fail(message, pointer, fix),
    );
    return { severity: checked ?? "warn" };
  }
}

function isDeclarative(entry: unknown): entry is Record<string, unknown> {
  return entry !== null && typeof entry === "object" && !Array.isArray(entry) && "declarative" in entry;
}

const SEVERITY_FIX = `use one of ${SEVERITIES.join(", ")}, or [severity, { options }]`;

function checkSeverity(severity: unknown, at: string, fail: Fail): SeveritySetting {
  if (typeof severity === "string" && (SEVERITIES as readonly string[]).includes(severity))
    return severity as SeveritySetting;
  return fail(`invalid severity ${JSON.stringify(severity)}`, at, SEVERITY_FIX);
}

/** `warn` | `[warn]` | `[warn, { ... }]` | `{ severity: warn, options: { ... } }`; with where the options are written. */
function normaliseRuleEntry(entry: unknown, pointer: string, fail: Fail): { entry: RuleEntry; optionsAt?: string } {
  const checkOptions = (options: unknown, at: string): Record<string, unknown> | undefined => {
    if (options === undefined) return undefined;
    if (options !== null && typeof options === "object" && !Array.isArray(options))
      return options as Record<string, unknown>;
    return fail("rule options must be a map", at, "write the options as `{ name: value }`");
  };
  if (typeof entry === "string") return { entry: { severity: checkSeverity(entry, pointer, fail) } };
  if (Array.isArray(entry)) {
    if (entry.length === 0 || entry.length > 2)
      fail("a rule given as a list must be [severity] or [severity, options]", pointer, SEVERITY_FIX);
    const optionsAt = `${pointer}/1`;
    return {
      entry: { severity: checkSeverity(entry[0], `${pointer}/0`, fail), options: checkOptions(entry[1], optionsAt) },
      optionsAt,
    };
  }
  if (entry !== null && typeof entry === "object") {
    const { severity, options, ...rest } = entry as Record<string, unknown>;
    const extra = Object.keys(rest)[0];
    if (extra !== undefined)
      fail(
        `unknown key "${extra}" in a rule entry`,
        joinPointer(pointer, extra),
        `${didYouMean(extra, ["severity", "options", "declarative"])}a rule entry has \`severity\` and \`options\` (or \`declarative\` for a rule defined in the config)`,
      );
    const optionsAt = `${pointer}/options`;
    return {
      entry: {
        severity: severity === undefined ? undefined : checkSeverity(severity, `${pointer}/severity`, fail),
        options: checkOptions(options, optionsAt),
      },
      optionsAt,
    };
  }
  return fail(`invalid rule entry ${JSON.stringify(entry)}`, pointer, SEVERITY_FIX);
}
