import type { Located, SpecDocument } from "../load/index.js";
import { isObject } from "../conventions/operation-info.js";
import { SCHEMA_KINDS, type Direction } from "./checks.js";
import { accepts, effectiveTypes, type Channel } from "./schema-types.js";
import { alternativeView, viewSchema, type SchemaView } from "./schema-view.js";
import type { Comparer, ViewComparison } from "./view-comparison.js";

/** One way a value can be valid: a oneOf/anyOf branch merged with what surrounds it, or the whole schema. */
interface Alternative {
  view: SchemaView;
  /** The branch as written; undefined for a schema without branches. */
  branch: Located | undefined;
  index: number;
  keyword: "oneOf" | "anyOf" | undefined;
  /** The OpenAPI discriminator value that selects this branch, when the schema has a discriminator. */
  discriminator: string | undefined;
}

/**
 * How the values of one alternative relate to another: all of them valid there, some (or not known), far (none
 * valid, yet it is the same variant changed: a required property added, a property's type changed), or none
 * (another variant altogether: a different tag, discriminator value or JSON type).
 */
type Relation = "all" | "some" | "far" | "none";

/**
 * oneOf/anyOf judged by what they mean (JSON Schema 2020-12 §10.2.1.2-3): a value is valid against anyOf when it
 * matches a branch, against oneOf when it matches exactly one. The values that must stay valid are the old ones in
 * a request (clients keep sending them) and the new ones in a response (readers only know the old schema), so
 * each such alternative is related to every alternative of the other side:
 * - valid in no branch: a request lost it (`branch-removed`), a response sends something new (`branch-added`,
 *   or `type-widened` when its JSON type was not promised at all);
 * - valid in several branches of a oneOf that did not already overlap: rejected (`oneof-ambiguous`);
 * - valid in one branch, or partly in one: compared with that branch in detail;
 * - partly in several and none to tell apart: `branches-undecidable`.
 *
 * Relations are read from the common shapes that tell values apart: JSON types, const/enum values, an OpenAPI
 * discriminator, required properties. A value is taken to carry only the properties its schema declares (what a
 * client written against it sends), not every property an open object would allow.
 */
export function compareAlternatives(c: ViewComparison): void {
  const { comparer } = c;
  const request = c.direction === "request";
  const oldAlternatives = alternativesOf(comparer.oldDoc, c.before);
  const newAlternatives = alternativesOf(comparer.newDoc, c.after);
  const [sources, targets] = request ? [oldAlternatives, newAlternatives] : [newAlternatives, oldAlternatives];
  const sourceDoc = request ? comparer.oldDoc : comparer.newDoc;
  const targetKeyword = targets[0]?.keyword;
  const covered = new Set<number>();
  for (const source of sources) {
    const relations = targets.map((target) =>
      relate(comparer, request ? source : target, request ? target : source, c.direction, c.channel),
    );
    const all = indicesOf(relations, "all");
    const some = indicesOf(relations, "some");
    const far = indicesOf(relations, "far");
    for (const index of [...all, ...some]) covered.add(index);
    if (
      targetKeyword === "oneOf" &&
      all.length >= 2 &&
      !overlapsAlready(comparer.within(sourceDoc), source, sources, c.channel)
    ) {
      c.add(
        "oneof-ambiguous",
        `${describe(source, request)} ${request ? "was valid and now" : "now"} matches ${all.length} oneOf branches (${all.map((index) => index + 1).join(", ")}); oneOf rejects a value that matches more than one`,
        sourcePlace(c, source),
      );
      continue;
    }
    const chosen =
      all.length > 0
        ? (pick(source, targets, all, sources.length) ?? all[0])
        : some.length > 0
          ? pick(source, targets, some, sources.length)
          : pick(source, targets, far, sources.length);
    if (chosen === undefined && some.length === 0) {
      unmatchedSource(c, source, targets);
      continue;
    }
    if (chosen === undefined) {
      c.add(
        "branches-undecidable",
        `cannot decide which branch accepts ${describe(source, request)} (it may match ${some.map((index) => index + 1).join(", ")})`,
        sourcePlace(c, source),
      );
      continue;
    }
    covered.add(chosen);
    const target = targets[chosen]!;
    details(c, request ? source : target, request ? target : source);
  }
  targets.forEach((target, index) => {
    if (covered.has(index)) return;
    if (request) c.add("branch-added", `${describe(target, false)} added`, { new: at(target), path: "" });
    else
      c.add("branch-removed", `${describe(target, true)} removed`, { old: at(target), new: c.after.node.at, path: "" });
  });
}

