// Credentials from the client options, applied per operation according to the spec's security requirements.

/** A credential, or a callback producing one per request (token refresh, OAuth2/OIDC access tokens). */
export type Credential = string | (() => string | undefined | Promise<string | undefined>);

export interface AuthOptions {
  /** HTTP bearer token (`Authorization: Bearer …`); also used for OAuth2/OIDC when `accessToken` is absent. */
  bearer?: Credential;
  /** API key; a record keyed by security scheme name when the API has several. */
  apiKey?: Credential | Record<string, Credential>;
  basic?: { username: string; password: string };
  /** OAuth2 / OpenID Connect access token callback. */
  accessToken?: Credential;
  /**
   * Credentials of other HTTP schemes (`scheme: negotiate`, an HMAC signature), by security scheme name, or one for
   * all: sent as `Authorization: <scheme> <credentials>` (RFC 9110 §11.6.2). A callback can compute them per request.
   */
  http?: Credential | Record<string, Credential>;
}

export type SecuritySchemeSpec =
  | { type: "bearer" }
  | { type: "basic" }
  | { type: "http"; scheme: string }
  | { type: "oauth2" }
  | { type: "apiKey"; in: "header" | "query" | "cookie"; name: string };

export interface AuthTarget {
  headers: Headers;
  /** Encoded `name=value` query pairs. */
  query: string[];
  cookies: string[];
}

async function resolve(credential: Credential | undefined): Promise<string | undefined> {
  return typeof credential === "function" ? credential() : credential;
}

function credentialFor(name: string, scheme: SecuritySchemeSpec, auth: AuthOptions): Credential | undefined {
  if (scheme.type === "bearer") return auth.bearer;
  if (scheme.type === "oauth2") return auth.accessToken ?? auth.bearer;
  if (scheme.type === "basic") return auth.basic && `${auth.basic.username}:${auth.basic.password}`;
  return byScheme(name, scheme.type === "http" ? auth.http : auth.apiKey);
}

/** One credential for every scheme, or the one named (own keys only: a scheme named `constructor` finds nothing). */
function byScheme(
  name: string,
  credentials: Credential | Record<string, Credential> | undefined,
): Credential | undefined {
  return typeof credentials === "object"
    ? Object.hasOwn(credentials, name)
      ? credentials[name]
      : undefined
    : credentials;
}

function base64(text: string): string {
  return btoa(Array.from(new TextEncoder().encode(text), (byte) => String.fromCharCode(byte)).join(""));
}

/**
 * Writes `name=value`, replacing pairs of that name a parameter wrote: a required parameter that is also the API key
 * (Trello's `key` and `token` query parameters) would otherwise travel twice, which a server reads as an array. The
 * credential wins, as it does for a header (Headers.set).
 */
function replacePair(pairs: string[], name: string, value: string): void {
  const kept = pairs.filter((pair) => pair.slice(0, pair.indexOf("=")) !== name);
  pairs.splice(0, pairs.length, ...kept, `${name}=${value}`);
}

/**
 * Applies the first alternative (OR) whose schemes (AND) all have credentials. With none satisfiable the request
 * goes out unauthenticated and the server's 401 surfaces as UnauthorizedError.
 */
export async function applyAuth(
  alternatives: readonly (readonly string[])[],
  schemes: Readonly<Record<string, SecuritySchemeSpec>>,
  auth: AuthOptions,
  target: AuthTarget,
): Promise<void> {
  for (const names of alternatives) {
    const values: [SecuritySchemeSpec, string][] = [];
    for (const name of names) {
      const scheme = schemes[name];
      const value = scheme && (await resolve(credentialFor(name, scheme, auth)));
      if (!scheme || value === undefined) break;
      values.push([scheme, value]);
    }
    if (values.length !== names.length) continue;
    // Schemes required together that write the same header (Basic plus an API key named Authorization), query name
    // or cookie (fec.gov: two schemes for `api_key`) share the first value: a second write would replace the
    // credential the first scheme's verifier reads, or turn one query value into two.
    const written = new Set<string>();
    const once = (place: string, write: () => void) => {
      if (written.has(place)) return;
      written.add(place);
      write();
    };
    const setHeader = (name: string, value: string) =>
      once(`header ${name.toLowerCase()}`, () => target.headers.set(name, value));
    for (const [scheme, value] of values) {
      if (scheme.type === "basic") setHeader("authorization", `Basic ${base64(value)}`);
      else if (scheme.type === "http") setHeader("authorization", `${scheme.scheme} ${value}`);
      else if (scheme.type !== "apiKey") setHeader("authorization", `Bearer ${value}`);
      else if (scheme.in === "header") setHeader(scheme.name, value);
      else if (scheme.in === "query")
        once(`query ${scheme.name}`, () =>
          replacePair(target.query, encodeURIComponent(scheme.name), encodeURIComponent(value)),
        );
      else once(`cookie ${scheme.name}`, () => replacePair(target.cookies, scheme.name, encodeURIComponent(value)));
    }
    return;
  }
}
