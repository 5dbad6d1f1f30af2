/**
 * The Content-Security-Policy of every page. Scripts only from the portal itself (no inline script: page data travels
 * in a JSON block); inline styles because Redoc (styled-components) injects <style> elements; blob: workers for
 * Redoc's search. `connectTo` adds the origins of a spec's real servers on the Swagger UI page, so "try it out"
 * can reach them.
 */
export function contentSecurityPolicy(connectTo: readonly string[] = []): string {
  const directives: Record<string, string[]> = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'", "data:"],
    "worker-src": ["'self'", "blob:"],
    "connect-src": ["'self'", ...connectTo],
    "object-src": ["'none'"],
    "base-uri": ["'none'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(" ")}`)
    .join("; ");
}

/** The policy for a static site's meta tag: `frame-ancestors` is ignored there, so it is left out. */
export function metaContentSecurityPolicy(connectTo: readonly string[] = []): string {
  return contentSecurityPolicy(connectTo)
    .split("; ")
    .filter((directive) => !directive.startsWith("frame-ancestors"))
    .join("; ");
}

/** Origins (scheme://host:port) of absolute http(s) server URLs; relative ones are same-origin already. */
export function serverOrigins(servers: readonly string[]): string[] {
  const origins = new Set<string>();
  for (const server of servers) {
    try {
      const url = new URL(server);
      if ((url.protocol === "http:" || url.protocol === "https:") && !/[{}]/.test(url.host)) origins.add(url.origin);
    } catch {
      // A relative or templated URL: nothing to add.
    }
  }
  return [...origins].sort();
}
