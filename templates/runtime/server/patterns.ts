// Spec `pattern`s run in linear time: a backtracking RegExp turns `^(a+)+$` and 50 characters into a frozen
// event loop (CVE-class ReDoS). Patterns are ECMA-262 regular expressions read with the `u` flag (JSON Schema
// 2020-12 §6.4, ajv's default); they are translated into RE2 syntax and run by re2js, a linear-time engine.
// Only patterns RE2 cannot express (lookaround, backreferences, repeats above 1000) fall back to RegExp, and the
// generator admits those only when redos-detector finds them safe (generator/emit/server/pattern-policy.ts).
import { RE2JS } from "re2js";

/** What ajv calls on a compiled pattern. `toString` keys ajv's cache of patterns, so it must differ per pattern. */
export interface PatternMatcher {
  test(input: string): boolean;
  toString(): string;
}

/** Inputs this long are matched once per request: the details validator re-checks what the verdict one saw. */
const REMEMBERED_LENGTH = 64 * 1024;

class LinearPattern implements PatternMatcher {
  private last: { input: string; matched: boolean } | undefined;

  // Fields assigned in the body, not constructor parameter properties: the output compiles under erasableSyntaxOnly.
  private readonly source: string;
  private readonly engine: RE2JS;

  constructor(source: string, engine: RE2JS) {
    this.source = source;
    this.engine = engine;
  }

  test(input: string): boolean {
    if (input.length < REMEMBERED_LENGTH) return this.engine.test(input);
    if (this.last?.input === input) return this.last.matched;
    const matched = this.engine.test(input);
    // Kept only until the request's synchronous validation is over, so no large string outlives it.
    if (this.last === undefined) setImmediate(() => (this.last = undefined));
    this.last = { input, matched };
    return matched;
  }

  toString(): string {
    return `/${this.source}/u`;
  }
}

/** `source` compiled for linear-time matching, or undefined when RE2 cannot express it. */
export function linearPattern(source: string): PatternMatcher | undefined {
  const translated = toRe2Syntax(source);
  if (translated === undefined) return undefined;
  try {
    return new LinearPattern(source, RE2JS.compile(translated));
  } catch {
    return undefined; // e.g. a repeat count above RE2's 1000, or a property name RE2 does not know
  }
}

/**
 * ajv's `code.regExp`: how validators compile a spec pattern. RegExp is reached only for patterns the generator
 * vetted as free of catastrophic backtracking; the `u` flag is the only one ajv passes.
 */
export function specPattern(source: string, _flags?: string): PatternMatcher {
  return linearPattern(source) ?? new RegExp(source, "u");
}

/** JavaScript's `\s` (WhiteSpace and LineTerminator, ECMA-262 §22.2.2.9); RE2's is ASCII only. */
const WHITE_SPACE_RANGES: readonly (readonly [number, number])[] = [
  [0x09, 0x0d],
  [0x20, 0x20],
  [0xa0, 0xa0],
  [0x1680, 0x1680],
  [0x2000, 0x200a],
  [0x2028, 0x2029],
  [0x202f, 0x202f],
  [0x205f, 0x205f],
  [0x3000, 0x3000],
  [0xfeff, 0xfeff],
];
const hexRange = ([from, to]: readonly [number, number]): string =>
  from === to ? `\\x{${from.toString(16)}}` : `\\x{${from.toString(16)}}-\\x{${to.toString(16)}}`;
/** `\s` as RE2 class members. */
const WHITE_SPACE = WHITE_SPACE_RANGES.map(hexRange).join("");
/** `\S` as RE2 class members (the complement, so that it also works inside a class: `[\s\S]`). */
const NOT_WHITE_SPACE = WHITE_SPACE_RANGES.map(
  ([from], index) => [(WHITE_SPACE_RANGES[index - 1]?.[1] ?? -1) + 1, from - 1] as const,
)
  .concat([[0xfeff + 1, 0x10ffff]])
  .map(hexRange)
  .join("");
/** JavaScript's `.` excludes the four line terminators; RE2's excludes only `\n`. */
const DOT = "[^\\x{a}\\x{d}\\x{2028}\\x{2029}]";
const ANY = "\\x{0}-\\x{10ffff}";
const CONTROL_ESCAPES: Readonly<Record<string, number>> = { t: 0x09, n: 0x0a, v: 0x0b, f: 0x0c, r: 0x0d };

