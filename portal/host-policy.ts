import { isIP } from "node:net";
import type { RequestHandler } from "express";

/**
 * The host names the portal answers to, against DNS rebinding: a hostile page whose name is made to resolve to
 * 127.0.0.1 reaches a portal bound to localhost as the same origin as itself, and could read every spec. Its
 * requests still carry the hostile name in `Host`, so only names the user chose are served (the approach of
 * Vite's `server.allowedHosts` and webpack-dev-server's `allowedHosts`): localhost and `*.localhost`, any IP
 * address (an address cannot be rebound), the `--host` the portal listens on and each `--allowed-hosts` entry
 * (`.example.com` allows example.com and its subdomains).
 */
export class HostPolicy {
  private readonly names = new Set<string>();
  /** From `.example.com` entries: the name itself and every name under it. */
  private readonly domains: string[] = [];

  constructor(allowed: readonly string[] = []) {
    for (const entry of allowed) {
      const domain = entry.startsWith(".");
      const name = hostnameOf(domain ? entry.slice(1) : isIP(entry) === 6 ? `[${entry}]` : entry);
      if (name === undefined) continue;
      if (domain) this.domains.push(name);
      else this.names.add(name);
    }
  }

  /** Whether a request's `Host` header (name or address, with an optional port) names this portal. */
  allows(host: string | undefined): boolean {
    const name = host === undefined ? undefined : hostnameOf(host);
    if (name === undefined) return false;
    if (name === "localhost" || name.endsWith(".localhost") || isIP(name.replace(/^\[(.*)\]$/, "$1")) !== 0)
      return true;
    return this.names.has(name) || this.domains.some((domain) => name === domain || name.endsWith(`.${domain}`));
  }

  /** Any other `Host` gets a plain-text 403 that says how to allow it, and nothing of the portal. */
  middleware(): RequestHandler {
    return (req, res, next) => {
      if (this.allows(req.headers.host)) return next();
      res.status(403).set({
        "Content-Type": "text/plain; charset=utf-8",
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "no-store",
      });
      res.end(
        "403 Forbidden: this portal does not answer to that host name. To serve it under another name, start it with --allowed-hosts <name>.\n",
      );
    };
  }
}

/** The host name of a `Host` header, as the URL standard normalises it (lowercase, punycode), without a final dot. */
function hostnameOf(host: string): string | undefined {
  // Only host[:port]: userinfo, paths or spaces mean this is not a Host header a browser sent.
  if (!/^(?:\[[0-9a-fA-F:.]+\]|[^\s/?#@[\]\\:]+)(?::\d{1,5})?$/.test(host)) return undefined;
  try {
    return new URL(`http://${host}`).hostname.replace(/\.$/, "");
  } catch {
    return undefined;
  }
}