function alternativesOf(document: SpecDocument, view: SchemaView): Alternative[] {
  if (!view.branches) return [{ view, branch: undefined, index: 0, keyword: undefined, discriminator: undefined }];
  const { keyword, list } = view.branches;
  return list.map((branch, index) => {
    const alternative = alternativeView(document, view, branch);
    return { view: alternative, branch, index, keyword, discriminator: discriminatorValue(view, branch, alternative) };
  });
}

/** OpenAPI 3.1 §4.8.25: the mapping names the value of each referenced schema; without one, the schema's name is. */
function discriminatorValue(around: SchemaView, branch: Located, alternative: SchemaView): string | undefined {
  const discriminator = around.discriminator;
  if (!discriminator) return undefined;
  const ref = isObject(branch.value) && typeof branch.value.$ref === "string" ? branch.value.$ref : undefined;
  if (ref) {
    for (const [value, target] of discriminator.mapping) if (target === ref || ref.endsWith(`/${target}`)) return value;
    return ref.split("/").pop();
  }
  const property = alternative.properties.get(discriminator.propertyName);
  const values =
    property && isObject(property.value)
      ? Array.isArray(property.value.enum)
        ? property.value.enum
        : "const" in property.value
          ? [property.value.const]
          : []
      : [];
  return values.length === 1 ? String(values[0]) : undefined;
}

/** How the values of `source` relate to `target`, where the old and the new alternative are given in document order. */
function relate(
  comparer: Comparer,
  oldAlternative: Alternative,
  newAlternative: Alternative,
  direction: Direction,
  channel: Channel,
): Relation {
  const [source, target] =
    direction === "request" ? [oldAlternative, newAlternative] : [newAlternative, oldAlternative];
  const [sourceDoc, targetDoc] =
    direction === "request" ? [comparer.oldDoc, comparer.newDoc] : [comparer.newDoc, comparer.oldDoc];
  if (
    source.discriminator !== undefined &&
    target.discriminator !== undefined &&
    source.discriminator !== target.discriminator
  )
    return "none";
  const apart = separation(source.view, sourceDoc, target.view, targetDoc, channel, 0);
  if (apart === "variant") return "none";
  if (apart === "values") return "far";
  const changes = comparer.compareViews(oldAlternative.view, newAlternative.view, direction, channel);
  return changes.some((change) => SCHEMA_KINDS[change.kind][direction] === "breaking") ? "some" : "all";
}

/**
 * Whether no value of `source` (as a client written against it produces them) is valid against `target`, and why:
 * `variant` when they are different variants (JSON types, a tag property's fixed values, a property the target
 * forbids), `values` when they look like one variant whose values no longer fit (a property the target requires
 * that the source does not declare, a required property of another type).
 */
function separation(
  source: SchemaView,
  sourceDoc: SpecDocument,
  target: SchemaView,
  targetDoc: SpecDocument,
  channel: Channel,
  depth: number,
): "variant" | "values" | undefined {
  const bothNullable = source.nullable && target.nullable;
  const sourceTypes = effectiveTypes(source);
  const targetTypes = effectiveTypes(target);
  if (sourceTypes && targetTypes && !bothNullable) {
    const overlap =
      [...sourceTypes].some((type) => accepts(targetTypes, type, channel)) ||
      [...targetTypes].some((type) => accepts(sourceTypes, type, channel));
    if (!overlap) return "variant";
  }
  if (source.enumValues && target.enumValues && !bothNullable && disjointValues(source.enumValues, target.enumValues))
    return "variant";
  if (target.additionalProperties === false && [...source.required].some((name) => !target.properties.has(name)))
    return "variant";
  let result: "values" | undefined;
  // A property the target requires and the source does not declare: the source's values do not carry it.
  const declaresOnly = source.properties.size > 0 && source.additionalProperties === undefined;
  if (declaresOnly && [...target.required].some((name) => !source.properties.has(name) && !source.required.has(name)))
    result = "values";
  if (depth >= 2) return result;
  for (const [name, node] of target.properties) {
    const own = source.properties.get(name);
    if (!own) continue;
    const [ownView, targetView] = [viewSchema(sourceDoc, own), viewSchema(targetDoc, node)];
    // A property with a different fixed value on each side is a tag (written as a discriminator or not), even when
    // it is optional: the branches are meant to be told apart by it.
    if (ownView.enumValues && targetView.enumValues && disjointValues(ownView.enumValues, targetView.enumValues))
      return "variant";
    // Present on every source value, or required by the target: its values must overlap.
    if (!(source.required.has(name) || target.required.has(name))) continue;
    if (separation(ownView, sourceDoc, targetView, targetDoc, channel, depth + 1)) result = "values";
  }
  return result;
}

