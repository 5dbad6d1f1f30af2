import { joinPointer } from "./json-pointer.js";
import { SpecLoadError } from "./load-error.js";
import type { SourceFile } from "./source-file.js";

/**
 * Deepest nesting of objects and arrays accepted in one file. Real specs stay under 40 (the deepest of the
 * 2,640 APIs.guru specs is 34); the schema validator, the rule walk and the emitters recurse, and overflow the
 * stack somewhere past a thousand levels, so a deeper file is refused here with a clear error instead.
 */
export const MAX_NESTING = 256;

/** Throws a SpecLoadError at the first place a file nests deeper than MAX_NESTING. Iterative: cannot overflow itself. */
export function checkNesting(source: SourceFile): void {
  if (depthExceeds(source.value)) {
    const pointer = firstTooDeep(source.value);
    throw new SpecLoadError({
      message: `nests more than ${MAX_NESTING} levels deep (at ${pointer.length > 120 ? `${pointer.slice(0, 120)}…` : pointer})`,
      file: source.path,
      ...source.locate(pointer),
      fix: "flatten the structure: move nested schemas into components and reference them with $ref",
    });
  }
}

function depthExceeds(root: unknown): boolean {
  const stack: Array<[unknown, number]> = [[root, 0]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!;
    if (value === null || typeof value !== "object") continue;
    if (depth >= MAX_NESTING) return true;
    for (const child of Object.values(value))
      if (child !== null && typeof child === "object") stack.push([child, depth + 1]);
  }
  return false;
}

/** The pointer of the first node at depth MAX_NESTING (only computed when there is one). */
function firstTooDeep(root: unknown): string {
  const stack: Array<[unknown, number, string]> = [[root, 0, ""]];
  while (stack.length > 0) {
    const [value, depth, pointer] = stack.pop()!;
    if (value === null || typeof value !== "object") continue;
    if (depth >= MAX_NESTING) return pointer;
    for (const [key, child] of Object.entries(value)) stack.push([child, depth + 1, joinPointer(pointer, key)]);
  }
  return "";
}
