// OpenAPI path templates -> matchers of request paths, and the order paths must be tried in.

/** A compiled path template: `match` returns the raw (still percent-encoded) parameter values, or undefined. */
export interface PathMatcher {
  template: string;
  /** `p0`, `p1`... -> spec parameter name (spec names need not be identifiers). */
  names: Readonly<Record<string, string>>;
  match(path: string): Record<string, string> | undefined;
}

/**
 * Compiles a template to an anchored RegExp of our own rather than an Express route: adjacent parameters
 * (`{id}.{format}`, `{id}{ext}`) are valid OpenAPI but path-to-regexp refuses them. Each parameter matches
 * within one segment, non-greedily, so the literal text after it (`.`, `:cancel`) ends it; literal text is
 * escaped, so a spec path can never inject pattern syntax. A trailing slash is optional, as in Express's
 * non-strict routing. `valuesOf` gives the only values a parameter can take (its enum), where the template
 * puts it next to another parameter and nothing else marks the boundary (`{id}{ext}`, ext: [".json"]).
 */
export function compilePath(
  template: string,
  valuesOf: (name: string) => readonly string[] | undefined = () => undefined,
): PathMatcher {
  const names: Record<string, string> = {};
  let source = "";
  let index = 0;
  let last = 0;
  const body = template.replace(/\/+$/, "");
  const pattern = /\{([^{}]+)\}/g;
  for (let found = pattern.exec(body); found !== null; found = pattern.exec(body)) {
    source += literal(body.slice(last, found.index));
    const name = found[1] ?? "";
    names[`p${index++}`] = name;
    source += `(${alternatives(valuesOf(name)) ?? "[^/]+?"})`;
    last = found.index + found[0].length;
  }
  source += literal(body.slice(last));
  const regexp = new RegExp(`^${source}/?$`);
  const keys = Object.keys(names);
  return {
    template,
    names,
    match(path) {
      const found = regexp.exec(path);
      if (found === null) return undefined;
      const values: Record<string, string> = {};
      keys.forEach((key, i) => (values[key] = found[i + 1] ?? ""));
      return values;
    },
  };
}

/** The values as a RegExp alternation, longest first, each as written and percent-encoded. */
function alternatives(values: readonly string[] | undefined): string | undefined {
  if (values === undefined || values.length === 0) return undefined;
  const spellings = new Set(values.flatMap((value) => [value, encodeURIComponent(value)]));
  return [...spellings]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join("|");
}

/**
 * Literal template text as a pattern. A character a URL carries only percent-encoded (apisetu's path
 * `/Your Pull DOC Request API Path`: the client's URL sends `%20`) matches as written or as its UTF-8 percent-encoding,
 * hex digits of either case (RFC 3986 §2.1); the characters a path carries as they are (RFC 3986 §3.3 pchar) match
 * only themselves.
 */
function literal(text: string): string {
  return [...text]
    .map((char) => {
      // A lone surrogate has no UTF-8 encoding (encodeURIComponent throws): only itself.
      if (/^[A-Za-z0-9\-._~!$&'()*+,;=:@/]$/.test(char) || /^[\uD800-\uDFFF]$/.test(char)) return escapeRegExp(char);
      const encoded = encodeURIComponent(char).replace(/[A-F]/g, (digit) => `[${digit}${digit.toLowerCase()}]`);
      return `(?:${escapeRegExp(char)}|${encoded})`;
    })
    .join("");
}

function escapeRegExp(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/]/g, (char) => `\\${char}`);
}

/** The path with every parameter name erased: paths differing only in parameter names have the same shape. */
export function pathShape(path: string): string {
  return path.replace(/\{[^{}]*\}/g, "{}");
}

/**
 * OpenAPI ("Paths Object", path templating matching): concrete paths match before templated ones
 * (`/pets/mine` before `/pets/{id}`). Compare segment by segment: a literal segment first, then one mixing
 * literal text and a template (`{name}:cancel`, `{id}.json`), then a pure template (`{name}`); ties broken by
 * text so the order is stable.
 */
export function comparePaths(a: string, b: string): number {
  const left = a.split("/");
  const right = b.split("/");
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    const rank = segmentRank(left[i] ?? "") - segmentRank(right[i] ?? "");
    if (rank !== 0) return rank;
  }
  if (left.length !== right.length) return left.length - right.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

function segmentRank(segment: string): number {
  if (!segment.includes("{")) return 0;
  return segment.replace(/\{[^{}]*\}/g, "") === "" ? 2 : 1;
}

/** Percent-decodes one path parameter; undefined when it is not valid UTF-8 percent-encoding. */
export function decodeParam(value: string): string | undefined {
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined;
  }
}
