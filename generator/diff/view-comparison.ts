import type { Located, NodeRef, SpecDocument } from "../load/index.js";
import type { Direction, SchemaKind } from "./checks.js";
import type { Channel } from "./schema-types.js";
import type { SchemaView } from "./schema-view.js";

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
 * What the comparison of a schema's keywords and branches asks of the comparer that runs it (compare-schemas.ts):
 * both documents, and the comparison of nested schemas, through which the recursion goes.
 */
export interface Comparer {
  readonly oldDoc: SpecDocument;
  readonly newDoc: SpecDocument;
  compare(oldSchema: Located, newSchema: Located, direction: Direction, channel?: Channel): SchemaChange[];
  compareViews(before: SchemaView, after: SchemaView, direction: Direction, channel?: Channel): SchemaChange[];
  /** A comparer of a document with itself: how branches of one schema relate to each other. */
  within(document: SpecDocument): Comparer;
}

/**
 * One comparison of two views, as the comparisons of its keywords (compare-keywords.ts) and its oneOf/anyOf
 * branches (compare-branches.ts) see it: the views, which way data flows, and where their changes go.
 */
export interface ViewComparison {
  readonly comparer: Comparer;
  readonly before: SchemaView;
  readonly after: SchemaView;
  readonly direction: Direction;
  readonly channel: Channel;
  /** A change to this schema itself, or (with `place`) to one of its properties or branches. */
  add(kind: SchemaKind, detail: string, place?: { old?: NodeRef; new?: NodeRef; path: string }): void;
  /** Keeps changes found elsewhere (a nested schema), placed under `step`; with `once`, a duplicate is kept once. */
  adopt(found: readonly SchemaChange[], step: string, once?: boolean): void;
  /** A narrowing (fewer values valid) or widening (more values valid) of a constraint. */
  effect(effect: "narrowed" | "widened", detail: string): void;
  /** Compares two nested schemas in this comparison's direction and keeps their changes under `step`. */
  compareNested(before: Located | undefined, after: Located | undefined, step: string): void;
}
