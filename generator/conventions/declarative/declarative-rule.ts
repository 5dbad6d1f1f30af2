import type { Located, SpecDocument } from "../../load/index.js";
import type { SeveritySetting } from "../diagnostic.js";
import { NO_OPTIONS } from "../option-schemas.js";
import type { AnyRule } from "../rule.js";
import { CASING_PATTERNS, type DeclarativeDefinition } from "./definition.js";
import { targetVisitors, type Target } from "./targets.js";

/** A rule from a config's declarative definition (already checked by the config loader). */
export function declarativeRule(
  id: string,
  definition: DeclarativeDefinition,
  recommended: SeveritySetting,
  docsUrl: string,
): AnyRule {
  const test = valueTest(definition);
  return {
    id,
    description: definition.description ?? describe(definition),
    recommended,
    defaultOptions: {},
    optionsSchema: NO_OPTIONS,
    docsUrl: definition.docsUrl ?? docsUrl,
    create({ document, report }) {
      return targetVisitors(document, definition.given, (target) => {
        const field = fieldOf(document, target, definition.field);
        if (!field) {
          if (definition.check === "present")
            report({ message: definition.message ?? `${target.label} has no ${definition.field}`, at: target.node.at });
          return;
        }
        const problem = test(field.value);
        if (problem !== undefined)
          report({ message: definition.message ?? `${definition.field} of ${target.label} ${problem}`, at: field.at });
      });
    },
  };
}

/** The member at a dotted path below the target (`@key`: the target's own name), following `$ref`s. */
function fieldOf(document: SpecDocument, target: Target, path: string): Located | undefined {
  if (path === "@key") return target.key === undefined ? undefined : { value: target.key, at: target.node.at };
  let node: Located | undefined = target.node;
  for (const key of path.split(".")) {
    node = document.child(document.resolve(node), key);
    if (!node) return undefined;
  }
  return node.value === undefined ? undefined : node;
}

/** What is wrong with a present value ("does not match …"), or undefined when it passes. */
function valueTest(definition: DeclarativeDefinition): (value: unknown) => string | undefined {
  switch (definition.check) {
    case "present":
      return () => undefined;
    case "pattern": {
      const pattern = new RegExp(definition.pattern!, "u");
      return (value) =>
        typeof value !== "string"
          ? "is not a string"
          : pattern.test(value)
            ? undefined
            : `"${value}" does not match /${definition.pattern}/`;
    }
    case "enum": {
      const allowed = new Set((definition.values ?? []).map((value) => JSON.stringify(value)));
      return (value) =>
        allowed.has(JSON.stringify(value))
          ? undefined
          : `${JSON.stringify(value)} is not one of ${[...allowed].join(", ")}`;
    }
    case "casing": {
      const pattern = CASING_PATTERNS[definition.casing!];
      return (value) =>
        typeof value !== "string"
          ? "is not a string"
          : pattern.test(value)
            ? undefined
            : `"${value}" is not ${definition.casing} case`;
    }
    case "length":
      return (value) => {
        const length = typeof value === "string" || Array.isArray(value) ? value.length : undefined;
        if (length === undefined) return "is neither a string nor a list";
        if (definition.min !== undefined && length < definition.min)
          return `is shorter than ${definition.min} (${length})`;
        if (definition.max !== undefined && length > definition.max)
          return `is longer than ${definition.max} (${length})`;
        return undefined;
      };
  }
}

function describe(definition: DeclarativeDefinition): string {
  const what = definition.given.startsWith("/") ? `nodes at ${definition.given}` : definition.given;
  const rule =
    definition.check === "present"
      ? "is present"
      : definition.check === "pattern"
        ? `matches /${definition.pattern}/`
        : definition.check === "enum"
          ? `is one of ${(definition.values ?? []).map((value) => JSON.stringify(value)).join(", ")}`
          : definition.check === "casing"
            ? `is ${definition.casing} case`
            : `has a length${definition.min !== undefined ? ` of at least ${definition.min}` : ""}${definition.min !== undefined && definition.max !== undefined ? " and" : ""}${definition.max !== undefined ? ` of at most ${definition.max}` : ""}`;
  return `In ${what}, ${definition.field} ${rule} (declared in the config).`;
}
