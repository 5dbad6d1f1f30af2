/** What the rule says about one pattern; `why` explains a problem in a sentence without the pattern itself. */
export type PatternVerdict =
  | { kind: "linear" }
  | { kind: "invalid"; why: string }
  | { kind: "super-linear"; why: string }
  | { kind: "undecided"; why: string };
