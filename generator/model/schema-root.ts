// The part of the document the IR's schemas reach through `$ref`: each target (and, transitively, what it refers
// to) at its own place in an otherwise empty object. IR schemas keep their internal `#/...` refs (ir.ts), so an
// emitter resolves them against this root exactly as it would against the bundled document, without reading it.
import { isObject, type JsonObject } from "./refs.js";

/**
 * The targets of every internal `$ref` met in `schemas`, transitively, placed at their JSON pointers (RFC 6901,
 * written as URI fragments: percent-decoded first, as the server runtime's resolvePointer reads them). The
 * targets are the document's own nodes, shared, never copied or changed; refs that lead nowhere are left out.
 */
export function schemaRootOf(document: JsonObject, schemas: Iterable<unknown>): JsonObject {
  const targets = new Map<string, { tokens: string[]; node: unknown }>();
  const visited = new WeakSet<object>();
  const pending: unknown[] = [...schemas];
  while (pending.length > 0) {
    const node = pending.pop();
    if (typeof node !== "object" || node === null || visited.has(node)) continue;
    visited.add(node);
    if (Array.isArray(node)) {
      pending.push(...node);
      continue;
    }
    const ref = (node as JsonObject).$ref;
    if (typeof ref === "string" && ref.startsWith("#") && !targets.has(ref)) {
      const tokens = fragmentTokens(ref.slice(1));
      const target = tokens === undefined ? undefined : nodeAt(document, tokens);
      if (tokens !== undefined && target !== undefined) {
        targets.set(ref, { tokens, node: target });
        pending.push(target);
      }
    }
    pending.push(...Object.values(node));
  }
  return placed([...targets.values()]);
}

/** Shorter pointers first: a target inside one already placed is there with it, and is not placed again. */
function placed(targets: { tokens: string[]; node: unknown }[]): JsonObject {
  const root: JsonObject = {};
  const whole = new Set<object>();
  for (const { tokens, node } of targets.sort((a, b) => a.tokens.length - b.tokens.length)) {
    let container: JsonObject = root;
    let inside = false;
    for (const token of tokens.slice(0, -1)) {
      const next = Object.hasOwn(container, token) ? container[token] : undefined;
      if (isObject(next) && whole.has(next)) {
        inside = true;
        break;
      }
      // defineProperty: a token `__proto__` is an own key like any other.
      const child = isObject(next) ? next : {};
      if (next === undefined)
        Object.defineProperty(container, token, { value: child, enumerable: true, writable: true, configurable: true });
      container = child;
    }
    const last = tokens[tokens.length - 1];
    if (inside || last === undefined) continue; // `#` itself: the document is never an IR schema's target
    Object.defineProperty(container, last, { value: node, enumerable: true, writable: true, configurable: true });
    if (typeof node === "object" && node !== null) whole.add(node);
  }
  return root;
}

function fragmentTokens(pointer: string): string[] | undefined {
  if (pointer === "") return [];
  if (!pointer.startsWith("/")) return undefined;
  try {
    return pointer
      .slice(1)
      .split("/")
      .map((token) => decodeURIComponent(token).replace(/~1/g, "/").replace(/~0/g, "~"));
  } catch {
    return undefined; // a malformed percent escape: a ref that leads nowhere
  }
}

function nodeAt(document: unknown, tokens: readonly string[]): unknown {
  let node = document;
  for (const token of tokens) {
    if (typeof node !== "object" || node === null || !Object.hasOwn(node, token)) return undefined;
    node = (node as JsonObject)[token];
  }
  return node;
}
