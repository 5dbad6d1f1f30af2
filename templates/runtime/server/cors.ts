// CORS from an allow list, via the `cors` package. Preflight is answered for every documented path with that
// path's documented methods and every documented request header: the go-swagger trap (preflight falling into
// 405, so users give up and allow every origin) cannot happen.
import cors from "cors";
import type { RequestHandler } from "express";
import { HttpProblem } from "./problem.js";

export interface CorsOptions {
  /** Exact origins allowed (scheme://host[:port]); "*" allows any origin and then never sends credentials. */
  origins: readonly string[] | "*";
  credentials?: boolean;
  /** Seconds a browser may cache a preflight answer. */
  maxAge?: number;
}

/** Headers every generated API accepts or exposes, beyond the ones the spec documents. */
export const RUNTIME_REQUEST_HEADERS = [
  "Content-Type",
  "Authorization",
  "X-Request-Id",
  "traceparent",
  "tracestate",
  "Idempotency-Key",
];
// WWW-Authenticate: a browser client can only see which scheme a 401 asks for if it is exposed (RFC 9110 §11.6.1).
export const RUNTIME_RESPONSE_HEADERS = [
  "Location",
  "Link",
  "X-Request-Id",
  "traceparent",
  "Retry-After",
  "X-Rate-Limit-Limit",
  "X-Rate-Limit-Remaining",
  "X-Rate-Limit-Reset",
  "WWW-Authenticate",
];

/** Methods a preflight for a path the API does not have may announce: the actual request then gets its real 404. */
export const ANY_METHOD = ["DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT"];

/**
 * The options checked once, when the router is built: each origin normalised to what a browser sends in `Origin`
 * (lower-case scheme and host, no trailing slash, no default port; RFC 6454 §6.2), and the mistakes that would
 * otherwise be a silent 403 on every preflight refused with the value named.
 */
export function checkCorsOptions(options: CorsOptions): CorsOptions {
  if (options.origins === "*") {
    if (options.credentials === true) {
      throw new Error(
        'createRouter: cors.origins "*" cannot be combined with cors.credentials: true (browsers refuse credentials for any origin); list the origins instead',
      );
    }
    return options;
  }
  if (!Array.isArray(options.origins))
    throw new Error('createRouter: cors.origins must be "*" or a list of origins such as ["https://app.example.com"]');
  return { ...options, origins: [...new Set(options.origins.map(normaliseOrigin))] };
}

function normaliseOrigin(text: string): string {
  const hint = 'an origin is scheme://host[:port], e.g. "https://app.example.com"';
  if (text === "*")
    throw new Error(
      `createRouter: cors.origins lists "*"; pass origins: "*" (without credentials) to allow any origin, or list the origins`,
    );
  let url: URL | undefined;
  try {
    url = new URL(text.trim());
  } catch {
    url = undefined;
  }
  const bare =
    url !== undefined &&
    (url.pathname === "/" || url.pathname === "") &&
    url.search === "" &&
    url.hash === "" &&
    url.username === "" &&
    url.password === "";
  if (url === undefined || url.origin === "null" || !bare) {
    throw new Error(`createRouter: cors.origins has ${JSON.stringify(text)}, which is not an origin; ${hint}`);
  }
  return url.origin;
}

export function originAllowed(options: CorsOptions, origin: string): boolean {
  return options.origins === "*" || options.origins.includes(origin);
}

/** Each header once, whatever its case (the first spelling kept): a repeated name is noise in every response. */
function uniqueHeaders(names: readonly string[]): string[] {
  const seen = new Map<string, string>();
  for (const name of names) if (!seen.has(name.toLowerCase())) seen.set(name.toLowerCase(), name);
  return [...seen.values()];
}

/** True for a CORS preflight (Fetch standard, "CORS-preflight request"), as opposed to a plain OPTIONS request. */
export function isPreflight(headers: Readonly<Record<string, string | string[] | undefined>>): boolean {
  return headers["origin"] !== undefined && headers["access-control-request-method"] !== undefined;
}

/** Adds CORS headers to actual requests from allowed origins; others get none (the browser then blocks them). */
export function corsForRequests(options: CorsOptions, exposedHeaders: readonly string[]): RequestHandler {
  const handler = cors({
    origin: (origin, callback) => callback(null, origin !== undefined && originAllowed(options, origin)),
    credentials: options.credentials === true && options.origins !== "*",
    exposedHeaders: uniqueHeaders(exposedHeaders),
  });
  // OPTIONS goes on to the per-path preflight handler, which knows that path's methods.
  return (req, res, next) => (req.method === "OPTIONS" ? next() : handler(req, res, next));
}

/** Answers OPTIONS on one path: a preflight from an allowed origin gets 204, from another origin a 403 problem. */
export function corsPreflight(
  options: CorsOptions,
  methods: readonly string[],
  allowedHeaders: readonly string[],
): RequestHandler {
  const handler = cors({
    origin: (origin, callback) => callback(null, origin !== undefined && originAllowed(options, origin)),
    methods: [...methods],
    allowedHeaders: uniqueHeaders(allowedHeaders),
    credentials: options.credentials === true && options.origins !== "*",
    maxAge: options.maxAge ?? 600,
    optionsSuccessStatus: 204,
  });
  return (req, res, next) => {
    const origin = req.headers.origin;
    if (origin !== undefined && isPreflight(req.headers) && !originAllowed(options, origin)) {
      next(new HttpProblem(403, "cors_origin_denied", "This origin is not allowed to call the API from a browser."));
      return;
    }
    res.setHeader("Allow", methods.join(", "));
    handler(req, res, next);
  };
}
