/**
 * The identity of a path across versions: `/v1/pets/{id}` and `/v2/pets/{pet_id}` are the same endpoint in two
 * major versions, so the version segment and the names of path parameters do not take part.
 */
export function pathIdentity(path: string): string {
  return path
    .replace(/\/+$/, "")
    .split("/")
    .map((segment) => (/^v\d+$/i.test(segment) ? "v{N}" : segment.replace(/\{[^}]*\}/g, "{}")))
    .join("/");
}

export interface PathMatch {
  pairs: Array<[oldPath: string, newPath: string]>;
  removed: string[];
  added: string[];
}

/** Pairs the paths of two documents: the same text first, then the same identity when it is unambiguous. */
export function matchPaths(oldPaths: readonly string[], newPaths: readonly string[]): PathMatch {
  const newSet = new Set(newPaths);
  const pairs: Array<[string, string]> = [];
  const unmatchedOld: string[] = [];
  for (const path of oldPaths) {
    if (newSet.has(path)) {
      pairs.push([path, path]);
      newSet.delete(path);
    } else unmatchedOld.push(path);
  }
  const byIdentity = new Map<string, string[]>();
  for (const path of newSet) byIdentity.set(pathIdentity(path), [...(byIdentity.get(pathIdentity(path)) ?? []), path]);
  const removed: string[] = [];
  for (const path of unmatchedOld) {
    const candidates = byIdentity.get(pathIdentity(path));
    const match = candidates?.length === 1 ? candidates[0] : undefined;
    if (match === undefined) {
      removed.push(path);
      continue;
    }
    pairs.push([path, match]);
    newSet.delete(match);
    byIdentity.delete(pathIdentity(path));
  }
  return { pairs, removed, added: [...newSet] };
}
