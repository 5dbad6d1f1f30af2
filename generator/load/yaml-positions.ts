import { isMap, isPair, isScalar, isSeq, type Document as YamlDocument, type Node as YamlNode } from "yaml";

/**
 * Where the nodes of a YAML file start, all that `locate` needs of the parsed document, in plain JSON (so it can be
 * kept with the file's value, yaml-value-cache.ts): `[start, children]`, where the children of a mapping are its
 * entries by key, each `[start of the key, subtree of the value]`, and those of a sequence its items, each
 * `[start of the item, subtree of the item]`. A scalar or an alias has no children. Offsets are character offsets.
 */
export type PositionTree = [start: number | null, children?: Record<string, PositionEntry> | PositionEntry[]];
type PositionEntry = [start: number | null, subtree: PositionTree];

export function positionTree(document: YamlDocument.Parsed): PositionTree {
  return treeOf(document.contents);
}

function treeOf(node: unknown): PositionTree {
  const start = rangeStart(node);
  if (isMap(node)) {
    const entries: Record<string, PositionEntry> = {};
    for (const pair of node.items) {
      const key = isPair(pair) && isScalar(pair.key) ? String(pair.key.value) : undefined;
      // The first entry of a key wins, as a lookup by key finds it; `__proto__` is an entry like any other.
      if (key !== undefined && !Object.hasOwn(entries, key))
        Object.defineProperty(entries, key, {
          value: [rangeStart(pair.key), treeOf(pair.value)],
          enumerable: true,
          writable: true,
          configurable: true,
        });
    }
    return [start, entries];
  }
  if (isSeq(node)) return [start, node.items.map((item): PositionEntry => [rangeStart(item), treeOf(item)])];
  return [start];
}

/**
 * The offset of the node the tokens of a JSON pointer name: for an object member, the start of its key; for an array
 * item, its start. Falls back to the deepest node that exists on the way.
 */
export function offsetIn(tree: PositionTree, tokens: readonly string[]): number {
  let [best, children] = tree;
  for (const token of tokens) {
    const entry = Array.isArray(children)
      ? children[Number(token)]
      : children && Object.hasOwn(children, token)
        ? children[token]
        : undefined;
    if (!entry) break;
    best = entry[0] ?? best;
    children = entry[1][1];
  }
  return best ?? 0;
}

function rangeStart(node: unknown): number | null {
  const range = (node as YamlNode | undefined)?.range;
  return range ? range[0] : null;
}
