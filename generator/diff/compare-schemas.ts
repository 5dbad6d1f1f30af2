import type { Located, NodeRef, SpecDocument } from "../load/index.js";
import type { Direction, SchemaKind } from "./checks.js";
import { compareAlternatives } from "./compare-branches.js";
import { compareKeywords } from "./compare-keywords.js";
import { comparePatterns } from "./patterns.js";
import { accepts, effectiveTypes, textFits, type Channel } from "./schema-types.js";
import { acceptsAnything, BOUNDS, keyOf, viewSchema, type SchemaView } from "./schema-view.js";
import { UnchangedNodes } from "./unchanged.js";
import type { Comparer, SchemaChange, ViewComparison } from "./view-comparison.js";

/**
 * Compares schemas of the old and the new document by meaning. Each pair of schemas (by source place and
 * direction) is compared once: the result is reused wherever the pair appears again, and a pair met again
 * while it is being compared (a recursive schema) contributes nothing more, so recursion terminates.
 */
export class SchemaComparer implements Comparer {
  private readonly memo = new Map<string, SchemaChange[]>();
  private readonly active = new Set<string>();
  private readonly selves = new Map<SpecDocument, SchemaComparer>();

  constructor(
    readonly oldDoc: SpecDocument,
    readonly newDoc: SpecDocument,
    private readonly unchanged: UnchangedNodes,
  ) {}

  compare(oldSchema: Located, newSchema: Located, direction: Direction, channel: Channel = "json"): SchemaChange[] {
    const oldNode = this.oldDoc.resolve(oldSchema);
    const newNode = this.newDoc.resolve(newSchema);
    const key = `${keyOf(oldNode)}|${keyOf(newNode)}|${direction}|${channel}`;
    const known = this.memo.get(key);
    if (known) return known;
    if (this.unchanged.same(oldNode, newNode)) {
      this.memo.set(key, []);
      return [];
    }
    return this.compareViews(viewSchema(this.oldDoc, oldNode), viewSchema(this.newDoc, newNode), direction, channel);
  }

  /** Compares two views, also ones that are not a single node (an alternative merged with what surrounds it). */
  compareViews(before: SchemaView, after: SchemaView, direction: Direction, channel: Channel = "json"): SchemaChange[] {
    const key = `${before.key}|${after.key}|${direction}|${channel}`;
    const known = this.memo.get(key);
    if (known) return known;
    if (this.active.has(key)) return [];
    if (
      before.key === keyOf(before.node) &&
      after.key === keyOf(after.node) &&
      this.unchanged.same(before.node, after.node)
    ) {
      this.memo.set(key, []);
      return [];
    }
    this.active.add(key);
    const changes: SchemaChange[] = [];
    new ViewComparisonRun(this, before, after, direction, channel, changes).run();
    this.active.delete(key);
    this.memo.set(key, changes);
    return changes;
  }

  oldView(schema: Located): SchemaView {
    return viewSchema(this.oldDoc, schema);
  }

  newView(schema: Located): SchemaView {
    return viewSchema(this.newDoc, schema);
  }

  /** A comparer of a document with itself: how branches of one schema relate to each other. */
  within(document: SpecDocument): SchemaComparer {
    let self = this.selves.get(document);
    if (!self)
      this.selves.set(
        document,
        (self = new SchemaComparer(document, document, new UnchangedNodes(document, document))),
      );
    return self;
  }
}

/** One comparison of two views; collects its changes and those of the nested schemas. */
class ViewComparisonRun implements ViewComparison {
  constructor(
    readonly comparer: SchemaComparer,
    readonly before: SchemaView,
    readonly after: SchemaView,
    readonly direction: Direction,
    readonly channel: Channel,
    private readonly changes: SchemaChange[],
  ) {}

  run(): void {
    const branching = this.before.branches !== undefined || this.after.branches !== undefined;
    const typesCompatible = this.compareTypes(branching);
    this.compareNullable();
    this.compareFormat();
    this.compareEnum();
    this.compareBounds();
    this.comparePattern();
    this.compareDefault();
    if (!typesCompatible) return;
    compareKeywords(this);
    if (branching) compareAlternatives(this);
    // With branches on one side only, properties and items live in the alternatives and are compared there.
    if (branching && !(this.before.branches && this.after.branches)) return;
    this.compareProperties();
    this.compareAdditionalProperties();
    this.compareNested(this.before.items, this.after.items, "[]");
  }

  /** A change to this schema itself, or (with `place`) to one of its properties or branches. */
  add(kind: SchemaKind, detail: string, place?: { old?: NodeRef; new?: NodeRef; path: string }): void {
    const change: SchemaChange = { kind, path: place?.path ?? "", detail };
    const old = place ? place.old : this.before.node.at;
    const next = place ? place.new : this.after.node.at;
    if (old) change.old = old;
    if (next) change.new = next;
    this.changes.push(change);
  }

