/**
 * What can be decided about two `pattern`s (JSON Schema 2020-12 §6.3.3: an ECMA-262 regular expression, not
 * anchored unless it says so). Regular-expression inclusion is undecidable in general for ECMA-262 (back
 * references, lookarounds), so only these cases are decided and everything else stays "changed" (a warning):
 * - a pattern that matches every string (`''`, `.*`, `^.*$`, any unanchored pattern matching the empty string);
 * - the same pattern once spelling is normalised (`\d` = `[0-9]`, `{1,}` = `+`, groups, class member order);
 * - patterns that differ only in character classes or groups of literal alternatives, compared member by member
 *   (`^[a-z]+$` -> `^[a-z_]+$`, `^(asc|desc)$` -> `^(asc|desc|none)$` inside a longer pattern);
 * - a finite set of strings on one side (an anchored alternation of literals, `^(a|b|c)$`), tested against the
 *   other pattern.
 */
export type PatternVerdict =
  | { kind: "same" }
  | { kind: "widened"; detail: string }
  | { kind: "narrowed"; detail: string }
  /** Some strings are no longer matched and some are newly matched (the lost ones are listed). */
  | { kind: "both"; lost: string; gained: string }
  | { kind: "unknown" };

/** `undefined` is "no pattern": every string matches. */
export function comparePatterns(before: string | undefined, after: string | undefined): PatternVerdict {
  const oldAll = before === undefined || matchesEverything(before);
  const newAll = after === undefined || matchesEverything(after);
  if (oldAll && newAll) return { kind: "same" };
  if (oldAll) return { kind: "narrowed", detail: `pattern ${after} added` };
  if (newAll)
    return {
      kind: "widened",
      detail:
        after === undefined
          ? `pattern ${before} removed`
          : `pattern ${before} became ${after}, which matches every string`,
    };
  if (normalise(before!) === normalise(after!)) return { kind: "same" };
  const oldLiterals = literalAlternatives(before!);
  const newLiterals = literalAlternatives(after!);
  if (oldLiterals && newLiterals) {
    const lost = [...oldLiterals].filter((value) => !newLiterals.has(value));
    const gained = [...newLiterals].filter((value) => !oldLiterals.has(value));
    return verdictOf(lost, gained, before!, after!);
  }
  const aligned = alignedVerdict(normalise(before!), normalise(after!));
  if (aligned) return aligned;
  // A finite old set against any new pattern: the lost strings are exactly the old ones the new pattern rejects.
  if (oldLiterals) {
    const lost = [...oldLiterals].filter((value) => tests(after!, value) === false);
    if ([...oldLiterals].some((value) => tests(after!, value) === undefined)) return { kind: "unknown" };
    // The new pattern is not a finite set, so it matches strings beyond the old ones.
    return lost.length === 0
      ? { kind: "widened", detail: `pattern ${before} became ${after}, which matches every old value and more` }
      : { kind: "both", lost: quoted(lost), gained: `pattern ${after}` };
  }
  // Any old pattern (an infinite set) against a finite new one: the new one lost strings; it gained those the old one rejected.
  if (newLiterals) {
    const gained = [...newLiterals].filter((value) => tests(before!, value) === false);
    if ([...newLiterals].some((value) => tests(before!, value) === undefined)) return { kind: "unknown" };
    return gained.length === 0
      ? { kind: "narrowed", detail: `pattern ${before} became the finite set ${after}` }
      : { kind: "both", lost: `strings of ${before} other than ${quoted([...newLiterals])}`, gained: quoted(gained) };
  }
  return { kind: "unknown" };
}

type Token =
  | { kind: "text"; text: string }
  | { kind: "class"; text: string }
  | { kind: "alternatives"; values: Set<string> };

