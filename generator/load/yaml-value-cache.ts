// Parsing YAML is most of a small lint's time: the petstore example (42 kB) takes ~100 ms of CPU to parse in a fresh
// process, where reading back the same value as JSON takes under 1 ms. So the value of each YAML file parsed is kept
// as JSON, in a file named by the text, the parser's version and its options; an unchanged file (the editor's and
// CI's usual case) is then read without the YAML parser. Positions are not kept: the file is parsed again only when
// a place in it must be located (a problem to report), see SourceFile.
import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import { join } from "node:path";
import { SPECWRIGHT_CACHE } from "./cache-dir.js";
import { readCacheFile, writeCacheFile } from "./content-cache.js";

/** Bump when what is stored, or how a value is made from the YAML, changes. */
const REVISION = 1;
const MAX_STORED = 256;
/** Larger files are not kept, to bound the folder (2,623 of the 2,640 APIs.guru specs, as JSON, are smaller). */
const MAX_TEXT_LENGTH = 4 * 1024 * 1024;
const VALUES_DIR = join(SPECWRIGHT_CACHE, "yaml-values");

let yamlVersion: string | undefined;

function cacheFileFor(text: string, parseOptions: object): string {
  yamlVersion ??= (createRequire(import.meta.url)("yaml/package.json") as { version: string }).version;
  const key = createHash("sha256")
    .update(`${REVISION} yaml@${yamlVersion} ${JSON.stringify(parseOptions)}\n`)
    .update(text)
    .digest("hex")
    .slice(0, 32);
  return join(VALUES_DIR, `${key}.json`);
}

/** The value an earlier run parsed from this very text with the same parser and options, if it kept one. */
export function storedYamlValue(text: string, parseOptions: object): { value: unknown } | undefined {
  if (text.length > MAX_TEXT_LENGTH) return undefined;
  const stored = readCacheFile(cacheFileFor(text, parseOptions));
  if (stored === undefined) return undefined;
  try {
    return { value: JSON.parse(stored) as unknown };
  } catch {
    return undefined; // damaged: parse the YAML again
  }
}

/** Keeps a parsed value for the next run, when JSON gives it back exactly (see `survivesJson`). */
export function storeYamlValue(text: string, parseOptions: object, value: unknown): void {
  if (text.length <= MAX_TEXT_LENGTH && survivesJson(value))
    writeCacheFile(cacheFileFor(text, parseOptions), JSON.stringify(value), MAX_STORED);
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
