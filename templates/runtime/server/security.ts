// Credentials per `securitySchemes`, checked before any handler runs: missing -> 401, rejected -> 401 or 403.
import type { Request } from "express";
import { parseCookieHeader } from "./parameters.js";
import { HttpProblem } from "./problem.js";

export type SchemeSpec =
  | { kind: "bearer"; name: string }
  | { kind: "basic"; name: string }
  /** Another HTTP scheme (RFC 9110 §11.6.2): `Authorization: <scheme> <credentials>`, the scheme matched case-insensitively. */
  | { kind: "http"; name: string; scheme: string }
  | { kind: "api-key"; name: string; in: "header" | "query" | "cookie"; paramName: string };

export type Credential =
  | { kind: "bearer"; token: string }
  | { kind: "basic"; username: string; password: string }
  | { kind: "http"; scheme: string; credentials: string }
  | { kind: "api-key"; key: string };

/**
 * A user-supplied check for one scheme: the principal when the credential is good, null/undefined when it is
 * not (401), "forbidden" when it is good but may not do this (403, e.g. missing scopes).
 */
export type Verifier<P> = (
  credential: Credential,
  context: { scopes: readonly string[]; request: Request },
) => P | null | undefined | "forbidden" | Promise<P | null | undefined | "forbidden">;

/** One alternative of an operation's `security`: every listed scheme must pass (an empty list = anonymous). */
export type Requirement = readonly { scheme: string; scopes: readonly string[] }[];

export interface AuthContext<P> {
  /** The principal of the first scheme of the alternative that passed. */
  principal: P;
  /** Principals by scheme name (several when an alternative combines schemes). */
  schemes: Readonly<Record<string, P>>;
}

export async function authenticate<P>(
  request: Request,
  requirements: readonly Requirement[],
  schemes: Readonly<Record<string, SchemeSpec>>,
  verifiers: Readonly<Record<string, Verifier<P>>>,
): Promise<AuthContext<P> | undefined> {
  if (requirements.length === 0 || requirements.some((requirement) => requirement.length === 0)) return undefined;
  let outcome: "missing" | "rejected" | "forbidden" = "missing";
  for (const requirement of requirements) {
    const result = await tryRequirement(request, requirement, schemes, verifiers);
    if (typeof result === "object") return result;
    if (rank(result) > rank(outcome)) outcome = result;
  }
  throw failure(outcome, requirements, schemes);
}

async function tryRequirement<P>(
  request: Request,
  requirement: Requirement,
  schemes: Readonly<Record<string, SchemeSpec>>,
  verifiers: Readonly<Record<string, Verifier<P>>>,
): Promise<AuthContext<P> | "missing" | "rejected" | "forbidden"> {
  const principals: Record<string, P> = {};
  let first: P | undefined;
  for (const { scheme, scopes } of requirement) {
    const spec = own(schemes, scheme);
    const credential = spec === undefined ? undefined : readCredential(request, spec);
    if (credential === undefined) return "missing";
    const verify = own(verifiers, scheme);
    // No verifier configured means nobody can pass this scheme: deny rather than trust blindly.
    if (verify === undefined) return "rejected";
    const principal = await verify(credential, { scopes, request });
    if (principal === "forbidden") return "forbidden";
    if (principal === null || principal === undefined) return "rejected";
    Object.defineProperty(principals, scheme, {
      value: principal,
      enumerable: true,
      writable: true,
      configurable: true,
    });
    first ??= principal;
  }
  return first === undefined ? "missing" : { principal: first, schemes: principals };
}

export function readCredential(request: Request, spec: SchemeSpec): Credential | undefined {
  if (spec.kind === "api-key") {
    const key = apiKeyOf(request, spec);
    return key === undefined || key === "" ? undefined : { kind: "api-key", key };
  }
  const header = request.headers.authorization;
  if (header === undefined) return undefined;
  const space = header.indexOf(" ");
  if (space < 0) return undefined;
  const scheme = header.slice(0, space).toLowerCase();
  const value = header.slice(space + 1).trim();
  if (spec.kind === "bearer") return scheme === "bearer" && value !== "" ? { kind: "bearer", token: value } : undefined;
  if (spec.kind === "http")
    return scheme === spec.scheme.toLowerCase() && value !== ""
      ? { kind: "http", scheme: spec.scheme, credentials: value }
      : undefined;
  if (scheme !== "basic") return undefined;
  const decoded = Buffer.from(value, "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 0) return undefined;
  return { kind: "basic", username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

function apiKeyOf(request: Request, spec: Extract<SchemeSpec, { kind: "api-key" }>): string | undefined {
  if (spec.in === "header") {
    const value = request.headers[spec.paramName.toLowerCase()];
    return Array.isArray(value) ? value[0] : value;
  }
  if (spec.in === "cookie") {
    const header = request.headers.cookie;
    return header === undefined ? undefined : parseCookieHeader(header).get(spec.paramName);
  }
  const query = request.url.indexOf("?");
  return query < 0 ? undefined : (new URLSearchParams(request.url.slice(query + 1)).get(spec.paramName) ?? undefined);
}

function rank(outcome: "missing" | "rejected" | "forbidden"): number {
  return outcome === "missing" ? 0 : outcome === "rejected" ? 1 : 2;
}

function failure(
  outcome: "missing" | "rejected" | "forbidden",
  requirements: readonly Requirement[],
  schemes: Readonly<Record<string, SchemeSpec>>,
): HttpProblem {
  if (outcome === "forbidden") {
    return new HttpProblem(403, "forbidden", "The credentials are valid but do not allow this operation.");
  }
  const challenges = new Set<string>();
  for (const requirement of requirements) {
    for (const { scheme } of requirement) {
      const spec = own(schemes, scheme);
      if (spec?.kind === "bearer") challenges.add("Bearer");
      if (spec?.kind === "basic") challenges.add('Basic realm="api"');
      if (spec?.kind === "http") challenges.add(spec.scheme);
    }
  }
  const headers: Record<string, string> = challenges.size > 0 ? { "WWW-Authenticate": [...challenges].join(", ") } : {};
  return outcome === "missing"
    ? new HttpProblem(401, "unauthenticated", "This operation needs credentials.", { headers })
    : new HttpProblem(401, "invalid_credentials", "The credentials were not accepted.", { headers });
}

/** Own entries only: a scheme named `constructor` must find neither Object.prototype's member nor `Object`. */
function own<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
