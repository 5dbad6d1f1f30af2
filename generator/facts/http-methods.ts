/** The operations a Path Item Object may hold (OpenAPI 3.0.3 §4.7.9, 3.1 §4.8.9), in the order the spec lists them. */
export const HTTP_METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

const METHOD_SET: ReadonlySet<string> = new Set(HTTP_METHODS);

/** A path item key that is an operation (not `parameters`, `servers`, `summary`, `$ref` or an `x-` extension). */
export function isHttpMethod(key: string): key is HttpMethod {
  return METHOD_SET.has(key);
}