  /**
   * Keeps changes found elsewhere (a nested schema), placed under `step`. With `once`, a change already kept from
   * another alternative (the same nodes, the same change: a property shared by every branch) is kept once.
   */
  adopt(found: readonly SchemaChange[], step: string, once = false): void {
    for (const change of found) {
      const placed = { ...change, path: change.path === "" ? step : joinPath(step, change.path) };
      const duplicate =
        once &&
        this.changes.some(
          (known) =>
            known.kind === placed.kind &&
            known.detail === placed.detail &&
            known.old?.pointer === placed.old?.pointer &&
            known.new?.pointer === placed.new?.pointer,
        );
      if (!duplicate) this.changes.push(placed);
    }
  }

  /**
   * A narrowing (fewer values valid) or widening (more values valid) of a constraint; which one breaks whom
   * follows from the direction (checks.ts).
   */
  effect(effect: "narrowed" | "widened", detail: string): void {
    this.add(effect === "narrowed" ? "constraint-tightened" : "constraint-loosened", detail);
  }

  /** False when the types differ so much that comparing members makes no sense. */
  private compareTypes(branching: boolean): boolean {
    const before = effectiveTypes(this.before);
    const after = effectiveTypes(this.after);
    if (!before || !after) {
      // Only a schema that accepted anything gains a type restriction (`{}` -> `{type: string}`), and back.
      if (!branching && !before && after && acceptsAnything(this.before.node.value))
        this.add("type-narrowed", `type restricted to ${[...after].join(" | ")}`);
      if (!branching && before && !after && acceptsAnything(this.after.node.value))
        this.add("type-widened", `no longer restricted to type ${[...before].join(" | ")}`);
      return true;
    }
    // On the text channel an enum is its strings: `["1", "2"]` of a string is `[1, 2]` of an integer on the wire.
    const enumFits =
      this.channel === "text" &&
      this.before.enumValues !== undefined &&
      this.before.enumValues.every((value) => [...after].some((type) => textFits(String(value), type)));
    const lost = enumFits ? [] : [...before].filter((type) => !accepts(after, type, this.channel));
    const gained = [...after].filter((type) => !accepts(before, type, this.channel));
    const text = `type changed from ${[...before].join(" | ")} to ${[...after].join(" | ")}`;
    if (lost.length > 0 && gained.length > 0) this.add("type-changed", text);
    else if (lost.length > 0) this.add("type-narrowed", text);
    else if (gained.length > 0) this.add("type-widened", text);
    return lost.length < before.size || gained.length < after.size;
  }

  private compareNullable(): void {
    if (this.before.nullable === this.after.nullable) return;
    if (this.after.nullable) this.add("became-nullable", "became nullable");
    else this.add("became-non-nullable", "is no longer nullable");
  }

  private compareFormat(): void {
    const { format: before } = this.before;
    const { format: after } = this.after;
    if (before === after) return;
    if (before !== undefined && after !== undefined)
      this.add("format-changed", `format changed from ${before} to ${after}`);
    else if (after !== undefined) this.add("format-added", `format ${after} added`);
    else this.add("format-removed", `format ${before} removed`);
  }

  private compareEnum(): void {
    const before = this.before.enumValues;
    const after = this.after.enumValues;
    if (before === undefined && after === undefined) return;
    if (before === undefined) return this.add("enum-added", `now restricted to ${list(after!)}`);
    if (after === undefined) return this.add("enum-removed", `no longer restricted to ${list(before)}`);
    const key = (value: unknown) =>
      this.channel === "text" && typeof value !== "object" ? String(value) : JSON.stringify(value);
    const beforeKeys = new Set(before.map(key));
    const afterKeys = new Set(after.map(key));
    const removed = before.filter((value) => !afterKeys.has(key(value)));
    const added = after.filter((value) => !beforeKeys.has(key(value)));
    // The only value there was (a const) is gone: every value now sent or accepted is one the other side never saw.
    if (before.length === 1 && removed.length === 1)
      return this.add("const-changed", `value changed from ${list(before)} to ${list(after)}`);
    if (removed.length > 0)
      this.add("enum-value-removed", `enum value${removed.length > 1 ? "s" : ""} ${list(removed)} removed`);
    if (added.length > 0) this.add("enum-value-added", `enum value${added.length > 1 ? "s" : ""} ${list(added)} added`);
  }

  private compareBounds(): void {
    for (const { keyword, stricter } of BOUNDS) {
      const before = this.before.bounds.get(keyword);
      const after = this.after.bounds.get(keyword);
      if (before === after) continue;
      if (before === undefined) this.effect("narrowed", `${keyword} ${after} added`);
      else if (after === undefined) this.effect("widened", `${keyword} ${before} removed`);
      else {
        const tighter = stricter === "higher" ? after > before : after < before;
        this.effect(tighter ? "narrowed" : "widened", `${keyword} changed from ${before} to ${after}`);
      }
    }
    const { uniqueItems, multipleOf } = this.before;
    if (uniqueItems !== this.after.uniqueItems)
      this.effect(
        this.after.uniqueItems ? "narrowed" : "widened",
        `uniqueItems ${this.after.uniqueItems ? "added" : "removed"}`,
      );
    if (multipleOf !== this.after.multipleOf) {
      const loosened =
        this.after.multipleOf === undefined || (multipleOf !== undefined && multipleOf % this.after.multipleOf === 0);
      this.effect(
        loosened ? "widened" : "narrowed",
        `multipleOf changed from ${multipleOf ?? "none"} to ${this.after.multipleOf ?? "none"}`,
      );
    }
  }

