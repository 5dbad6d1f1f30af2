import { relative, sep } from "node:path";

/** A path relative to `dir`, with `/` separators, as globs and reports expect it. */
export function relativePosix(dir: string, file: string): string {
  const path = relative(dir, file);
  return sep === "/" ? path : path.split(sep).join("/");
}
