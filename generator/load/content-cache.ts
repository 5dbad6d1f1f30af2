import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, extname, join } from "node:path";

/**
 * A cache folder of files named by a hash of what they were computed from (a document's content, the versions of the
 * code that computed them), under SPECWRIGHT_CACHE. A missing, damaged or unwritable cache is no cache: every read
 * and write failure means "compute it again".
 */

/** The text of a cache file, or undefined when there is none (or it cannot be read). */
export function readCacheFile(file: string): string | undefined {
  try {
    return existsSync(file) ? readFileSync(file, "utf8") : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Writes a cache file atomically (concurrent lints of the same document write the same bytes; the rename makes one
 * win whole). A folder grown past `keep` files of this file's kind (its extension) is cut to its newest three quarters, so the files are sorted by age
 * once per `keep / 4` writes, not on every write of a run that caches hundreds of files.
 */
export function writeCacheFile(file: string, text: string, keep: number): void {
  const dir = dirname(file);
  try {
    mkdirSync(dir, { recursive: true });
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, text);
    renameSync(temp, file);
    const files = readdirSync(dir)
      .filter((name) => extname(name) === extname(file))
      .map((name) => join(dir, name));
    if (files.length > keep) {
      const age = new Map(files.map((path) => [path, statSync(path).mtimeMs]));
      for (const old of files.sort((a, b) => age.get(b)! - age.get(a)!).slice(Math.floor((keep * 3) / 4)))
        rmSync(old, { force: true });
    }
  } catch {
    // a read-only install, or another process cleaning up: the next run computes it again
  }
}