function disjointValues(left: unknown[], right: unknown[]): boolean {
  const known = new Set(right.map((value) => JSON.stringify(value)));
  return !left.some((value) => known.has(JSON.stringify(value)));
}

/** Whether `source` already matched several branches of its own oneOf (then the new overlap is nothing new). */
function overlapsAlready(within: Comparer, source: Alternative, siblings: Alternative[], channel: Channel): boolean {
  if (source.keyword !== "oneOf") return false;
  const matching = siblings.filter(
    (sibling) => sibling === source || relate(within, source, sibling, "request", channel) === "all",
  );
  return matching.length >= 2;
}

/** Among candidate targets, the one a source corresponds to: same discriminator, same constants, or same position. */
function pick(
  source: Alternative,
  targets: Alternative[],
  candidates: number[],
  sourceCount: number,
): number | undefined {
  if (candidates.length === 1) return candidates[0];
  const byDiscriminator = candidates.find(
    (index) => source.discriminator !== undefined && targets[index]!.discriminator === source.discriminator,
  );
  if (byDiscriminator !== undefined) return byDiscriminator;
  const byConstants = candidates.find(
    (index) => constantsOf(targets[index]!.view) === constantsOf(source.view) && constantsOf(source.view) !== "",
  );
  if (byConstants !== undefined) return byConstants;
  return sourceCount === targets.length
    ? candidates.find((index) => targets[index]!.index === source.index)
    : undefined;
}

/** The values of single-valued properties: how hand-written oneOfs tell their branches apart. */
function constantsOf(view: SchemaView): string {
  const constants: string[] = [];
  for (const [name, property] of view.properties) {
    const value = isObject(property.value) ? property.value : {};
    if (Array.isArray(value.enum) && value.enum.length === 1)
      constants.push(`${name}=${JSON.stringify(value.enum[0])}`);
    if ("const" in value) constants.push(`${name}=${JSON.stringify(value.const)}`);
  }
  return constants.sort().join(",");
}

/** A source valid in no target: in a request an old branch is no longer accepted, in a response a new one is sent. */
function unmatchedSource(c: ViewComparison, source: Alternative, targets: Alternative[]): void {
  const request = c.direction === "request";
  const label = describe(source, request);
  if (request) {
    c.add(
      "branch-removed",
      `${label}: no longer accepted, its values match no branch of the new schema`,
      sourcePlace(c, source),
    );
    return;
  }
  const promised = targets.map((target) => effectiveTypes(target.view));
  const types = effectiveTypes(source.view);
  const newType =
    types &&
    promised.every((known) => known !== undefined) &&
    [...types].some((type) => !promised.some((known) => accepts(known!, type, c.channel)));
  if (newType)
    c.add("type-widened", `${label} added: a value of type ${[...types].join(" | ")}, which no old branch allowed`, {
      new: at(source),
      path: "",
    });
  else c.add("branch-added", `${label} added`, { new: at(source), path: "" });
}

/** The detailed comparison of a corresponding pair: their own nodes when both sides branch, else the merged views. */
function details(c: ViewComparison, before: Alternative, after: Alternative): void {
  if (before.branch && after.branch)
    return c.compareNested(before.branch, after.branch, `(${before.keyword} ${before.index + 1})`);
  const branched = before.branch ? before : after;
  c.adopt(
    c.comparer.compareViews(before.view, after.view, c.direction, c.channel),
    branched.branch ? `(${branched.keyword} ${branched.index + 1})` : "",
    true,
  );
}

function indicesOf(relations: Relation[], relation: Relation): number[] {
  return relations.flatMap((candidate, index) => (candidate === relation ? [index] : []));
}

function at(alternative: Alternative): Located["at"] {
  return (alternative.branch ?? alternative.view.node).at;
}

/** Where a change about a source alternative is reported: the source in its document, and the other side's schema. */
function sourcePlace(c: ViewComparison, source: Alternative) {
  return c.direction === "request"
    ? { old: at(source), new: c.after.node.at, path: "" }
    : { old: c.before.node.at, new: at(source), path: "" };
}

function describe(alternative: Alternative, old: boolean): string {
  const name = describeView(alternative.view);
  return alternative.keyword
    ? `${alternative.keyword} branch ${alternative.index + 1} (${name})`
    : `the ${old ? "old" : "new"} schema (${name})`;
}

function describeView(view: SchemaView): string {
  const title =
    isObject(view.node.value) && typeof view.node.value.title === "string" ? view.node.value.title : undefined;
  const named = view.node.at.pointer.match(/\/(?:schemas|definitions)\/([^/]+)$/)?.[1];
  return title ?? named ?? [...(effectiveTypes(view) ?? ["any"])].join(" | ");
}
