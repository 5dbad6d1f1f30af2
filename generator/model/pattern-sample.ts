// Strings matching a schema `pattern` for generated samples (AWS ARNs `^arn:aws[a-z-]*:...`, ids, codes), built by
// randexp from the pattern's syntax tree. Deterministic: the first try takes every minimum (fewest repetitions,
// first alternative, first character of each class), the second grows each repetition by `minLength`, later
// tries draw from a fixed-seed generator, so a `minLength` longer than the minimal match can still be met. The caller re-checks the result with the validator
// (randexp does not understand lookarounds or every Unicode escape).
import RandExpModule from "randexp";
import { isUnicodePattern } from "../../templates/runtime/server/json-schema.js";
import { sampleMatcher } from "./pattern-policy.js";

// randexp is CommonJS with `exports.default`: under NodeNext the default import may be the module object.
type RandExpClass = typeof RandExpModule.default;
const RandExp = ((RandExpModule as unknown as { default?: RandExpClass }).default ?? RandExpModule) as RandExpClass;

/** Tries after the all-minimums one; each a different seed. */
const SEEDED_TRIES = 12;

/** Printable ASCII without the space: a `.` or negated class yields a visible character. */
const FIRST_PRINTABLE = 0x21;
const LAST_PRINTABLE = 0x7e;

/**
 * A string matching `pattern` whose length lies in [minLength, maxLength], or undefined when none was found.
 * Each try is matched as JavaScript reads the pattern (sampleMatcher: re2js in linear time, RegExp for the
 * lookarounds redos-detector found safe, else RegExp under a time limit): randexp does not generate lookarounds,
 * so a try that breaks one is refused and the next drawn.
 */
export function stringForPattern(pattern: string, minLength = 0, maxLength = Infinity): string | undefined {
  if (!isUnicodePattern(pattern)) return undefined;
  const matcher = sampleMatcher(pattern);
  for (let attempt = 0; attempt <= SEEDED_TRIES; attempt++) {
    const value = generate(pattern, attempt, minLength);
    if (value === undefined) return undefined;
    if (value.length >= minLength && value.length <= maxLength && (matcher === undefined || matcher.test(value)))
      return value;
  }
  return undefined;
}

function generate(pattern: string, attempt: number, minLength: number): string | undefined {
  try {
    const generator = new RandExp(pattern);
    generator.defaultRange.subtract(0, FIRST_PRINTABLE - 1).subtract(LAST_PRINTABLE + 1, Infinity);
    // An unbounded repetition (`+`, `*`, `{n,}`) may grow up to this much past its minimum.
    generator.max = Math.max(minLength, 1);
    generator.randInt =
      attempt === 0
        ? (low: number) => low
        : attempt === 1
          ? (low: number, high: number) => Math.min(high, low + minLength)
          : seeded(attempt);
    return generator.gen();
  } catch {
    return undefined; // syntax randexp's parser (ret) does not know
  }
}

/** A fixed-seed integer generator (mulberry32): the same pattern always yields the same string. */
function seeded(seed: number): (low: number, high: number) => number {
  let state = seed * 0x9e3779b9;
  return (low, high) => {
    state = (state + 0x6d2b79f5) | 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    const unit = ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    return low + Math.floor(unit * (high - low + 1));
  };
}
