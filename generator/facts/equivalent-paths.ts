// Templated paths that differ only in their parameter names (`/v1/{jobName}`, `/v1/{name}`): OpenAPI 3.0.3
// §4.7.8 and 3.1 "Paths Object" forbid them ("MUST NOT exist as they are identical"), yet real specs have them.
import { comparePaths, pathShape } from "../../templates/runtime/server/paths.js";

/** Groups of two or more distinct templated paths with the same shape, each in matching order. */
export function equivalentPathGroups(paths: Iterable<string>): string[][] {
  const byShape = new Map<string, Set<string>>();
  for (const path of paths) {
    if (!path.includes("{")) continue;
    const group = byShape.get(pathShape(path)) ?? new Set<string>();
    byShape.set(pathShape(path), group.add(path));
  }
  return [...byShape.values()].filter((group) => group.size > 1).map((group) => [...group].sort(comparePaths));
}
