/** The named node kinds a declarative rule can apply to (besides a JSON-pointer pattern such as `/paths/*\/get`). */
export const GIVEN_KINDS = ["operations", "parameters", "responses", "schemas", "properties"] as const;
export type GivenKind = (typeof GIVEN_KINDS)[number];

export const CHECKS = ["present", "pattern", "enum", "casing", "length"] as const;
export type CheckName = (typeof CHECKS)[number];

export const CASINGS = ["camel", "snake", "kebab", "pascal"] as const;
export type CasingName = (typeof CASINGS)[number];

/**
 * A rule written in the config instead of JavaScript (README "Declarative rules"): for every node `given` names,
 * the member at the dotted `field` path (`@key`: the node's own name) must pass `check`.
 */
export interface DeclarativeDefinition {
  given: GivenKind | `/${string}`;
  field: string;
  check: CheckName;
  /** check: pattern (ECMA-262, u flag). */
  pattern?: string;
  /** check: enum. */
  values?: unknown[];
  /** check: casing. */
  casing?: CasingName;
  /** check: length (of a string or an array). */
  min?: number;
  max?: number;
  /** Replaces the generated message. */
  message?: string;
  description?: string;
  docsUrl?: string;
}

export const CASING_PATTERNS: Record<CasingName, RegExp> = {
  camel: /^[a-z][a-zA-Z0-9]*$/,
  pascal: /^[A-Z][a-zA-Z0-9]*$/,
  snake: /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/,
  kebab: /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/,
};
