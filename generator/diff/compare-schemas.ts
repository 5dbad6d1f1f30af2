import type { Located, NodeRef, SpecDocument } from "../load/index.js";
import { isObject } from "../conventions/operation-info.js";
import type { Direction, SchemaKind } from "./checks.js";
import { BOUNDS, keyOf, viewSchema, type SchemaView } from "./schema-view.js";
import type { UnchangedNodes } from "./unchanged.js";

/** A change found inside a schema, relative to the schema compared (its place is `path`, "" for the root). */
export interface SchemaChange {
  kind: SchemaKind;
  /** Where in the schema: `items[].owner_id`, `tags[]`, `metadata{}`; "" for the schema itself. */
  path: string;
  /** What happened, without the place: "type changed from string to integer". */
  detail: string;
  old?: NodeRef;
  new?: NodeRef;
}

/**
 * Compares schemas of the old and the new document by meaning. Each pair of schemas (by source place and
 * direction) is compared once: the result is reused wherever the pair appears again, and a pair met again
 * while it is being compared (a recursive schema) contributes nothing more, so recursion terminates.
 */
export class SchemaComparer {
  private readonly memo = new Map<string, SchemaChange[]>();
  private readonly active = new Set<string>();

  constructor(
    private readonly oldDoc: SpecDocument,
    private readonly newDoc: SpecDocument,
    private readonly unchanged: UnchangedNodes,
  ) {}

  compare(oldSchema: Located, newSchema: Located, direction: Direction): SchemaChange[] {
    const oldNode = this.oldDoc.resolve(oldSchema);
    const newNode = this.newDoc.resolve(newSchema);
    const key = `${keyOf(oldNode)}|${keyOf(newNode)}|${direction}`;
    const known = this.memo.get(key);
    if (known) return known;
    if (this.active.has(key)) return [];
    if (this.unchanged.same(oldNode, newNode)) {
      this.memo.set(key, []);
      return [];
    }
    this.active.add(key);
    const changes: SchemaChange[] = [];
    new ViewComparison(this, viewSchema(this.oldDoc, oldNode), viewSchema(this.newDoc, newNode), direction, changes).run();
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
}

/** One comparison of two views; collects its changes and those of the nested schemas. */
class ViewComparison {
  constructor(
    private readonly comparer: SchemaComparer,
    private readonly before: SchemaView,
    private readonly after: SchemaView,
    private readonly direction: Direction,
    private readonly changes: SchemaChange[],
  ) {}

  run(): void {
    const typesCompatible = this.compareTypes();
    this.compareNullable();
    this.compareFormat();
    this.compareEnum();
    this.compareBounds();
    this.compareDefault();
    if (!typesCompatible) return;
    this.compareProperties();
    this.compareAdditionalProperties();
    this.compareNested(this.before.items, this.after.items, "[]");
    this.compareBranches();
  }

  /** A change to this schema itself, or (with `place`) to one of its properties or branches. */
  private add(kind: SchemaKind, detail: string, place?: { old?: NodeRef; new?: NodeRef; path: string }): void {
    const change: SchemaChange = { kind, path: place?.path ?? "", detail };
    const old = place ? place.old : this.before.node.at;
    const next = place ? place.new : this.after.node.at;
    if (old) change.old = old;
    if (next) change.new = next;
    this.changes.push(change);
  }

  /** False when the types differ so much that comparing members makes no sense. */
  private compareTypes(): boolean {
    const before = effectiveTypes(this.before);
    const after = effectiveTypes(this.after);
    if (!before || !after) return true;
    const lost = [...before].filter((type) => !accepts(after, type));
    const gained = [...after].filter((type) => !accepts(before, type));
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
    if (before !== undefined && after !== undefined) this.add("format-changed", `format changed from ${before} to ${after}`);
    else if (after !== undefined) this.add("format-added", `format ${after} added`);
    else this.add("format-removed", `format ${before} removed`);
  }

