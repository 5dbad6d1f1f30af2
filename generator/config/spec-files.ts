import { resolve } from "node:path";
import { glob, isDynamicPattern } from "tinyglobby";

export interface ExpandedSpecs {
  /** Absolute paths (or URLs), in argument order, globs sorted, without duplicates. */
  files: string[];
  /** Globs that matched no file. */
  unmatched: string[];
}

/**
 * Turns command-line arguments into spec files: plain paths and URLs are kept as given (a missing file is reported
 * by the loader, with its name), globs are expanded. `node_modules` is skipped unless the glob names it.
 */
export async function expandSpecPatterns(patterns: readonly string[], cwd: string): Promise<ExpandedSpecs> {
  const files: string[] = [];
  const unmatched: string[] = [];
  for (const pattern of patterns) {
    if (/^https?:\/\//i.test(pattern) || !isDynamicPattern(pattern)) {
      files.push(/^https?:\/\//i.test(pattern) ? pattern : resolve(cwd, pattern));
      continue;
    }
    const ignore = pattern.includes("node_modules") ? [] : ["**/node_modules/**"];
    const matches = await glob(pattern, { cwd, absolute: true, onlyFiles: true, expandDirectories: false, ignore });
    if (matches.length === 0) unmatched.push(pattern);
    files.push(...matches.map((file) => resolve(file)).sort());
  }
  return { files: [...new Set(files)], unmatched };
}
