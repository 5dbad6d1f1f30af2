import { relative, sep } from "node:path";
import picomatch from "picomatch";

/** A path relative to `dir`, with `/` separators, as globs and reports expect it. */
export function relativePosix(dir: string, file: string): string {
  const path = relative(dir, file);
  return sep === "/" ? path : path.split(sep).join("/");
}

/** Whether `file` matches any of `globs`, which are relative to `dir`. */
export function matchesGlobs(globs: readonly string[], dir: string, file: string): boolean {
  return picomatch(globs as string[], { dot: true })(relativePosix(dir, file));
}
