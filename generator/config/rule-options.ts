// Rule options are checked when the config loads, against each rule's `optionsSchema`: a misspelt or mistyped
// option is a ConfigError at its line naming the rule, the option and the allowed keys, never a surprise at lint time.
import { createRequire } from "node:module";
import type { Ajv, ValidateFunction } from "ajv";
import type { AnyRule } from "../conventions/rule.js";
import { optionsSchema } from "../conventions/option-schemas.js";
import { joinPointer } from "../load/json-pointer.js";
import { ruleDocUrl } from "../conventions/diagnostic.js";
import { allowedKeysAt, configValidator, didYouMean } from "./config-validator.js";

type Fail = (message: string, pointer: string, fix: string) => never;

/** The schema of a rule's options: its own, else one that allows exactly the names of its default options. */
export function ruleOptionsSchema(rule: AnyRule): object {
  return (
    rule.optionsSchema ??
    optionsSchema(Object.fromEntries(Object.keys(rule.defaultOptions ?? {}).map((name) => [name, {}])))
  );
}

/** Whether ajv compiles one schema (only asked once the combined schema failed: to name the rule at fault). */
function compiles(schema: object): boolean {
  const { Ajv: AjvClass } = createRequire(import.meta.url)("ajv") as { Ajv: typeof Ajv };
  try {
    new AjvClass({ strict: true }).compile(schema);
    return true;
  } catch {
    return false;
  }
}

/** Checks options against the rules' schemas; one validator for all the rules, compiled only when a config has options. */
export class RuleOptionsChecker {
  private schema: object | undefined;
  private validate: ValidateFunction | undefined;
  private compiledFor = new Set<string>();

  /** `rules` is read when the validator is compiled: rules added later (declarative ones) cause a recompilation. */
  constructor(private readonly rules: () => readonly AnyRule[]) {}

  /** `pointer` is where the options map is written in the config. */
  check(rule: AnyRule, options: Record<string, unknown>, pointer: string, fail: Fail): void {
    if (!this.validate || !this.compiledFor.has(rule.id)) {
      const rules = this.rules();
      this.compiledFor = new Set(rules.map((r) => r.id));
      this.schema = { type: "object", properties: Object.fromEntries(rules.map((r) => [r.id, ruleOptionsSchema(r)])) };
      try {
        this.validate = configValidator("rule-options", this.schema);
      } catch (error) {
        const culprit = rules.find((r) => !compiles(ruleOptionsSchema(r))) ?? rule;
        fail(
          `the optionsSchema of rule ${culprit.id} is not a valid JSON Schema: ${(error as Error).message}`,
          pointer,
          `correct it (draft-07 JSON Schema, ajv strict mode)${culprit.docsUrl ? `; the rule comes from ${culprit.docsUrl}` : ""}`,
        );
      }
    }
    if (this.validate({ [rule.id]: options })) return;
    const error = this.validate.errors![0]!;
    const params = error.params as Record<string, unknown>;
    // instancePath is /<rule id>/<option>/...: the part after the rule id is the option's place inside the map.
    const inner = error.instancePath.split("/").slice(2);
    const docs = rule.docsUrl ?? ruleDocUrl(rule.id);
    if (error.keyword === "additionalProperties" && typeof params.additionalProperty === "string") {
      const key = params.additionalProperty;
      const allowed = allowedKeysAt(this.schema!, error.schemaPath);
      const takes = allowed.length === 0 ? `${rule.id} takes no options` : `${rule.id} takes: ${allowed.join(", ")}`;
      const where = inner.length > 0 ? ` (in ${inner.join(".")})` : "";
      fail(
        `unknown option "${key}" for rule ${rule.id}${where}`,
        joinPointer([pointer, ...inner].join("/"), key),
        `${didYouMean(key, allowed)}${takes} (see ${docs})`,
      );
    }
    const option = inner[0] ?? "";
    const detail =
      error.keyword === "enum" && Array.isArray(params.allowedValues)
        ? `must be one of ${params.allowedValues.join(", ")}`
        : (error.message ?? error.keyword);
    fail(
      `invalid option ${option ? `"${inner.join(".")}" ` : ""}for rule ${rule.id}: ${detail}`,
      [pointer, ...inner].join("/"),
      `correct the value (see ${docs})`,
    );
  }
}