/** General_Category long names (ECMA-262 `\p{Letter}`) -> the short ones RE2 knows. */
const CATEGORIES: Readonly<Record<string, string>> = {
  Letter: "L",
  Cased_Letter: "LC",
  Uppercase_Letter: "Lu",
  Lowercase_Letter: "Ll",
  Titlecase_Letter: "Lt",
  Modifier_Letter: "Lm",
  Other_Letter: "Lo",
  Mark: "M",
  Nonspacing_Mark: "Mn",
  Spacing_Mark: "Mc",
  Enclosing_Mark: "Me",
  Number: "N",
  Decimal_Number: "Nd",
  digit: "Nd",
  Letter_Number: "Nl",
  Other_Number: "No",
  Punctuation: "P",
  punct: "P",
  Connector_Punctuation: "Pc",
  Dash_Punctuation: "Pd",
  Open_Punctuation: "Ps",
  Close_Punctuation: "Pe",
  Initial_Punctuation: "Pi",
  Final_Punctuation: "Pf",
  Other_Punctuation: "Po",
  Symbol: "S",
  Math_Symbol: "Sm",
  Currency_Symbol: "Sc",
  Modifier_Symbol: "Sk",
  Other_Symbol: "So",
  Separator: "Z",
  Space_Separator: "Zs",
  Line_Separator: "Zl",
  Paragraph_Separator: "Zp",
  Other: "C",
  Control: "Cc",
  cntrl: "Cc",
  Format: "Cf",
  Private_Use: "Co",
  Surrogate: "Cs",
  Unassigned: "Cn",
};
const SHORT_CATEGORIES = new Set(Object.values(CATEGORIES));

/**
 * An ECMA-262 `u`-mode pattern (already known to compile as one) in RE2 syntax with the same meaning, or
 * undefined when it uses what RE2 lacks. Every literal is written as `\x{…}`, so nothing RE2 reads specially
 * (`[[:alpha:]]`, `\Q`, `(?P<`) can survive from the source; captures become non-capturing groups (only
 * whether the pattern matches is asked).
 */
export function toRe2Syntax(source: string): string | undefined {
  const chars = [...source]; // code points: a `u` pattern matches code points, and so does RE2
  let i = 0;
  let out = "";
  const peek = (offset = 0): string => chars[i + offset] ?? "";

  /** After a backslash (consumed): an escape valid outside and inside classes, as RE2 text; `inClass` for `\b`. */
  const escape = (inClass: boolean): { text: string; codePoint?: number } | undefined => {
    const c = chars[i++] ?? "";
    if ("dDwW".includes(c) && c !== "") return { text: `\\${c}` }; // ASCII in both without the `i` flag
    if (c === "s") return { text: inClass ? WHITE_SPACE : `[${WHITE_SPACE}]` };
    if (c === "S") return { text: inClass ? NOT_WHITE_SPACE : `[${NOT_WHITE_SPACE}]` };
    if (c === "b" || c === "B") return inClass ? (c === "b" ? literal(0x08) : undefined) : { text: `\\${c}` };
    const control = CONTROL_ESCAPES[c];
    if (control !== undefined) return literal(control);
    if (c === "0" && !/[0-9]/.test(peek())) return literal(0);
    if (c === "x") return hexLiteral(2);
    if (c === "u") return unicodeEscape();
    if (c === "c" && /^[A-Za-z]$/.test(peek())) return literal((chars[i++] ?? "").charCodeAt(0) % 32);
    if (c === "p" || c === "P") return property(c, inClass);
    if (/^[\^$\\.*+?()[\]{}|/-]$/.test(c)) return literal(c.codePointAt(0) ?? 0); // identity escapes of syntax characters
    return undefined; // backreferences (`\1`, `\k<name>`) and anything else RE2 cannot mean the same way
  };

  const hexLiteral = (digits: number): { text: string; codePoint: number } | undefined => {
    const hex = chars.slice(i, i + digits).join("");
    if (!new RegExp(`^[0-9A-Fa-f]{${digits}}$`).test(hex)) return undefined;
    i += digits;
    return literal(parseInt(hex, 16));
  };

  const unicodeEscape = (): { text: string; codePoint: number } | undefined => {
    let codePoint: number;
    if (peek() === "{") {
      const close = chars.indexOf("}", i);
      const hex = chars.slice(i + 1, close).join("");
      if (close < 0 || !/^[0-9A-Fa-f]+$/.test(hex)) return undefined;
      i = close + 1;
      codePoint = parseInt(hex, 16);
    } else {
      const high = hexLiteral(4);
      if (high === undefined) return undefined;
      codePoint = high.codePoint;
      // `\uD83D\uDE00` is one code point in `u` mode.
      if (codePoint >= 0xd800 && codePoint <= 0xdbff && peek() === "\\" && peek(1) === "u") {
        const save = i;
        i += 2;
        const low = hexLiteral(4);
        if (low !== undefined && low.codePoint >= 0xdc00 && low.codePoint <= 0xdfff)
          codePoint = 0x10000 + ((codePoint - 0xd800) << 10) + (low.codePoint - 0xdc00);
        else i = save;
      }
    }
    return codePoint >= 0xd800 && codePoint <= 0xdfff ? undefined : literal(codePoint); // RE2 has no lone surrogates
  };

  const property = (kind: string, inClass: boolean): { text: string } | undefined => {
    if (peek() !== "{") return undefined;
    const close = chars.indexOf("}", i);
    if (close < 0) return undefined;
    const body = chars.slice(i + 1, close).join("");
    i = close + 1;
    const [key, value] = body.includes("=") ? body.split("=", 2) : [undefined, body];
    let name: string | undefined;
    if (key === undefined || key === "gc" || key === "General_Category") {
      name = value !== undefined && SHORT_CATEGORIES.has(value) ? value : CATEGORIES[value ?? ""];
      // `\P{Any}` in a class adds no member; outside one it matches nothing.
      if (name === undefined && key === undefined && value === "Any")
        return { text: inClass ? (kind === "p" ? ANY : "") : kind === "p" ? `[${ANY}]` : `[^${ANY}]` };
    } else if (
      (key === "sc" || key === "Script") &&
      value !== undefined &&
      /^[A-Z][a-z]+(_[A-Z][a-z]+)*$/.test(value)
    ) {
      name = value; // RE2 knows scripts by their long names; short aliases (`Grek`) fail to compile and fall back
    }
    return name === undefined ? undefined : { text: `\\${kind}{${name}}` };
  };

  const classAtom = (): { text: string; codePoint?: number } | undefined => {
    const c = chars[i++] ?? "";
    if (c === "\\") return escape(true);
    return literal(c.codePointAt(0) ?? 0);
  };

  const characterClass = (): string | undefined => {
    const negated = peek() === "^";
    if (negated) i++;
    let members = "";
    while (peek() !== "]") {
      if (i >= chars.length) return undefined;
      const first = classAtom();
      if (first === undefined) return undefined;
      if (peek() === "-" && peek(1) !== "]" && peek(1) !== "") {
        i++;
        const last = classAtom();
        if (last === undefined || first.codePoint === undefined || last.codePoint === undefined) return undefined;
        members += `${first.text}-${last.text}`;
      } else members += first.text;
    }
    i++; // the closing `]`
    if (members === "") return negated ? `[${ANY}]` : `[^${ANY}]`; // `[^]` matches anything, `[]` nothing
    return `[${negated ? "^" : ""}${members}]`;
  };

  /** Where in `out` the last atom (or group) starts, for a repeat that must be split; undefined after anything else. */
  let atomStart: number | undefined;
  const groupStarts: number[] = [];
  while (i < chars.length) {
    const c = chars[i++] ?? "";
    let piece: string | undefined;
    let start: number | undefined = out.length;
    if (c === "\\") {
      const escaped = escape(false);
      piece = escaped?.text;
    } else if (c === "[") piece = characterClass();
    else if (c === ".") piece = DOT;
    else if (c === "(") {
      groupStarts.push(out.length);
      start = undefined;
      if (peek() !== "?") piece = "(?:";
      else if (peek(1) === ":") {
        i += 2;
        piece = "(?:";
      } else if (peek(1) === "<" && peek(2) !== "=" && peek(2) !== "!") {
        const close = chars.indexOf(">", i);
        if (close < 0) return undefined;
        i = close + 1;
        piece = "(?:";
      } else return undefined; // lookahead, lookbehind, modifiers
    } else if (c === "{") {
      const close = chars.indexOf("}", i);
      const body = chars.slice(i, close).join("");
      if (close < 0 || !/^\d+(,\d*)?$/.test(body)) return undefined;
      i = close + 1;
      const split = atomStart === undefined ? undefined : splitRepeat(out.slice(atomStart), body);
      if (split !== undefined && atomStart !== undefined) out = out.slice(0, atomStart);
      piece = split ?? `{${body}}`;
      start = undefined;
    } else if (c === ")") {
      piece = c;
      start = groupStarts.pop();
    } else if ("^$|*+?".includes(c)) {
      piece = c;
      start = undefined;
    } else piece = literal(c.codePointAt(0) ?? 0).text;
    if (piece === undefined) return undefined;
    out += piece;
    atomStart = start;
  }
  return out;
}

