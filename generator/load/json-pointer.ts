/** RFC 6901 JSON pointers: the one way every layer names a place in a document. */

export function escapePointerToken(token: string | number): string {
  return String(token).replace(/~/g, "~0").replace(/\//g, "~1");
}

export function unescapePointerToken(token: string): string {
  return token.replace(/~1/g, "/").replace(/~0/g, "~");
}

export function parsePointer(pointer: string): string[] {
  const body = pointer.startsWith("#") ? pointer.slice(1) : pointer;
  if (body === "" || body === "/") return body === "/" ? [""] : [];
  if (!body.startsWith("/")) throw new Error(`JSON pointer must start with "/": ${pointer}`);
  return body.slice(1).split("/").map(unescapePointerToken);
}

export function joinPointer(base: string, ...tokens: Array<string | number>): string {
  return base + tokens.map((token) => "/" + escapePointerToken(token)).join("");
}

export function parentPointer(pointer: string): string | undefined {
  if (pointer === "") return undefined;
  return pointer.slice(0, pointer.lastIndexOf("/"));
}

/** Reads the value a pointer names; undefined when any step is missing. Own properties only, so `__proto__` is data. */
export function getAtPointer(root: unknown, tokens: readonly string[]): unknown {
  let node: unknown = root;
  for (const token of tokens) {
    if (node === null || typeof node !== "object") return undefined;
    if (!Object.prototype.hasOwnProperty.call(node, token)) return undefined;
    node = (node as Record<string, unknown>)[token];
  }
  return node;
}
