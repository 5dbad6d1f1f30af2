import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import { detectBacktracking, type DetectorLimits, type DetectorResult } from "./backtracking-detector.js";
import { EXPLANATION_SOURCE, explainTrail } from "./backtracking-explanation.js";
import { readStoredVerdicts, storeVerdicts } from "./verdict-disk-cache.js";
import type { PatternVerdict } from "./pattern-verdict.js";

export type { PatternVerdict };

/**
 * Verdicts by limits and pattern, shared by every lint in the process (the portal lints again on each edit; real
 * specs repeat their patterns: an ARN or an id pattern hundreds of times). Cleared when full, to stay bounded.
 */
const cache = new Map<string, PatternVerdict>();
const CACHE_LIMIT = 20_000;

/**
 * Part of every key: a verdict is only reused by the same detector version and the same code turning its results into
 * words (a changed explanation must not be served from an older run's cache).
 */
const VERDICT_SOURCE = createHash("sha256")
  .update((createRequire(import.meta.url)("redos-detector/package.json") as { version: string }).version)
  .update(fromDetector.toString())
  .update(EXPLANATION_SOURCE)
  .digest("hex")
  .slice(0, 16);

/** No quantifier, no repetition: matching is linear whatever the engine does (a search is pattern length x input). */
const MAY_REPEAT = /[*+?{]/;

/** The verdict for each distinct pattern; only patterns not seen before reach the detector, in one batch. */
export function patternVerdicts(patterns: Iterable<string>, limits: DetectorLimits): Map<string, PatternVerdict> {
  const verdicts = new Map<string, PatternVerdict>();
  let unchecked: string[] = [];
  for (const pattern of patterns) {
    if (verdicts.has(pattern)) continue;
    const cached = cache.get(cacheKey(pattern, limits)) ?? quickVerdict(pattern);
    if (cached) verdicts.set(pattern, cached);
    else {
      verdicts.set(pattern, { kind: "linear" });
      unchecked.push(pattern);
    }
  }
  if (unchecked.length > 0) {
    const stored = readStoredVerdicts(unchecked.map((pattern) => cacheKey(pattern, limits)));
    if (cache.size + stored.size > CACHE_LIMIT) cache.clear();
    for (const [key, verdict] of stored) cache.set(key, verdict);
    unchecked = unchecked.filter((pattern) => {
      const verdict = stored.get(cacheKey(pattern, limits));
      if (verdict) verdicts.set(pattern, verdict);
      return !verdict;
    });
  }
  if (unchecked.length > 0) {
    if (cache.size + unchecked.length > CACHE_LIMIT) cache.clear();
    const lasting: Array<[string, PatternVerdict]> = [];
    for (const result of detectBacktracking(unchecked, limits)) {
      const verdict = fromDetector(result, limits);
      const key = cacheKey(result.pattern, limits);
      verdicts.set(result.pattern, verdict);
      // Kept even when a time limit decided it (which depends on the machine's load): the next run then reports what
      // this one did, at once. Raising timeoutMs changes the key. A pattern never analysed has no verdict to keep.
      if (result.safe || (result.error !== "unavailable" && result.error !== "overBudget"))
        lasting.push([key, verdict]);
    }
    for (const [key, verdict] of lasting) cache.set(key, verdict);
    storeVerdicts(lasting);
  }
  return verdicts;
}

function cacheKey(pattern: string, limits: DetectorLimits): string {
  return `${VERDICT_SOURCE}\u0000${limits.maxSteps}\u0000${limits.timeoutMs}\u0000${pattern}`;
}

/** The verdicts that need no detector: not a regexp at all, or nothing that repeats. */
function quickVerdict(pattern: string): PatternVerdict | undefined {
  try {
    // JSON Schema 2020-12 core §6.4: patterns are ECMA-262 and SHOULD be built with the "u" flag.
    new RegExp(pattern, "u");
  } catch (error) {
    return { kind: "invalid", why: (error as Error).message };
  }
  return MAY_REPEAT.test(pattern) ? undefined : { kind: "linear" };
}

function fromDetector(result: DetectorResult, limits: DetectorLimits): PatternVerdict {
  if (result.safe) return { kind: "linear" };
  switch (result.error) {
    case "hitMaxScore":
      return { kind: "super-linear", why: explainTrail(result.pattern, result.trail, result.downgraded) };
    // One wording whichever limit came first: the time limit, unlike the step limit, depends on the machine's load.
    case "hitMaxSteps":
    case "timedOut":
    case "stalled":
      return {
        kind: "undecided",
        why: `redos-detector stopped at its limits: maxSteps ${limits.maxSteps}, timeoutMs ${limits.timeoutMs}`,
      };
    case "failed":
      return { kind: "undecided", why: `redos-detector could not analyse it: ${result.detail ?? "unknown failure"}` };
    case "unavailable":
      return { kind: "undecided", why: "redos-detector did not start in a worker thread" };
    case "overBudget":
      return {
        kind: "undecided",
        why: `not analysed: the rule's time budget for the document ran out (budgetMs ${limits.budgetMs})`,
      };
  }
}
