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
 * escaped, so a spec path can never inject pattern syntax, and matches as written or percent-encoded. A trailing slash is optional, as in Express's
 * non-strict routing. `valuesOf` gives the only values a parameter can take (its enum), where the template
 * puts it next to another parameter in one segment. Side by side (`{id}{ext}`, ext: [".json"]) nothing else
 * marks the boundary, so only those values match. Parted by literal text (`{position}.{ext}`), the split where
 * the parameter holds one of its values is tried first (position "37.8328,-122.27669" keeps its `.`), then the
 * first split, so another value still reaches validation and is answered 400, not 404.
 */
export function compilePath(
  template: string,
  valuesOf: (name: string) => readonly string[] | undefined = () => undefined,
): PathMatcher {
  const names: Record<string, string> = {};
  const body = template.replace(/\/+$/, "");
  const pattern = /\{([^{}]+)\}/g;
  const pieces: { literal: string; name: string; adjacent: boolean }[] = [];
  let last = 0;
  for (let found = pattern.exec(body); found !== null; found = pattern.exec(body)) {
    const end = found.index + found[0].length;
    const adjacent = body[found.index - 1] === "}" || body[end] === "{";
    pieces.push({ literal: body.slice(last, found.index), name: found[1] ?? "", adjacent });
    names[`p${pieces.length - 1}`] = found[1] ?? "";
    last = end;
  }
  const tail = literalPattern(body.slice(last));
  const regexpOf = (constrained: (adjacent: boolean) => boolean) =>
    new RegExp(
      `^${pieces
        .map(
          ({ literal, name, adjacent }) =>
            `${literalPattern(literal)}(${(constrained(adjacent) ? alternatives(valuesOf(name)) : undefined) ?? "[^/]+?"})`,
        )
        .join("")}${tail}/?$`,
    );
  const preferred = regexpOf(() => true);
  const fallback = regexpOf((adjacent) => adjacent);
  const keys = Object.keys(names);
  return {
    template,
    names,
    match(path) {
      const found = preferred.exec(path) ?? fallback.exec(path);
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
function literalPattern(text: string): string {
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
