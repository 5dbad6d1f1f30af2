// A list operation's mock dataset: copies of the sample's items, enough for several pages at small page sizes,
// the copies told apart where the paging scheme or the schema needs it (mock-samples.ts builds the sample,
// templates/runtime/server/mock-paging.ts serves the pages).
import type { FieldPath, Operation } from "../../model/ir.js";
import { followRefs } from "./follow-refs.js";
import { withValueAt } from "../../../templates/runtime/server/mock-paging.js";
import { valueAt } from "../../../templates/runtime/server/pagination.js";

/** The dataset of a list is this many copies of the example's items: several pages at small page sizes, then a last one. */
const DATASET_COPIES = 3;

/** At most this many of an item's leaves are tried when looking for one whose change keeps it valid. */
const LEAVES_TRIED = 32;

export interface DatasetOptions {
  /** What must differ between the copies whatever the schema says (distinctFields). */
  distinct: readonly { path: FieldPath; anyType: boolean }[];
  /**
   * Set when the items array is `uniqueItems` (JSON Schema 2020-12 §6.4.3): whether the `index`-th item of the
   * sample may be replaced by `item` and the body still validate. No two items of the dataset are then equal.
   */
  fits?: (index: number, item: unknown) => boolean;
}

/**
 * DATASET_COPIES copies of `items`, the `distinct` fields changed in every copy after the first. Under
 * `uniqueItems` a copy still equal to an item before it gets one of its numbers moved or strings suffixed, the
 * first such change `fits` accepts; a copy no change tells apart is left out, so no page repeats an item
 * (mist.com's wireless sessions: no `id`, `uniqueItems: true`).
 */
export function dataset(items: readonly unknown[], options: DatasetOptions): unknown[] {
  const seen = new Set<string>();
  const out: unknown[] = [];
  for (let index = 0; index < items.length * DATASET_COPIES; index++) {
    const at = index % items.length;
    const copy = Math.floor(index / items.length);
    let item = structuredClone(items[at]);
    if (copy > 0) item = withDistinctFields(item, copy, options.distinct);
    if (options.fits !== undefined && seen.has(JSON.stringify(item))) {
      const fits = options.fits;
      item = told(item, copy, (changed) => !seen.has(JSON.stringify(changed)) && fits(at, changed));
      if (item === undefined) continue;
    }
    seen.add(JSON.stringify(item));
    out.push(item);
  }
  return out;
}

/**
 * What must differ between the copies: the `after` style's cursor (the mock finds its place by it), made unique
 * whatever its type; and integer `id`s, which a copy can change without leaving their schema (a string id may
 * have a pattern, so it is left as the example has it).
 */
export function distinctFields(op: Operation): { path: FieldPath; anyType: boolean }[] {
  const ids = [{ path: ["id"], anyType: false }];
  return op.pagination?.kind === "after" ? [{ path: op.pagination.cursorField, anyType: true }, ...ids] : ids;
}

/** The array schemas at `path` in `node` (through $refs, resolved by the IR's schemaRoot, and allOf parts). */
export function arraySchemasAt(root: unknown, node: unknown, path: FieldPath, depth = 0): Record<string, unknown>[] {
  const schema = followRefs(root, node);
  if (schema === undefined || depth > 16) return [];
  const parts = Array.isArray(schema.allOf)
    ? schema.allOf.flatMap((part) => arraySchemasAt(root, part, path, depth + 1))
    : [];
  const [name, ...rest] = path;
  if (name === undefined) return [schema, ...parts];
  const properties = typeof schema.properties === "object" && schema.properties !== null ? schema.properties : {};
  return [...arraySchemasAt(root, (properties as Record<string, unknown>)[name], rest, depth + 1), ...parts];
}

function withDistinctFields(item: unknown, copy: number, distinct: DatasetOptions["distinct"]): unknown {
  const done = new Set<string>();
  let out = item;
  for (const { path, anyType } of distinct) {
    if (done.has(path.join("\u0000"))) continue; // the cursor may be the id: changed once
    done.add(path.join("\u0000"));
    const changed = variant(valueAt(out, path), copy, anyType);
    if (changed !== undefined) out = withValueAt(out, path, changed);
  }
  return out;
}

/** `item` with the first of its leaves whose `copy`-th variant `accepts` takes; undefined when none does. */
function told(item: unknown, copy: number, accepts: (changed: unknown) => boolean): unknown {
  for (const path of leaves(item).slice(0, LEAVES_TRIED)) {
    const changed = variant(valueAt(item, path), copy, true);
    if (changed === undefined) continue;
    const candidate = withValueAt(item, path, changed);
    if (accepts(candidate)) return candidate;
  }
  return undefined;
}

/** The paths of an item's numbers and strings, objects walked in key order (array members are left alone). */
function leaves(value: unknown, path: FieldPath = [], depth = 0): FieldPath[] {
  if (typeof value === "number" || typeof value === "string") return [path];
  if (typeof value !== "object" || value === null || Array.isArray(value) || depth > 4) return [];
  return Object.entries(value).flatMap(([name, member]) => leaves(member, [...path, name], depth + 1));
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The `copy`-th variant of a value: a number moved by 1000s, a UUID's last group counted up, a string suffixed. */
function variant(value: unknown, copy: number, anyType: boolean): unknown {
  if (typeof value === "number" && (anyType || Number.isInteger(value))) return value + copy * 1000;
  if (typeof value !== "string" || !anyType) return undefined;
  if (UUID.test(value))
    return `${value.slice(0, 24)}${(parseInt(value.slice(24), 16) + copy).toString(16).padStart(12, "0").slice(-12)}`;
  return `${value}${copy + 1}`;
}
