// Which spec patterns the generated validators may run (issue 11: one request must not freeze the server).
// Linear-time (re2js) patterns always; patterns RE2 cannot express only when redos-detector shows that a
// backtracking RegExp cannot blow up on them; the rest are left out of validation, with a warning naming the place.
import { createContext, Script } from "node:vm";
import { isSafe } from "redos-detector";
import { isUnicodePattern } from "../../templates/runtime/server/json-schema.js";
import type { DroppedKeyword, PatternFilter } from "../../templates/runtime/server/json-schema.js";
import { linearPattern, type PatternMatcher } from "../../templates/runtime/server/patterns.js";

export type Warn = (message: string) => void;

export const warnOnStderr: Warn = (message) => process.stderr.write(`warning: ${message}\n`);

type Verdict = { kept: true } | { kept: false; why: string };

/** Verdicts per pattern, shared by every generation in the process (redos-detector takes a while on long ones). */
const verdicts = new Map<string, Verdict>();

function verdictOf(pattern: string): Verdict {
  let verdict = verdicts.get(pattern);
  if (verdict === undefined) {
    verdict = judge(pattern);
    verdicts.set(pattern, verdict);
  }
  return verdict;
}

/** A PatternFilter that warns once per place a pattern is left out. */
export function patternPolicy(source: string, warn: Warn): PatternFilter {
  return (pattern, at) => {
    const verdict = verdictOf(pattern);
    if (!verdict.kept)
      warn(`${source}: ${at}: pattern ${JSON.stringify(pattern)} is left out of validation: ${verdict.why}`);
    return verdict.kept;
  };
}

/** A SchemaRegistry's report of a keyword it leaves out (an ill-formed `type`), as a warning naming the place. */
export function droppedKeywordWarning(source: string, warn: Warn): DroppedKeyword {
  return (at, why) => warn(`${source}: ${at}: ${why}; it is left out of validation (fix the schema there)`);
}

/** A Warn that passes each message on once (the request validators and the mock's checks meet the same schemas). */
export function warnOnce(warn: Warn): Warn {
  const said = new Set<string>();
  return (message) => {
    if (said.has(message)) return;
    said.add(message);
    warn(message);
  };
}

/** How long the generator lets one backtracking match of an unvetted pattern run before calling it a miss. */
const GUARDED_MATCH_MS = 100;

/**
 * A matcher for checking the generator's own samples against any pattern: vettedMatcher's where there is one;
 * else RegExp run under a time limit (node:vm interrupts a backtracking match), a match that runs out counting as
 * a miss, so a sample is never kept on a pattern's say-so it did not give. acm's `((?!-)[A-Za-z0-9-]{0,62}…)+`
 * is unvetted: the server leaves it out, a client holding the response to the spec does not.
 */
export function sampleMatcher(pattern: string): PatternMatcher | undefined {
  const vetted = vettedMatcher(pattern);
  if (vetted !== undefined || !isUnicodePattern(pattern)) return vetted;
  const context = createContext({ pattern: new RegExp(pattern, "u"), input: "" });
  const script = new Script("pattern.test(input)");
  return {
    test(input: string): boolean {
      context.input = input;
      try {
        return script.runInContext(context, { timeout: GUARDED_MATCH_MS }) === true;
      } catch {
        return false; // ran out of time
      }
    },
    toString: () => `/${pattern}/u (guarded)`,
  };
}

/**
 * A matcher for a pattern the validators keep: re2js where RE2 can express it, else RegExp (lookaround,
 * backreferences, `.{0,1023}` past RE2's repeat limit) when redos-detector found it safe; undefined otherwise.
 */
export function vettedMatcher(pattern: string): PatternMatcher | undefined {
  if (!verdictOf(pattern).kept) return undefined;
  return linearPattern(pattern) ?? new RegExp(pattern, "u");
}

function judge(pattern: string): Verdict {
  if (!isUnicodePattern(pattern))
    return {
      kept: false,
      why: "it is not a valid ECMA-262 regular expression with the u flag (JSON Schema 2020-12 §6.4)",
    };
  if (linearPattern(pattern) !== undefined) return { kept: true };
  let safe: boolean;
  try {
    safe = isSafe(new RegExp(pattern, "u")).safe;
  } catch {
    safe = false;
  }
  if (safe) return { kept: true };
  return {
    kept: false,
    why: "the linear-time engine (RE2) cannot run it (lookaround, backreference or a repeat above 1000) and it may backtrack catastrophically, which would let one request block the server; rewrite it without those",
  };
}
