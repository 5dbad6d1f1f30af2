import picomatch from "picomatch";
import { HTTP_METHODS } from "../../conventions/operation-info.js";
import { pathIdentity } from "../match-paths.js";
import type { OperationKey } from "../types.js";

/** An accept entry's `operation`: `GET /pets/{id}` (method and path as in the spec) or an operationId. */
export type OperationSelector = { method: string; path: string } | { operationId: string };

const METHOD_AND_PATH = /^([A-Za-z]+)\s+(\S+)$/;

/** The selector, or the reason it is not one (for a config error). */
export function parseOperationSelector(text: string): OperationSelector | { error: string } {
  const trimmed = text.trim();
  const pair = METHOD_AND_PATH.exec(trimmed);
  if (pair) {
    const method = pair[1]!.toLowerCase();
    if (!(HTTP_METHODS as readonly string[]).includes(method)) return { error: `"${pair[1]}" is not an HTTP method` };
    if (!pair[2]!.startsWith("/")) return { error: `the path must start with "/"` };
    return { method, path: pair[2]! };
  }
  if (trimmed.startsWith("/")) return { error: "the method is missing" };
  if (trimmed === "" || /\s/.test(trimmed)) return { error: "expected `METHOD /path` or an operationId" };
  return { operationId: trimmed };
}

/**
 * Whether a change's operation is the selected one. Paths match as the diff pairs them: the `/v{N}` segment and the
 * names of path parameters do not count (`GET /v1/pets/{id}` selects `GET /v2/pets/{pet_id}`).
 */
export function selectsOperation(selector: OperationSelector, operation: OperationKey): boolean {
  if ("operationId" in selector) return operation.operationId === selector.operationId;
  return (
    selector.method === operation.method.toLowerCase() && pathIdentity(selector.path) === pathIdentity(operation.path)
  );
}

/** A `diff.stability` key: `GET /beta/**` or `/beta/**` (every method); `{param}` matches one path segment. */
export function parseStabilitySelector(
  text: string,
): { method?: string; matches: (path: string) => boolean } | { error: string } {
  const trimmed = text.trim();
  const pair = METHOD_AND_PATH.exec(trimmed);
  const method = pair ? pair[1]!.toLowerCase() : undefined;
  const glob = pair ? pair[2]! : trimmed;
  if (method !== undefined && method !== "*" && !(HTTP_METHODS as readonly string[]).includes(method))
    return { error: `"${pair![1]}" is not an HTTP method` };
  if (!glob.startsWith("/")) return { error: 'expected `METHOD /path-glob` or `/path-glob` (e.g. "GET /beta/**")' };
  const isMatch = picomatch(glob.replace(/\{[^}/]*\}/g, "*"), { dot: true });
  return { ...(method && method !== "*" ? { method } : {}), matches: (path) => isMatch(path) };
}
