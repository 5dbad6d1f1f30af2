/** The operations a Path Item Object may hold (OpenAPI 3.0.3 §4.7.9, 3.1 §4.8.9), in the order the spec lists them. */
export const HTTP_METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

const METHOD_SET: ReadonlySet<string> = new Set(HTTP_METHODS);

/** A path item key that is an operation (not `parameters`, `servers`, `summary`, `$ref` or an `x-` extension). */
export function isHttpMethod(key: string): key is HttpMethod {
  return METHOD_SET.has(key);
}

/**
 * The Fetch standard's forbidden methods (§2.2.1: CONNECT, TRACE, TRACK): `fetch()` throws on them, in browsers
 * and in Node's undici alike ("'TRACE' HTTP method is unsupported"), so a generated fetch client cannot send them.
 * Of the methods a Path Item holds, that is `trace` (httpbin.org's `/anything`).
 */
const FETCH_FORBIDDEN: ReadonlySet<string> = new Set(["connect", "trace", "track"]);

export function isFetchForbiddenMethod(method: string): boolean {
  return FETCH_FORBIDDEN.has(method.toLowerCase());
}
