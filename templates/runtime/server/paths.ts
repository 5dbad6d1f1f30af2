// OpenAPI path templates -> Express 5 (path-to-regexp 8) routes, and the order routes must be tried in.

/**
 * Parameters become `:p0`, `:p1`... (spec names need not be identifiers) and literal text is escaped, so a
 * spec path can never inject route syntax. `names` maps the route's parameter names back to the spec's.
 */
export function expressPath(template: string): { route: string; names: Readonly<Record<string, string>> } {
  const names: Record<string, string> = {};
  let route = "";
  let index = 0;
  const pattern = /\{([^{}]+)\}/g;
  let last = 0;
  for (let match = pattern.exec(template); match !== null; match = pattern.exec(template)) {
    route += escapeLiteral(template.slice(last, match.index));
    const key = `p${index++}`;
    names[key] = match[1] ?? "";
    route += `:${key}`;
    last = match.index + match[0].length;
  }
  route += escapeLiteral(template.slice(last));
  return { route: route === "" ? "/" : route, names };
}

/** `text` as a route matching exactly itself: path-to-regexp syntax (`*`, `(`, `:`, `?`, `+`...) escaped. */
export function escapeLiteral(text: string): string {
  return text.replace(/[\\{}()[\]+?!:*]/g, (char) => `\\${char}`);
}

/**
 * OpenAPI: concrete paths match before templated ones (`/pets/mine` before `/pets/{id}`). Compare segment by
 * segment, a literal segment before a templated one; ties broken by text so the order is stable.
 */
export function comparePaths(a: string, b: string): number {
  const left = a.split("/");
  const right = b.split("/");
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    const l = left[i] ?? "";
    const r = right[i] ?? "";
    const lt = l.includes("{");
    const rt = r.includes("{");
    if (lt !== rt) return lt ? 1 : -1;
  }
  if (left.length !== right.length) return left.length - right.length;
  return a < b ? -1 : a > b ? 1 : 0;
}
