/**
 * Where the nodes of a YAML file start, all that `locate` needs of the parsed document, in plain JSON (so it can be
 * kept with the file's value, yaml-value-cache.ts): `[start, children]`, where the children of a mapping are its
 * entries by key, each `[start of the key, subtree of the value]`, and those of a sequence its items, each
 * `[start of the item, subtree of the item]`. A scalar or an alias has no children. Offsets are character offsets.
 */
export type PositionTree = [start: number | null, children?: Record<string, PositionEntry> | PositionEntry[]];
export type PositionEntry = [start: number | null, subtree: PositionTree];

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
