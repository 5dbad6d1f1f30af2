import type { TrailSide } from "./backtracking-detector.js";

/**
 * Says in words why a pattern backtracks, from the first trail redos-detector found: two ways through the pattern
 * that match the same input. The first place where the two ways part names the culprit: one quantifier whose
 * iterations can split the text differently (nested: `(a+)+`), or two quantifiers that can take the same characters
 * (overlapping: `.*.*`, `\s*.*`).
 */
export function explainTrail(
  pattern: string,
  trail: ReadonlyArray<{ a: TrailSide; b: TrailSide }>,
  downgraded: boolean,
): string {
  for (const { a, b } of trail) {
    const depth = Math.max(a.quantifierIterations.length, b.quantifierIterations.length);
    for (let i = 0; i < depth; i++) {
      const left = a.quantifierIterations[i];
      const right = b.quantifierIterations[i];
      if (left && right && left.node.start.offset === right.node.start.offset) {
        if (left.iteration === right.iteration) continue;
        return `the nested quantifier "${left.node.source}" can split the same text in many ways`;
      }
      return overlap(pattern, left?.node ?? a.node, right?.node ?? b.node, downgraded);
    }
    if (a.node.start.offset !== b.node.start.offset) return overlap(pattern, a.node, b.node, downgraded);
  }
  return "the detector found inputs that the pattern can match in more than one way";
}

function overlap(pattern: string, left: TrailSide["node"], right: TrailSide["node"], downgraded: boolean): string {
  // An unanchored pattern is checked as `[^]*?` + pattern (a search tries every start position).
  const searched = [left, right].find((node) => node.start.offset === 0 && node.source === "[^]*?");
  if (searched && !pattern.startsWith("^")) {
    const other = searched === left ? right : left;
    return `the pattern is not anchored with ^, so a failing match is retried from every position, each time rescanning "${other.source}"`;
  }
  // Offsets help tell two equal sources apart, but only refer to the written pattern when it was not rewritten.
  const where =
    left.source === right.source && !downgraded ? ` (at offsets ${left.start.offset} and ${right.start.offset})` : "";
  return `"${left.source}" and "${right.source}"${where} can match the same characters`;
}

/** The code of the explanations, which keys cached verdicts: a changed wording is never served from an older run. */
export const EXPLANATION_SOURCE = explainTrail.toString() + overlap.toString();
