import { isObject as isRecord } from "../generator/facts/json-object.js";

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

/**
 * The policy of anything the portal serves that is not one of its pages (mock responses, spec downloads): nothing
 * loads, nothing runs, and the document gets an opaque origin, so it cannot read the portal's other responses.
 */
export const INERT_CSP = "default-src 'none'; sandbox";

/**
 * A host as a CSP host-source may name it (CSP3 §2.3.1: `host-char` is ALPHA / DIGIT / "-", labels joined by "."):
 * no wildcard, no `;` or space that would end the source list and start a directive of the spec author's choosing.
 * `new URL` already lowercased the name and turned IDNs into punycode.
 */
const CSP_HOST = /^[a-z0-9-]+(?:\.[a-z0-9-]+)*$/;

/**
 * Origins (scheme://host:port) of the spec's absolute http(s) server URLs, for `connect-src`; relative ones are
 * same-origin already. A server URL is the spec author's text: anything that is not a plain origin (templated,
 * wildcard, another scheme, characters the CSP grammar gives a meaning) is left out rather than pasted in.
 */
export function serverOrigins(servers: readonly string[]): string[] {
  const origins = new Set<string>();
  for (const server of servers) {
    const origin = plainOrigin(server);
    if (origin !== undefined) origins.add(origin);
  }
  return [...origins].sort();
}

/**
 * What Swagger UI's page connects to besides the portal: the spec's servers ("try it out") and its OAuth2 token and
 * refresh endpoints (the Authorize dialog exchanges the code from the page, RFC 6749 §4.1.3). Authorization URLs are
 * opened as a popup, a navigation the policy does not govern.
 */
export function tryItOrigins(loaded: {
  summary: { servers: readonly string[] };
  bundled: Record<string, unknown>;
}): string[] {
  return [
    ...new Set([...serverOrigins(loaded.summary.servers), ...serverOrigins(tokenEndpoints(loaded.bundled))]),
  ].sort();
}

function tokenEndpoints(bundled: Record<string, unknown>): string[] {
  const components = isRecord(bundled.components) ? bundled.components : {};
  const schemes = isRecord(components.securitySchemes) ? Object.values(components.securitySchemes) : [];
  const urls: string[] = [];
  for (const scheme of schemes) {
    if (!isRecord(scheme) || scheme.type !== "oauth2" || !isRecord(scheme.flows)) continue;
    for (const flow of Object.values(scheme.flows)) {
      if (!isRecord(flow)) continue;
      for (const key of ["tokenUrl", "refreshUrl"]) if (typeof flow[key] === "string") urls.push(flow[key]);
    }
  }
  return urls;
}

function plainOrigin(server: string): string | undefined {
  let url: URL;
  try {
    url = new URL(server);
  } catch {
    return undefined; // relative or not a URL
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return undefined;
  if (!CSP_HOST.test(url.hostname)) return undefined;
  return url.origin;
}