  private compareEnum(): void {
    const before = this.before.enumValues;
    const after = this.after.enumValues;
    if (before === undefined && after === undefined) return;
    if (before === undefined) return this.add("enum-added", `now restricted to ${list(after!)}`);
    if (after === undefined) return this.add("enum-removed", `no longer restricted to ${list(before)}`);
    const beforeKeys = new Set(before.map((value) => JSON.stringify(value)));
    const afterKeys = new Set(after.map((value) => JSON.stringify(value)));
    const removed = before.filter((value) => !afterKeys.has(JSON.stringify(value)));
    const added = after.filter((value) => !beforeKeys.has(JSON.stringify(value)));
    if (removed.length > 0) this.add("enum-value-removed", `enum value${removed.length > 1 ? "s" : ""} ${list(removed)} removed`);
    if (added.length > 0) this.add("enum-value-added", `enum value${added.length > 1 ? "s" : ""} ${list(added)} added`);
  }

  private compareBounds(): void {
    for (const { keyword, stricter } of BOUNDS) {
      const before = this.before.bounds.get(keyword);
      const after = this.after.bounds.get(keyword);
      if (before === after) continue;
      if (before === undefined) this.add("constraint-tightened", `${keyword} ${after} added`);
      else if (after === undefined) this.add("constraint-loosened", `${keyword} ${before} removed`);
      else {
        const tighter = stricter === "higher" ? after > before : after < before;
        this.add(tighter ? "constraint-tightened" : "constraint-loosened", `${keyword} changed from ${before} to ${after}`);
      }
    }
    const { pattern: before, uniqueItems, multipleOf } = this.before;
    const { pattern: after } = this.after;
    if (before !== after) {
      if (before !== undefined && after !== undefined) this.add("pattern-changed", `pattern changed from ${before} to ${after}`);
      else if (after !== undefined) this.add("constraint-tightened", `pattern ${after} added`);
      else this.add("constraint-loosened", `pattern ${before} removed`);
    }
    if (uniqueItems !== this.after.uniqueItems) this.add(this.after.uniqueItems ? "constraint-tightened" : "constraint-loosened", `uniqueItems ${this.after.uniqueItems ? "added" : "removed"}`);
    if (multipleOf !== this.after.multipleOf) {
      const loosened = this.after.multipleOf === undefined || (multipleOf !== undefined && multipleOf % this.after.multipleOf === 0);
      this.add(loosened ? "constraint-loosened" : "constraint-tightened", `multipleOf changed from ${multipleOf ?? "none"} to ${this.after.multipleOf ?? "none"}`);
    }
  }

  private compareDefault(): void {
    const { default: before } = this.before;
    const { default: after } = this.after;
    if (before === undefined || after === undefined || JSON.stringify(before) === JSON.stringify(after)) return;
    this.add("default-changed", `default changed from ${JSON.stringify(before)} to ${JSON.stringify(after)}`);
  }

  private compareProperties(): void {
    const names = new Set([...this.before.properties.keys(), ...this.before.required, ...this.after.properties.keys(), ...this.after.required]);
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
        this.add(requiredAfter ? "required-property-added" : "property-added", requiredAfter ? "added as a required property" : "added", { new: newAt, path: name });
        continue;
      }
      if (requiredBefore && !requiredAfter) this.add("property-became-optional", "became optional", { old: oldAt, new: newAt, path: name });
      if (!requiredBefore && requiredAfter) this.add("property-became-required", "became required", { old: oldAt, new: newAt, path: name });
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
    if (before !== false && after === false) this.add("additional-properties-closed", "additionalProperties became false");
    else if (before === false && after !== false) this.add("additional-properties-opened", "additionalProperties is no longer false");
    else if (before && after) this.compareNested(before, after, "{}");
  }

  private compareNested(before: Located | undefined, after: Located | undefined, step: string): void {
    if (!before || !after) return;
    for (const change of this.comparer.compare(before, after, this.direction)) {
      this.changes.push({ ...change, path: change.path === "" ? step : joinPath(step, change.path) });
    }
  }