  private comparePattern(): void {
    const { pattern: before } = this.before;
    const { pattern: after } = this.after;
    if (before === after) return;
    const verdict = comparePatterns(before, after);
    if (verdict.kind === "narrowed" || verdict.kind === "widened") this.effect(verdict.kind, verdict.detail);
    else if (verdict.kind === "both") {
      this.effect("narrowed", `pattern ${before} became ${after}: no longer matches ${verdict.lost}`);
      this.effect("widened", `pattern ${before} became ${after}: now also matches ${verdict.gained}`);
    } else if (verdict.kind === "unknown") this.add("pattern-changed", `pattern changed from ${before} to ${after}`);
  }

  private compareDefault(): void {
    const { default: before } = this.before;
    const { default: after } = this.after;
    if (before === undefined || after === undefined || JSON.stringify(before) === JSON.stringify(after)) return;
    this.add("default-changed", `default changed from ${JSON.stringify(before)} to ${JSON.stringify(after)}`);
  }

  private compareProperties(): void {
    const names = new Set([
      ...this.before.properties.keys(),
      ...this.before.required,
      ...this.after.properties.keys(),
      ...this.after.required,
    ]);
    for (const name of names) {
      const beforeNode = this.before.properties.get(name);
      const afterNode = this.after.properties.get(name);
      const beforeView = beforeNode && this.comparer.oldView(beforeNode);
      const afterView = afterNode && this.comparer.newView(afterNode);
      const hiddenBefore = beforeView !== undefined && this.hidden(beforeView);
      const hiddenAfter = afterView !== undefined && this.hidden(afterView);
      const existedBefore = beforeNode !== undefined && !hiddenBefore;
      const existsAfter = afterNode !== undefined && !hiddenAfter;
      const requiredBefore = this.before.required.has(name) && !hiddenBefore;
      const requiredAfter = this.after.required.has(name) && !hiddenAfter;
      const oldAt = beforeNode?.at ?? this.before.propertiesAt.at;
      const newAt = afterNode?.at ?? this.after.propertiesAt.at;
      if (existedBefore && !existsAfter && !requiredAfter) {
        this.add("property-removed", "removed", { old: oldAt, new: this.after.propertiesAt.at, path: name });
        continue;
      }
      if (!existedBefore && !requiredBefore && (existsAfter || requiredAfter)) {
        this.add(
          requiredAfter ? "required-property-added" : "property-added",
          requiredAfter ? "added as a required property" : "added",
          { new: newAt, path: name },
        );
        continue;
      }
      if (requiredBefore && !requiredAfter)
        this.add("property-became-optional", "became optional", { old: oldAt, new: newAt, path: name });
      if (!requiredBefore && requiredAfter)
        this.add("property-became-required", "became required", { old: oldAt, new: newAt, path: name });
      if (beforeView && afterView && !beforeView.deprecated && afterView.deprecated)
        this.add("property-deprecated", "deprecated", { old: oldAt, new: newAt, path: name });
      if (beforeNode && afterNode) this.compareNested(beforeNode, afterNode, name);
    }
  }

  /** Properties that do not travel in this direction: readOnly ones in a request, writeOnly ones in a response. */
  private hidden(view: SchemaView): boolean {
    return this.direction === "request" ? view.readOnly : view.writeOnly;
  }

  private compareAdditionalProperties(): void {
    const before = this.before.additionalProperties;
    const after = this.after.additionalProperties;
    if (before !== false && after === false)
      this.add("additional-properties-closed", "additionalProperties became false");
    else if (before === false && after !== false)
      this.add("additional-properties-opened", "additionalProperties is no longer false");
    else if (before && after) this.compareNested(before, after, "{}");
  }

  /** Compares two nested schemas in this comparison's direction (or the one given) and keeps their changes. */
  compareNested(before: Located | undefined, after: Located | undefined, step: string): void {
    if (!before || !after) return;
    this.adopt(this.comparer.compare(before, after, this.direction, this.channel), step);
  }
}

function list(values: unknown[]): string {
  const shown = values.slice(0, 5).map((value) => JSON.stringify(value));
  return shown.join(", ") + (values.length > 5 ? ` and ${values.length - 5} more` : "");
}

export function joinPath(path: string, step: string): string {
  if (path === "") return step;
  return step.startsWith("[") || step.startsWith("{") || step.startsWith("(") ? path + step : `${path}.${step}`;
}
