import type { Located, NodeRef, SpecDocument } from "../load/index.js";
import type { SeveritySetting } from "./diagnostic.js";
import type { ConventionSettings } from "./settings.js";
import type { OperationInfo } from "./operation-info.js";
import type { JsonObject } from "../facts/json-object.js";

export type { JsonObject };

/** What a rule sees: the document (with positions), the API-wide settings, its own options, and a way to report. */
export interface RuleContext<Options> {
  document: SpecDocument;
  settings: ConventionSettings;
  options: Options;
  /** Reports a problem at the place `at` names (reported where it is written, also behind a `$ref`). */
  report(problem: { message: string; at: NodeRef }): void;
}

export interface SchemaVisit {
  /** The schema object itself (never a `$ref`: references are followed, each target visited once). */
  schema: Located<JsonObject>;
  /** Property name when this schema is the value of `properties.<name>`. */
  propertyName?: string;
}

/**
 * Callbacks for the single walk over the document. Each is optional; all rules share one walk.
 * Order: document, servers, then per path: pathItem, its operations; then every schema; then `end`.
 */
export interface Visitors {
  document?(root: Located<JsonObject>): void;
  server?(server: Located<JsonObject>): void;
  pathItem?(path: string, item: Located<JsonObject>): void;
  operation?(operation: OperationInfo): void;
  schema?(visit: SchemaVisit): void;
  /** After the walk: for rules that compare across the document (consistency, uniqueness). */
  end?(): void;
}

export interface Rule<Options = Record<string, unknown>> {
  /** `area/name`, the same as the file path under rules/. */
  id: string;
  /** One line: what the convention asks for. */
  description: string;
  /** Severity in the `recommended` preset. */
  recommended: SeveritySetting;
  /**
   * Part of the `minimal` preset: the generators cannot work without it (`true`: at error), or generated code
   * misbehaves without it (`"warn"`).
   */
  minimal?: boolean | "warn";
  /** Severity in the `strict` preset (default `error`): a rule that asks for documentation only warns there. */
  strict?: SeveritySetting;
  /** Default options; config options are merged over them. */
  defaultOptions: Options;
  /**
   * JSON Schema of the options a config may give (`additionalProperties: false`): checked when the config loads, so
   * a misspelt or mistyped option is a config error at its line, never a surprise at lint time. Without one, only the
   * option names are checked, against `defaultOptions`.
   */
  optionsSchema?: object;
  /** Where the rule is documented (plugin rules); built-in rules are documented in docs/rules.md. */
  docsUrl?: string;
  create(context: RuleContext<Options>): Visitors;
}

/** Lets each rule file declare its options type and still be listed in one array. */
export function defineRule<Options extends object>(rule: Rule<Options>): Rule<Options> {
  return rule;
}

export type AnyRule = Rule<any>;
