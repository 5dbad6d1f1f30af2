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

/** How many files of each kind (folder and extension) a folder holds, as far as this process knows. */
const knownCounts = new Map<string, number>();
/** How many files of each kind this process has written. */
const writtenCounts = new Map<string, number>();

/**
 * Writes a cache file atomically (concurrent lints of the same document write the same bytes; the rename makes one
 * win whole). A folder grown past `keep` files of this file's kind (its extension) is cut to its newest three
 * quarters. The folder is listed on a process's first write of each kind and at each cut, and counted in between: a
 * portal build linting a whole corpus writes thousands of validators, and listing a 2,000-file folder on every write
 * was 30% of its time. Files other processes write meanwhile are found at the next listing.
 *
 * A process stops writing a kind once it has written half of `keep`: it has more to cache than the folder holds (a
 * portal build over a corpus, a conformance run), so what it wrote would be cut before it is read again, and would
 * push out what the next lint of an edited spec reads. Its first files are kept, as a smaller run's would be.
 * `text` may be a function, so that what is not written is not made either.
 */
export function writeCacheFile(file: string, text: string | (() => string), keep: number): void {
  const dir = dirname(file);
  const kind = extname(file);
  const countKey = `${dir}\0${kind}`;
  const written = writtenCounts.get(countKey) ?? 0;
  if (written >= keep / 2) return;
  writtenCounts.set(countKey, written + 1);
  try {
    mkdirSync(dir, { recursive: true });
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, typeof text === "string" ? text : text());
    renameSync(temp, file);
    // A rewrite of a file already there counts too: the count may run ahead of the folder, never behind it.
    const known = knownCounts.get(countKey);
    let count = known === undefined ? filesOfKind(dir, kind).length : known + 1;
    if (count > keep) count = cut(filesOfKind(dir, kind), Math.floor((keep * 3) / 4));
    knownCounts.set(countKey, count);
  } catch {
    // a read-only install, or another process cleaning up: the next run computes it again
  }
}

function filesOfKind(dir: string, kind: string): string[] {
  return readdirSync(dir)
    .filter((name) => extname(name) === kind)
    .map((name) => join(dir, name));
}

/** Removes all but the `kept` newest files; returns how many are left. */
function cut(files: string[], kept: number): number {
  if (files.length <= kept) return files.length;
  const age = new Map(files.map((path) => [path, statSync(path).mtimeMs]));
  for (const old of files.sort((a, b) => age.get(b)! - age.get(a)!).slice(kept)) rmSync(old, { force: true });
  return kept;
}
