// Signed page tokens: url-safe base64 of `{ position, query binding, issue time }` plus an HMAC-SHA256 tag.
// The binding ties a token to the filters it was issued for, so it cannot be replayed against other filters,
// and the tag makes any modification detectable (CONVENTIONS.md §1: a modified token must not expose data).
import { createHmac, createSecretKey, hash, timingSafeEqual } from "node:crypto";
import { HttpProblem } from "./problem.js";

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

interface TokenPayload {
  /** Where the next page starts (whatever the handler chose: an id, an offset, a sort key...). */
  p: JsonValue;
  /** Digest of the query the token was issued for. */
  q: string;
  /** Issue time, whole seconds since the epoch (absent in tokens from before expiry existed). */
  t?: number;
}

export interface PageTokenOptions {
  /** Seconds a token stays valid after it was issued; unset = tokens never expire. */
  maxAgeSeconds?: number;
  /** The clock, in milliseconds since the epoch (tests pass a fixed one). */
  now?: () => number;
}

export interface PageTokenCodec {
  sign(position: JsonValue, binding: string): string;
  /** The position inside a token issued for `binding`; throws a 400 HttpProblem otherwise. */
  verify(token: string, binding: string, field: string): JsonValue;
  /** Both operations for one request's binding, digested once. */
  bound(binding: string): { sign(position: JsonValue): string; verify(token: string, field: string): JsonValue };
}

const MIN_SECRET_BYTES = 32;

export type PageTokenSecret = string | Uint8Array;

/**
 * `secrets` is one key or a list: tokens are signed with the first and accepted under any, so replicas can rotate
 * keys (put the new one first, keep the old one until the pages clients hold have expired) without breaking them.
 */
export function createPageTokenCodec(
  secrets: PageTokenSecret | readonly PageTokenSecret[],
  options: PageTokenOptions = {},
): PageTokenCodec {
  const list: readonly PageTokenSecret[] =
    typeof secrets === "string" || secrets instanceof Uint8Array ? [secrets] : secrets;
  if (list.length === 0)
    throw new Error("pageTokenSecret is an empty list; give at least one secret (the first one signs)");
  const keys = list.map((secret, index) => {
    const key = typeof secret === "string" ? Buffer.from(secret, "utf8") : Buffer.from(secret);
    if (key.length < MIN_SECRET_BYTES) {
      const which = list.length > 1 ? ` (entry ${index})` : "";
      throw new Error(
        `pageTokenSecret${which} must be at least ${MIN_SECRET_BYTES} bytes (got ${key.length}); use a random secret`,
      );
    }
    return createSecretKey(key);
  });
  const { maxAgeSeconds } = options;
  if (maxAgeSeconds !== undefined && !(Number.isFinite(maxAgeSeconds) && maxAgeSeconds > 0)) {
    throw new Error(`pageTokenMaxAgeSeconds must be a positive number of seconds (got ${String(maxAgeSeconds)})`);
  }
  const now = options.now ?? Date.now;
  const tags = keys.map(
    (key) =>
      (data: string): Buffer =>
        createHmac("sha256", key).update(data).digest(),
  );
  const tag = tags[0] as (data: string) => Buffer;
  const digests = new BindingDigests();
  const bound = (binding: string) => {
    const q = digests.of(binding);
    return {
      sign(position: JsonValue): string {
        const payload: TokenPayload = { p: position, q, t: Math.floor(now() / 1000) };
        const body = Buffer.from(JSON.stringify(payload), "utf8").toString("base64url");
        return `${body}.${tag(body).toString("base64url")}`;
      },
      verify(token: string, field: string): JsonValue {
        const payload = readPayload(token, tags);
        if (payload === undefined) throw invalidToken(field, "The page token is malformed or has been modified.");
        if (payload.q !== q)
          throw invalidToken(field, "The page token was issued for a different query; repeat the original filters.");
        if (maxAgeSeconds !== undefined) {
          // A token without an issue time predates expiry: it cannot be shown to be fresh, so it is refused too.
          const age = typeof payload.t === "number" ? now() / 1000 - payload.t : Number.POSITIVE_INFINITY;
          if (!(age <= maxAgeSeconds)) {
            const message = `The page token has expired (tokens are valid for ${maxAgeSeconds} s); start again from the first page.`;
            throw invalidToken(field, message, "expired_page_token");
          }
        }
        return payload.p;
      },
    };
  };

  return {
    sign: (position, binding) => bound(binding).sign(position),
    verify: (token, binding, field) => bound(binding).verify(token, field),
    bound,
  };
}

/** A stable text for the filters of a query: every parameter except the paging ones, keys sorted. */
export function queryBinding(query: Readonly<Record<string, unknown>>, pagingParams: readonly string[]): string {
  const kept = Object.keys(query)
    .filter((name) => !pagingParams.includes(name) && query[name] !== undefined)
    .sort();
  return JSON.stringify(kept.map((name) => [name, query[name]]));
}

function readPayload(token: string, tags: readonly ((data: string) => Buffer)[]): TokenPayload | undefined {
  const dot = token.indexOf(".");
  if (dot <= 0 || dot !== token.lastIndexOf(".")) return undefined;
  const body = token.slice(0, dot);
  // base64url's last character has spare bits: a tag is accepted only in the spelling we write (re-encoding the
  // decoded bytes gives it back), so no variant of a token passes. The bytes are then compared in constant time.
  const written = token.slice(dot + 1);
  const given = Buffer.from(written, "base64url");
  if (given.length !== TAG_BYTES || given.toString("base64url") !== written) return undefined;
  const signedByOneOfOurs = tags.some((tag) => timingSafeEqual(given, tag(body)));
  if (!signedByOneOfOurs) return undefined;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(body, "base64url").toString("utf8"));
    if (
      typeof parsed === "object" &&
      parsed !== null &&
      "p" in parsed &&
      "q" in parsed &&
      typeof parsed.q === "string" &&
      (!("t" in parsed) || typeof parsed.t === "number")
    ) {
      return parsed as TokenPayload;
    }
  } catch {
    // A valid tag over unparsable JSON cannot come from us; treat it like any other bad token.
  }
  return undefined;
}

/** HMAC-SHA256 tags are 32 bytes. */
const TAG_BYTES = 32;

/** Distinct bindings remembered; past it the memo starts over (a client varying its filters cannot grow it). */
const MAX_REMEMBERED_BINDINGS = 1024;

/**
 * The digest of a binding, the `q` of a token: the same few filter combinations come back request after request,
 * so each is hashed once. The digest is public (it is in every token), so remembering it reveals nothing.
 */
class BindingDigests {
  private readonly known = new Map<string, string>();

  of(binding: string): string {
    let digest = this.known.get(binding);
    if (digest === undefined) {
      if (this.known.size >= MAX_REMEMBERED_BINDINGS) this.known.clear();
      digest = hash("sha256", binding, "base64url").slice(0, 22);
      this.known.set(binding, digest);
    }
    return digest;
  }
}

function invalidToken(field: string, message: string, code = "invalid_page_token"): HttpProblem {
  return new HttpProblem(400, code, message, { errors: [{ field, code, message }] });
}
