import picomatch from "picomatch";
import { relativePosix } from "../load/relative-posix.js";

export { relativePosix };

/** Whether `file` matches any of `globs`, which are relative to `dir`. */
export function matchesGlobs(globs: readonly string[], dir: string, file: string): boolean {
  return picomatch(globs as string[], { dot: true })(relativePosix(dir, file));
}
