// A bound on parameter values, checked before any parsing or pattern matching, so that the work one request can
// cause stays small (issue 11). Bodies are bounded by `bodyLimit`.
import type { Request } from "express";
import { parseCookieHeader } from "./parameters.js";
import type { ParamSpec } from "./parameters.js";
import { HttpProblem } from "./problem.js";

/** Default longest parameter value, in UTF-16 code units (Node's whole header section defaults to 16 KiB). */
export const DEFAULT_MAX_PARAMETER_LENGTH = 8 * 1024;

export interface DeclaredParams {
  header: readonly ParamSpec[];
  cookie: readonly ParamSpec[];
}

/**
 * Throws a problem for the first over-long value: 414 (RFC 9110 §15.5.15) for the path and query, 431
 * (RFC 6585 §5) for headers and cookies. Only values the operation reads are checked.
 */
export function checkParameterLengths(
  req: Request,
  path: Readonly<Record<string, string | undefined>>,
  rawQuery: string,
  declared: DeclaredParams,
  max: number,
): void {
  if (rawQuery.length > max) {
    for (const [name, value] of new URLSearchParams(rawQuery)) {
      if (value.length > max || name.length > max) throw tooLong(414, `query parameter "${clip(name)}"`, max);
    }
  }
  for (const [name, value] of Object.entries(path)) {
    if (typeof value === "string" && value.length > max) throw tooLong(414, `path parameter ${name}`, max);
  }
  for (const spec of declared.header) {
    const raw = req.headers[spec.name.toLowerCase()];
    const length = Array.isArray(raw) ? raw.join(",").length : (raw?.length ?? 0);
    if (length > max) throw tooLong(431, `header ${spec.name}`, max);
  }
  const cookies = req.headers.cookie;
  if (declared.cookie.length > 0 && cookies !== undefined && cookies.length > max) {
    const jar = parseCookieHeader(cookies);
    for (const spec of declared.cookie) {
      if ((jar.get(spec.name)?.length ?? 0) > max) throw tooLong(431, `cookie ${spec.name}`, max);
    }
  }
}

function tooLong(status: 414 | 431, what: string, max: number): HttpProblem {
  const message = `The value of ${what} is longer than this API accepts (${max} characters).`;
  return new HttpProblem(status, status === 414 ? "uri_too_long" : "header_too_large", message);
}

/** A client's name quoted back in a message, bounded. */
function clip(name: string): string {
  return name.length > 64 ? `${name.slice(0, 64)}…` : name;
}