/** Splits a pattern into character classes, groups of literal alternatives and single characters of anything else. */
function tokenize(pattern: string): Token[] | undefined {
  const tokens: Token[] = [];
  for (let i = 0; i < pattern.length; ) {
    const char = pattern[i]!;
    if (char === "\\") {
      tokens.push({ kind: "text", text: pattern.slice(i, i + 2) });
      i += 2;
    } else if (char === "[") {
      let end = i + 1;
      while (end < pattern.length && pattern[end] !== "]") end += pattern[end] === "\\" ? 2 : 1;
      if (end >= pattern.length) return undefined;
      tokens.push({ kind: "class", text: pattern.slice(i, end + 1) });
      i = end + 1;
    } else if (char === "(") {
      const close = pattern.indexOf(")", i);
      const inner = close < 0 ? undefined : pattern.slice(i + 1, close).replace(/^\?:/, "");
      const values = inner !== undefined && !inner.includes("(") ? literalSet(inner) : undefined;
      if (values) {
        tokens.push({ kind: "alternatives", values });
        i = close + 1;
      } else {
        tokens.push({ kind: "text", text: char });
        i++;
      }
    } else {
      tokens.push({ kind: "text", text: char });
      i++;
    }
  }
  return tokens;
}

/** Two patterns of the same shape whose classes and alternative groups differ: what each position lost and gained. */
function alignedVerdict(before: string, after: string): PatternVerdict | undefined {
  const oldTokens = tokenize(before);
  const newTokens = tokenize(after);
  if (!oldTokens || !newTokens || oldTokens.length !== newTokens.length) return undefined;
  const lost: string[] = [];
  const gained: string[] = [];
  for (let i = 0; i < oldTokens.length; i++) {
    const [a, b] = [oldTokens[i]!, newTokens[i]!];
    if (a.kind !== b.kind) return undefined;
    if (a.kind === "text" && b.kind === "text") {
      if (a.text !== b.text) return undefined;
    } else if (a.kind === "class" && b.kind === "class") {
      if (a.text === b.text) continue;
      const [oldMembers, newMembers] = [classMembers(a.text), classMembers(b.text)];
      if (!oldMembers || !newMembers) return undefined;
      const missing = [...oldMembers].filter((member) => !newMembers.has(member));
      const extra = [...newMembers].filter((member) => !oldMembers.has(member));
      if (missing.length > 0) lost.push(`${a.text} -> ${b.text} (${summary(missing)})`);
      if (extra.length > 0) gained.push(`${a.text} -> ${b.text} (${summary(extra)})`);
    } else if (a.kind === "alternatives" && b.kind === "alternatives") {
      const missing = [...a.values].filter((value) => !b.values.has(value));
      const extra = [...b.values].filter((value) => !a.values.has(value));
      if (missing.length > 0) lost.push(quoted(missing));
      if (extra.length > 0) gained.push(quoted(extra));
    }
  }
  if (lost.length === 0 && gained.length === 0) return { kind: "same" };
  if (lost.length === 0)
    return { kind: "widened", detail: `pattern ${before} became ${after} (now also ${gained.join("; ")})` };
  if (gained.length === 0)
    return { kind: "narrowed", detail: `pattern ${before} became ${after} (no longer ${lost.join("; ")})` };
  return { kind: "both", lost: lost.join("; "), gained: gained.join("; ") };
}

/** The characters of the Basic Multilingual Plane a character class matches (a class matches one code point). */
const classes = new Map<string, Set<number> | undefined>();

function classMembers(text: string): Set<number> | undefined {
  if (!classes.has(text)) classes.set(text, enumerateClass(text));
  return classes.get(text);
}

function enumerateClass(text: string): Set<number> | undefined {
  let expression: RegExp;
  try {
    expression = new RegExp(`^${text}$`, "u");
  } catch {
    return undefined;
  }
  const members = new Set<number>();
  for (let code = 0; code <= 0xffff; code++) {
    if (code >= 0xd800 && code <= 0xdfff) continue;
    if (expression.test(String.fromCharCode(code))) members.add(code);
  }
  return members;
}

function summary(codes: number[]): string {
  const shown = codes.slice(0, 5).map((code) => JSON.stringify(String.fromCharCode(code)));
  return shown.join(", ") + (codes.length > 5 ? ` and ${codes.length - 5} more` : "");
}

