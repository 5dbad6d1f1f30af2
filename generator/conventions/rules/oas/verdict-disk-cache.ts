import { appendFileSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { PatternVerdict } from "./pattern-verdict.js";

/**
 * Pattern verdicts kept between runs, one JSON line per pattern, next to the CLI bundle under node_modules/.cache:
 * analysing the patterns of a big spec takes seconds (AWS's sagemaker: 142 patterns), a lookup microseconds. Keys
 * name the detector's version and limits, so an upgrade starts afresh. Missing, damaged or unwritable: no cache.
 * SPECWRIGHT_PATTERN_CACHE names another file, or `off`.
 */
const MAX_CACHE_BYTES = 8 * 1024 * 1024;
const KINDS = new Set(["linear", "invalid", "super-linear", "undecided"]);

let file: string | undefined | null = null;

function cacheFile(): string | undefined {
  if (file !== null) return file;
  file = undefined;
  // Another file (tests use a fresh one), or `off`.
  const chosen = process.env.SPECWRIGHT_PATTERN_CACHE;
  if (chosen !== undefined && chosen !== "") return (file = chosen === "off" ? undefined : chosen);
  const detector = fileURLToPath(import.meta.resolve("redos-detector"));
  const nodeModules = detector.slice(0, detector.lastIndexOf(`node_modules`) + "node_modules".length);
  for (const dir of [join(nodeModules, ".cache", "specwright"), join(tmpdir(), "specwright-cache")]) {
    try {
      mkdirSync(dir, { recursive: true });
      file = join(dir, "pattern-verdicts.jsonl");
      break;
    } catch {
      // read-only: try the next place
    }
  }
  return file;
}

const KEY_START = '{"key":';
const KEY_END = ',"verdict":';
/** Up to this many keys, each is searched for in the text (a native scan, no strings made); more, the lines once. */
const SEARCH_EACH_UP_TO = 16;

/**
 * The stored verdicts of the keys asked for (an empty map when there are none or the file is unreadable). The file
 * holds every pattern of every spec linted here, thousands of lines: only the lines of the keys asked for are
 * parsed, found by the key as written (its JSON text), since `storeVerdicts` writes the key first. When a key was
 * stored twice, the later line wins.
 */
export function readStoredVerdicts(keys: Iterable<string>): Map<string, PatternVerdict> {
  const stored = new Map<string, PatternVerdict>();
  const path = cacheFile();
  if (!path) return stored;
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    return stored;
  }
  const wanted = new Set([...keys].map((key) => JSON.stringify(key)));
  for (const line of wanted.size <= SEARCH_EACH_UP_TO ? lastLinesOf(text, wanted) : linesOf(text, wanted)) {
    try {
      const entry = JSON.parse(line) as { key?: unknown; verdict?: { kind?: unknown; why?: unknown } };
      const verdict = entry.verdict;
      if (typeof entry.key !== "string" || !verdict || !KINDS.has(verdict.kind as string)) continue;
      if (verdict.kind !== "linear" && typeof verdict.why !== "string") continue;
      stored.set(entry.key, verdict as PatternVerdict);
    } catch {
      // a line cut short by a concurrent writer: skip it
    }
  }
  return stored;
}

/** The lines of the keys, in file order. A JSON string cannot hold an unescaped quote: the first `,"verdict":` ends the key. */
function linesOf(text: string, keys: ReadonlySet<string>): string[] {
  return text
    .split("\n")
    .filter((line) => line.startsWith(KEY_START) && keys.has(line.slice(KEY_START.length, line.indexOf(KEY_END))));
}

/** The last line of each key. */
function lastLinesOf(text: string, keys: ReadonlySet<string>): string[] {
  const lines: string[] = [];
  for (const key of keys) {
    const needle = `${KEY_START}${key}${KEY_END}`;
    let last = -1;
    for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + needle.length))
      if (at === 0 || text[at - 1] === "\n") last = at;
    if (last === -1) continue;
    const end = text.indexOf("\n", last);
    lines.push(text.slice(last, end === -1 ? undefined : end));
  }
  return lines;
}

/** Appends new verdicts (one write); a file past MAX_CACHE_BYTES is started afresh. */
export function storeVerdicts(entries: ReadonlyArray<readonly [string, PatternVerdict]>): void {
  const path = cacheFile();
  if (!path || entries.length === 0) return;
  const lines = entries.map(([key, verdict]) => `${JSON.stringify({ key, verdict })}\n`).join("");
  try {
    let size = 0;
    try {
      size = statSync(path).size;
    } catch {
      // no file yet
    }
    if (size + lines.length > MAX_CACHE_BYTES) writeFileSync(path, lines);
    else appendFileSync(path, lines);
  } catch {
    // unwritable: the in-process cache still applies
  }
}