/** RE2's largest repeat count. */
const MAX_REPEAT = 1000;

/**
 * `atom{body}` with counts above RE2's limit as a run of repeats within it (AWS's `.{0,1023}`): `x{a,b}x{c,d}`
 * matches what `x{a+c,b+d}` does. undefined when the counts fit (nothing to split).
 */
function splitRepeat(atom: string, body: string): string | undefined {
  const [lowText = "", highText] = body.split(",");
  const low = Number(lowText);
  const high = highText === undefined ? low : highText === "" ? Infinity : Number(highText);
  if (low <= MAX_REPEAT && (high <= MAX_REPEAT || high === Infinity)) return undefined;
  if (high < low) return undefined; // a syntax error ECMA-262 reports; isUnicodePattern has refused it before
  const parts: string[] = [];
  for (let left = low; left > 0; left -= MAX_REPEAT) parts.push(`${atom}{${Math.min(left, MAX_REPEAT)}}`);
  if (high === Infinity) parts.push(`${atom}*`);
  else for (let left = high - low; left > 0; left -= MAX_REPEAT) parts.push(`${atom}{0,${Math.min(left, MAX_REPEAT)}}`);
  return parts.length === 0 ? "" : parts.join("");
}

function literal(codePoint: number): { text: string; codePoint: number } {
  const char = String.fromCodePoint(codePoint);
  return { text: /^[A-Za-z0-9]$/.test(char) ? char : `\\x{${codePoint.toString(16)}}`, codePoint };
}
