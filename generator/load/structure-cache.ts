// The OpenAPI schema check (structural-validation.ts) loads a 180 kB compiled validator and walks the whole document:
// about a tenth of a small lint's CPU. Its verdict depends only on the files of the document and on the check itself,
// so it is kept per content, like the example verdicts: an unchanged spec is not checked again.
import { createHash } from "node:crypto";
import { join } from "node:path";
import { SPECWRIGHT_CACHE } from "./cache-dir.js";
import { readCacheFile, writeCacheFile } from "./content-cache.js";
import type { SourceFile } from "./source-file.js";
import type { StructuralProblem } from "./spec-document.js";
import { structureCheckVersion, validateStructure } from "./structural-validation.js";

const MAX_STORED = 256;
const VERDICTS_DIR = join(SPECWRIGHT_CACHE, "structure");

/** `validateStructure` of the document made of `files`, from the verdict stored for the same files when there is one. */
export function checkStructure(
  document: unknown,
  rootFile: string,
  files: ReadonlyMap<string, SourceFile>,
): StructuralProblem[] {
  const hash = createHash("sha256").update(`${structureCheckVersion()}\n`);
  for (const [file, source] of files) hash.update(`${file}\u0000${source.text}\u0000`);
  const cacheFile = join(VERDICTS_DIR, `${hash.digest("hex").slice(0, 32)}.json`);
  const stored = storedProblems(cacheFile);
  if (stored) return stored.map(({ message, pointer }) => ({ message, at: { file: rootFile, pointer } }));
  const problems = validateStructure(document, rootFile);
  const written = problems.map(({ message, at }) => ({ message, pointer: at.pointer }));
  writeCacheFile(cacheFile, () => JSON.stringify(written), MAX_STORED);
  return problems;
}

function storedProblems(cacheFile: string): Array<{ message: string; pointer: string }> | undefined {
  const text = readCacheFile(cacheFile);
  if (text === undefined) return undefined;
  try {
    const stored = JSON.parse(text) as unknown;
    const wellFormed =
      Array.isArray(stored) &&
      stored.every((entry) => typeof entry?.message === "string" && typeof entry?.pointer === "string");
    return wellFormed ? (stored as Array<{ message: string; pointer: string }>) : undefined;
  } catch {
    return undefined; // damaged: check again
  }
}
