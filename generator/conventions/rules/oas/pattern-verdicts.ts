import { detectBacktracking, type DetectorLimits, type DetectorResult } from "./backtracking-detector.js";
import { explainTrail } from "./backtracking-explanation.js";

/** What the rule says about one pattern; `why` explains a problem in a sentence without the pattern itself. */
export type PatternVerdict = { kind: "linear" } | { kind: "invalid"; why: string } | { kind: "super-linear"; why: string } | { kind: "undecided"; why: string };

/**
 * Verdicts by limits and pattern, shared by every lint in the process (the portal lints again on each edit; real
 * specs repeat their patterns: an ARN or an id pattern hundreds of times). Cleared when full, to stay bounded.
 */
const cache = new Map<string, PatternVerdict>();
const CACHE_LIMIT = 20_000;

/** No quantifier, no repetition: matching is linear whatever the engine does (a search is pattern length x input). */
const MAY_REPEAT = /[*+?{]/;

/** The verdict for each distinct pattern; only patterns not seen before reach the detector, in one batch. */
export function patternVerdicts(patterns: Iterable<string>, limits: DetectorLimits): Map<string, PatternVerdict> {
  const verdicts = new Map<string, PatternVerdict>();
  const unchecked: string[] = [];
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
    if (cache.size + unchecked.length > CACHE_LIMIT) cache.clear();
    for (const result of detectBacktracking(unchecked, limits)) {
      const verdict = fromDetector(result, limits);
      verdicts.set(result.pattern, verdict);
      cache.set(cacheKey(result.pattern, limits), verdict);
    }
  }
  return verdicts;
}

function cacheKey(pattern: string, limits: DetectorLimits): string {
  return `${limits.maxSteps}\u0000${limits.timeoutMs}\u0000${pattern}`;
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
    case "hitMaxSteps":
      return { kind: "undecided", why: `redos-detector stopped after maxSteps (${limits.maxSteps}) steps` };
    case "timedOut":
      return { kind: "undecided", why: `redos-detector stopped after timeoutMs (${limits.timeoutMs} ms)` };
    case "failed":
      return { kind: "undecided", why: `redos-detector could not analyse it: ${result.detail ?? "unknown failure"}` };
  }
}