  private compareBranches(): void {
    const before = this.before.branches;
    const after = this.after.branches;
    if (!before || !after) return;
    const pairs = matchBranches(before.list.map((node) => this.comparer.oldView(node)), after.list.map((node) => this.comparer.newView(node)));
    for (const [index, branch] of pairs.removed) this.add("branch-removed", `${before.keyword} branch ${index + 1} (${describe(branch)}) removed`, { old: branch.node.at, new: this.after.node.at, path: "" });
    for (const [index, branch] of pairs.added) this.add("branch-added", `${after.keyword} branch ${index + 1} (${describe(branch)}) added`, { new: branch.node.at, path: "" });
    for (const [oldIndex, newIndex] of pairs.matched) {
      this.compareNested(before.list[oldIndex], after.list[newIndex], `(${before.keyword} ${oldIndex + 1})`);
    }
  }
}

/** Pairs old and new branches: same shape first, then the leftovers in order when as many remain on both sides. */
function matchBranches(before: SchemaView[], after: SchemaView[]) {
  const matched: Array<[number, number]> = [];
  const freeAfter = new Set(after.keys());
  const unmatchedBefore: number[] = [];
  before.forEach((branch, index) => {
    const signature = signatureOf(branch);
    const found = [...freeAfter].find((candidate) => signatureOf(after[candidate]!) === signature);
    if (found === undefined) unmatchedBefore.push(index);
    else {
      freeAfter.delete(found);
      matched.push([index, found]);
    }
  });
  const leftovers = [...freeAfter];
  if (unmatchedBefore.length === leftovers.length) {
    unmatchedBefore.forEach((index, i) => matched.push([index, leftovers[i]!]));
    return { matched, removed: [] as Array<[number, SchemaView]>, added: [] as Array<[number, SchemaView]> };
  }
  return {
    matched,
    removed: unmatchedBefore.map((index): [number, SchemaView] => [index, before[index]!]),
    added: leftovers.map((index): [number, SchemaView] => [index, after[index]!]),
  };
}

/** A shallow shape of a branch: its types, property names and the values of single-valued (discriminator) properties. */
function signatureOf(view: SchemaView): string {
  const constants: string[] = [];
  for (const [name, property] of view.properties) {
    const value = isObject(property.value) ? property.value : {};
    if (Array.isArray(value.enum) && value.enum.length === 1) constants.push(`${name}=${JSON.stringify(value.enum[0])}`);
    if ("const" in value) constants.push(`${name}=${JSON.stringify(value.const)}`);
  }
  return JSON.stringify([[...(effectiveTypes(view) ?? [])].sort(), [...view.properties.keys()].sort(), constants.sort(), view.enumValues ?? null, view.format ?? null]);
}

function describe(view: SchemaView): string {
  const title = isObject(view.node.value) && typeof view.node.value.title === "string" ? view.node.value.title : undefined;
  const named = view.node.at.pointer.match(/\/(?:schemas|definitions)\/([^/]+)$/)?.[1];
  return title ?? named ?? [...(effectiveTypes(view) ?? ["any"])].join(" | ");
}

function effectiveTypes(view: SchemaView): Set<string> | undefined {
  if (view.types && view.types.size > 0) return view.types;
  if (view.properties.size > 0 || view.additionalProperties !== undefined) return new Set(["object"]);
  if (view.items) return new Set(["array"]);
  return undefined;
}

/** JSON Schema's integer is a number: a number schema accepts every integer. */
function accepts(types: Set<string>, type: string): boolean {
  return types.has(type) || (type === "integer" && types.has("number"));
}

function list(values: unknown[]): string {
  const shown = values.slice(0, 5).map((value) => JSON.stringify(value));
  return shown.join(", ") + (values.length > 5 ? ` and ${values.length - 5} more` : "");
}

export function joinPath(path: string, step: string): string {
  if (path === "") return step;
  return step.startsWith("[") || step.startsWith("{") || step.startsWith("(") ? path + step : `${path}.${step}`;
}
