// Parsing YAML is most of a small lint's time: the petstore example (42 kB) takes ~100 ms of CPU to parse in a fresh
// process, where reading back the same value as JSON takes under 1 ms. So the value of each YAML file parsed is kept
// as JSON with the positions of its nodes (yaml-positions.ts), in two files named by the text, the parser's version
// and its options: an unchanged file (the editor's and CI's usual case) is read without loading the YAML parser.
import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import { join } from "node:path";
import { SPECWRIGHT_CACHE } from "./cache-dir.js";
import { readCacheFile, writeCacheFile } from "./content-cache.js";
import type { PositionTree } from "./yaml-positions.js";

/** Aliases beyond this count are a "billion laughs" expansion, not a real spec. */
const MAX_YAML_ALIASES = 1000;
/** How every YAML file is read (yaml-parse.ts); part of the name of what is stored. */
export const YAML_OPTIONS = {
  parse: { uniqueKeys: true, prettyErrors: false, strict: false },
  maxAliasCount: MAX_YAML_ALIASES,
} as const;

/** Bump when what is stored, or how a value is made from the YAML, changes. */
const REVISION = 1;
/** Files: a value and its positions for each of 256 texts. */
const MAX_STORED = 512;
/** Larger files are not kept, to bound the folder (2,623 of the 2,640 APIs.guru specs, as JSON, are smaller). */
const MAX_TEXT_LENGTH = 4 * 1024 * 1024;
const VALUES_DIR = join(SPECWRIGHT_CACHE, "yaml-values");

let yamlVersion: string | undefined;

/** The two files of a text: `.json` (its value) and `-positions.json`. */
function cacheFilesFor(text: string): { value: string; positions: string } {
  yamlVersion ??= (createRequire(import.meta.url)("yaml/package.json") as { version: string }).version;
  const key = createHash("sha256")
    .update(`${REVISION} yaml@${yamlVersion} ${JSON.stringify(YAML_OPTIONS)}\n`)
    .update(text)
    .digest("hex")
    .slice(0, 32);
  return { value: join(VALUES_DIR, `${key}.json`), positions: join(VALUES_DIR, `${key}-positions.json`) };
}

/** The value and positions an earlier run parsed from this very text with the same parser and options, if it kept both. */
export function storedYaml(text: string): { value: unknown; positions: PositionTree } | undefined {
  if (text.length > MAX_TEXT_LENGTH) return undefined;
  const files = cacheFilesFor(text);
  const value = parsedJson(readCacheFile(files.value));
  const positions = value && parsedJson(readCacheFile(files.positions));
  if (!positions || !Array.isArray(positions.json)) return undefined;
  return { value: value.json, positions: positions.json as PositionTree };
}

/** Undefined for a missing or damaged file: parse the YAML again. */
function parsedJson(text: string | undefined): { json: unknown } | undefined {
  if (text === undefined) return undefined;
  try {
    return { json: JSON.parse(text) as unknown };
  } catch {
    return undefined;
  }
}

/** Keeps a parsed value and its positions for the next run, when JSON gives the value back exactly (`survivesJson`). */
export function storeYaml(text: string, value: unknown, positions: PositionTree): void {
  if (text.length > MAX_TEXT_LENGTH || !survivesJson(value)) return;
  const files = cacheFilesFor(text);
  writeCacheFile(files.positions, () => JSON.stringify(positions), MAX_STORED);
  writeCacheFile(files.value, () => JSON.stringify(value), MAX_STORED);
}

/**
 * Whether JSON.parse(JSON.stringify(value)) is the same value: only plain objects, arrays, strings, booleans, null and
 * finite numbers other than -0, and no object reached twice (a YAML alias shares one object between its places,
 * which JSON would turn into copies). Anything else is simply not cached.
 */
function survivesJson(root: unknown): boolean {
  const seen = new Set<object>();
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const value = stack.pop();
    if (value === null || typeof value === "string" || typeof value === "boolean") continue;
    if (typeof value === "number") {
      if (!Number.isFinite(value) || Object.is(value, -0)) return false;
      continue;
    }
    if (typeof value !== "object" || seen.has(value)) return false;
    seen.add(value);
    if (Array.isArray(value)) {
      for (const item of value) stack.push(item);
    } else if (Object.getPrototypeOf(value) === Object.prototype) {
      for (const child of Object.values(value)) stack.push(child);
    } else return false;
  }
  return true;
}
