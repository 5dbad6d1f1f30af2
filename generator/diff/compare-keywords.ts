import type { Located } from "../load/index.js";
import { SCHEMA_KINDS } from "./checks.js";
import { acceptsAnything } from "./schema-view.js";
import type { ViewComparison } from "./view-comparison.js";

/**
 * The JSON Schema 2020-12 keywords OpenAPI 3.1 brings (§10.2 applicators, §6.5 object and §6.4 array
 * assertions, §11 unevaluated*, §8.5 contentSchema). Each either narrows or widens the set of valid values;
 * whether that breaks anyone follows from the direction, as for the other keywords. `not` is the one keyword that
 * turns its subschema around: a wider `not` schema means fewer valid values.
 */
export function compareKeywords(c: ViewComparison): void {
  compareDependentRequired(c);
  for (const name of new Set([...c.before.dependentSchemas.keys(), ...c.after.dependentSchemas.keys()])) {
    compareOptional(
      c,
      `dependentSchemas.${name}`,
      c.before.dependentSchemas.get(name),
      c.after.dependentSchemas.get(name),
      `(if ${name})`,
    );
  }
  compareOptional(c, "contains", c.before.contains, c.after.contains, "[contains]");
  compareOptional(c, "propertyNames", c.before.propertyNames, c.after.propertyNames, "{names}");
  compareOptional(c, "contentSchema", c.before.contentSchema, c.after.contentSchema, "(content)");
  compareOptional(
    c,
    "unevaluatedProperties",
    c.before.unevaluatedProperties,
    c.after.unevaluatedProperties,
    "{unevaluated}",
  );
  compareOptional(c, "unevaluatedItems", c.before.unevaluatedItems, c.after.unevaluatedItems, "[unevaluated]");
  comparePatternProperties(c);
  comparePrefixItems(c);
  compareConditional(c);
  compareNot(c);
}

/** `dependentRequired: { a: [b] }`: when `a` is present, `b` must be too. More names required is narrower. */
function compareDependentRequired(c: ViewComparison): void {
  for (const name of new Set([...c.before.dependentRequired.keys(), ...c.after.dependentRequired.keys()])) {
    const before = c.before.dependentRequired.get(name) ?? new Set<string>();
    const after = c.after.dependentRequired.get(name) ?? new Set<string>();
    const added = [...after].filter((other) => !before.has(other));
    const removed = [...before].filter((other) => !after.has(other));
    if (added.length > 0)
      c.effect(
        "narrowed",
        `dependentRequired: \`${name}\` now also requires ${added.map((other) => `\`${other}\``).join(", ")}`,
      );
    if (removed.length > 0)
      c.effect(
        "widened",
        `dependentRequired: \`${name}\` no longer requires ${removed.map((other) => `\`${other}\``).join(", ")}`,
      );
  }
}

/**
 * A keyword whose subschema constrains part of the value (or, as `false`, forbids it): added is a narrowing,
 * removed a widening, both present compared as nested schemas in the same direction.
 */
function compareOptional(
  c: ViewComparison,
  keyword: string,
  before: Located | false | undefined,
  after: Located | false | undefined,
  step: string,
): void {
  const trivial = (node: Located | false | undefined) =>
    node === undefined || (node !== false && acceptsAnything(node.value));
  if (trivial(before) && trivial(after)) return;
  if (trivial(before)) return c.effect("narrowed", after === false ? `${keyword}: false added` : `${keyword} added`);
  if (trivial(after)) return c.effect("widened", `${keyword} removed`);
  if (before === false && after === false) return;
  if (after === false) return c.effect("narrowed", `${keyword} became false`);
  if (before === false) return c.effect("widened", `${keyword} is no longer false`);
  c.compareNested(before as Located, after as Located, step);
}

/**
 * A new pattern constrains the properties it names, unless additionalProperties is false: then it is what lets
 * them in at all, and adding it is a widening.
 */
function comparePatternProperties(c: ViewComparison): void {
  for (const pattern of new Set([...c.before.patternProperties.keys(), ...c.after.patternProperties.keys()])) {
    const before = c.before.patternProperties.get(pattern);
    const after = c.after.patternProperties.get(pattern);
    if (before && after) c.compareNested(before, after, `{/${pattern}/}`);
    else if (after)
      c.effect(c.after.additionalProperties === false ? "widened" : "narrowed", `patternProperties /${pattern}/ added`);
    else if (before)
      c.effect(
        c.before.additionalProperties === false ? "narrowed" : "widened",
        `patternProperties /${pattern}/ removed`,
      );
  }
}

/** prefixItems: position by position; a longer list constrains more positions. */
function comparePrefixItems(c: ViewComparison): void {
  const before = c.before.prefixItems;
  const after = c.after.prefixItems;
  for (let index = 0; index < Math.min(before.length, after.length); index++)
    c.compareNested(before[index], after[index], `[${index}]`);
  if (after.length > before.length)
    c.effect("narrowed", `prefixItems constrain ${after.length} positions instead of ${before.length}`);
  if (after.length < before.length)
    c.effect("widened", `prefixItems constrain ${after.length} positions instead of ${before.length}`);
}

/**
 * if/then/else: with the same `if`, `then` and `else` narrow or widen like any subschema. A different `if`
 * selects other values for each branch, which cannot be decided in general.
 */
function compareConditional(c: ViewComparison): void {
  const before = c.before.conditional;
  const after = c.after.conditional;
  if (!before && !after) return;
  if (!before) return c.effect("narrowed", "if/then/else added");
  if (!after) return c.effect("widened", "if/then/else removed");
  const condition = c.comparer.compare(before.if, after.if, c.direction, c.channel);
  if (condition.length > 0) return c.add("condition-changed", `the \`if\` condition changed (${condition[0]!.detail})`);
  compareOptional(c, "then", before.then, after.then, "(then)");
  compareOptional(c, "else", before.else, after.else, "(else)");
}

/**
 * not: a value is valid when it fails the subschema, so a subschema that accepts more means fewer valid values.
 * The subschema is compared as a request (where a breaking change is exactly a narrowing of the accepted set)
 * and the effect turned around.
 */
function compareNot(c: ViewComparison): void {
  const { not: before } = c.before;
  const { not: after } = c.after;
  if (!before && !after) return;
  if (!before) return c.effect("narrowed", "not added");
  if (!after) return c.effect("widened", "not removed");
  const changes = c.comparer.compare(before, after, "request", c.channel);
  const narrowing = changes.find((change) => SCHEMA_KINDS[change.kind].request === "breaking");
  const widening = changes.find(
    (change) =>
      SCHEMA_KINDS[change.kind].request !== "breaking" && SCHEMA_KINDS[change.kind].response !== "non-breaking",
  );
  // Report the effect that matters in this direction first: fewer values in a request, more in a response.
  const narrowed = widening && (c.direction === "request" || !narrowing);
  if (narrowed) c.effect("narrowed", `the \`not\` schema accepts more (${widening.detail})`);
  else if (narrowing) c.effect("widened", `the \`not\` schema accepts less (${narrowing.detail})`);
}
