import cors, { type CorsOptions } from "cors";
import type { Request, RequestHandler } from "express";

/**
 * Who may read the portal's specs and call its mocks from another origin: the portal's own origin, any
 * localhost/loopback origin, and each `--cors-origin`. `*` in the list allows every origin, but then without
 * credentials: an allowed origin is always echoed by name, never as `*` together with credentials.
 */
export class CorsPolicy {
  private readonly origins: Set<string>;
  readonly anyOrigin: boolean;

  constructor(extraOrigins: readonly string[] = []) {
    this.anyOrigin = extraOrigins.includes("*");
    this.origins = new Set(extraOrigins.filter((origin) => origin !== "*").map(normalizeOrigin));
  }

  allows(origin: string, req: Request): boolean {
    if (this.anyOrigin || this.origins.has(origin)) return true;
    if (origin === `${req.protocol}://${req.get("host") ?? ""}`) return true;
    try {
      const { hostname, protocol } = new URL(origin);
      return (protocol === "http:" || protocol === "https:") && ["localhost", "127.0.0.1", "[::1]"].includes(hostname);
    } catch {
      return false;
    }
  }

  /** CORS for spec downloads: read-only, no credentials needed. */
  forDownloads(): RequestHandler {
    return this.middleware({
      methods: ["GET", "HEAD"],
      credentials: false,
      exposedHeaders: ["ETag", "Content-Length"],
    });
  }

  /** CORS for the mock APIs: every method, the requested headers, and credentials for named origins only. */
  forMocks(): RequestHandler {
    return this.middleware({
      methods: ["GET", "HEAD", "PUT", "PATCH", "POST", "DELETE"],
      credentials: !this.anyOrigin,
      exposedHeaders: [
        "Location",
        "Link",
        "Retry-After",
        "X-Rate-Limit-Limit",
        "X-Rate-Limit-Remaining",
        "X-Rate-Limit-Reset",
        "X-Request-Id",
      ],
      maxAge: 600,
    });
  }

  private middleware(base: CorsOptions): RequestHandler {
    return cors((req, callback) => {
      const request = req as Request;
      const origin = request.get("origin");
      const allowed = origin !== undefined && this.allows(origin, request);
      // `origin: true` echoes the request's origin by name; `false` leaves the CORS headers out (the browser blocks).
      callback(null, { ...base, origin: allowed });
    });
  }
}

function normalizeOrigin(origin: string): string {
  try {
    return new URL(origin).origin;
  } catch {
    return origin;
  }
}
