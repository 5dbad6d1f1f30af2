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
export const RUNTIME_REQUEST_HEADERS = ["Content-Type", "Authorization", "X-Request-Id", "traceparent", "tracestate", "Idempotency-Key"];
export const RUNTIME_RESPONSE_HEADERS = ["Location", "Link", "X-Request-Id", "traceparent", "Retry-After", "X-Rate-Limit-Limit", "X-Rate-Limit-Remaining", "X-Rate-Limit-Reset"];

export function originAllowed(options: CorsOptions, origin: string): boolean {
  return options.origins === "*" || options.origins.includes(origin);
}

/** Adds CORS headers to actual requests from allowed origins; others get none (the browser then blocks them). */
export function corsForRequests(options: CorsOptions, exposedHeaders: readonly string[]): RequestHandler {
  const handler = cors({
    origin: (origin, callback) => callback(null, origin !== undefined && originAllowed(options, origin)),
    credentials: options.credentials === true && options.origins !== "*",
    exposedHeaders: [...exposedHeaders],
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
    allowedHeaders: [...allowedHeaders],
    credentials: options.credentials === true && options.origins !== "*",
    maxAge: options.maxAge ?? 600,
    optionsSuccessStatus: 204,
  });
  return (req, res, next) => {
    const origin = req.headers.origin;
    if (origin !== undefined && req.headers["access-control-request-method"] !== undefined && !originAllowed(options, origin)) {
      next(new HttpProblem(403, "cors_origin_denied", "This origin is not allowed to call the API from a browser."));
      return;
    }
    res.setHeader("Allow", methods.join(", "));
    handler(req, res, next);
  };
}