function verdictOf(lost: string[], gained: string[], before: string, after: string): PatternVerdict {
  if (lost.length === 0 && gained.length === 0) return { kind: "same" };
  if (lost.length === 0)
    return { kind: "widened", detail: `pattern ${before} became ${after} (now also ${quoted(gained)})` };
  if (gained.length === 0)
    return { kind: "narrowed", detail: `pattern ${before} became ${after} (no longer ${quoted(lost)})` };
  return { kind: "both", lost: quoted(lost), gained: quoted(gained) };
}

const MATCH_ALL = new Set([
  "",
  ".*",
  "^.*$",
  "^.*",
  ".*$",
  "^(.*)$",
  "^(?:.*)$",
  "[\\s\\S]*",
  "^[\\s\\S]*$",
  "(.*)",
  "^.*?$",
]);

/**
 * True when the pattern matches every string. `^.*$` strictly fails on a string with a line break (`.` excludes
 * line terminators), but it is written to mean "anything" and is taken so.
 */
export function matchesEverything(pattern: string): boolean {
  const trimmed = pattern.trim();
  if (MATCH_ALL.has(trimmed)) return true;
  // Unanchored, and matching the empty string: it matches at position 0 of every string.
  if (trimmed.startsWith("^") || trimmed.endsWith("$") || /\\[bB]|\(\?<?[=!]/.test(trimmed)) return false;
  return tests(trimmed, "") === true;
}

/** Spelling that does not change what a pattern matches, made uniform. */
export function normalise(pattern: string): string {
  return expandDigits(pattern.trim())
    .replace(/\{1,\}/g, "+")
    .replace(/\{0,\}/g, "*")
    .replace(/\{0,1\}/g, "?")
    .replace(/\{1\}/g, "")
    .replace(/\\\//g, "/")
    .replace(/\((?!\?)/g, "(?:")
    .replace(/\[([^\]\\]*)\]/g, (_, members: string) => `[${sortClass(members)}]`);
}

/** `\d` is `[0-9]` in ECMA-262 (also with the `u` flag); inside a class it is the range `0-9`. */
function expandDigits(pattern: string): string {
  let result = "";
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i]!;
    if (char === "\\" && pattern[i + 1] === "d") {
      result += inClass ? "0-9" : "[0-9]";
      i++;
    } else if (char === "\\") {
      result += char + (pattern[i + 1] ?? "");
      i++;
    } else {
      if (char === "[") inClass = true;
      else if (char === "]") inClass = false;
      result += char;
    }
  }
  return result;
}

/** The members of a simple character class (no escapes) in a fixed order: `[a-zA-Z_]` = `[_A-Za-z]`. */
function sortClass(members: string): string {
  const negated = members.startsWith("^");
  const body = negated ? members.slice(1) : members;
  const tokens = body.match(/.-.|./gs) ?? [];
  return (negated ? "^" : "") + [...new Set(tokens)].sort().join("");
}

/** The strings of `^(a|b|c)$`, `^(?:a|b)$` or `^abc$` when every alternative is a literal; undefined otherwise. */
export function literalAlternatives(pattern: string): Set<string> | undefined {
  const match = /^\^(?:\((?:\?:)?(.*)\)|([^|()]*))\$$/.exec(pattern.trim());
  if (!match) return undefined;
  return literalSet(match[1] ?? match[2] ?? "");
}

/** `a|b|c` as a set of strings, when every alternative is a literal. */
function literalSet(body: string): Set<string> | undefined {
  const result = new Set<string>();
  for (const alternative of body.split("|")) {
    // Letters, digits and escaped punctuation only: no class, quantifier or group can hide in an alternative.
    if (!/^(?:[\w \-:@/,;'"=]|\\[^\w\s])*$/.test(alternative)) return undefined;
    result.add(alternative.replace(/\\([^\w\s])/g, "$1"));
  }
  return result;
}

/** Whether the pattern matches the string; undefined when the pattern is not a valid ECMA-262 expression here. */
function tests(pattern: string, value: string): boolean | undefined {
  try {
    return new RegExp(pattern, "u").test(value);
  } catch {
    try {
      return new RegExp(pattern).test(value);
    } catch {
      return undefined;
    }
  }
}

function quoted(values: string[]): string {
  return values.map((value) => JSON.stringify(value)).join(", ");
}
