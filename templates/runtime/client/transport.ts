// One call of one operation: URL and parameters, auth, body, hooks, deadline, redirects, size cap, retries, typed errors.
import { applyAuth, type AuthOptions, type SecuritySchemeSpec } from "./auth.js";
import { NetworkError, ResponseTooLargeError, TimeoutError, errorForStatus } from "./errors.js";
import { RETRY_STATUSES, retryDelayMs, retrySettings, sleep, type RetryOptions } from "./retry.js";
import { headerValue, serializeParams, type FixedParam, type ParamSpec } from "./serialize.js";

/** Limits of a call: set for the client, overridable per call. */
export interface CallLimits {
  /**
   * Deadline of the whole call from its first request, in ms (default 60 000): every attempt, retry wait, redirect and
   * the body. A retry whose wait would end past it is not made (the error that caused it is thrown). 0 or Infinity: no
   * deadline.
   */
  timeoutMs?: number;
  /** Largest response body read, in bytes (default 64 MiB); a larger one throws ResponseTooLargeError. */
  maxResponseBytes?: number;
}

export interface ClientOptions extends CallLimits {
  /** Defaults to the spec's first server URL. */
  baseUrl?: string;
  auth?: AuthOptions;
  /** Any WHATWG fetch (tests, proxies, other runtimes). Defaults to the global fetch. */
  fetch?: (request: Request) => Promise<Response>;
  headers?: Record<string, string>;
  /**
   * Redirects followed per request (default 5; 0 follows none, and a 3xx throws an ApiError). A 3xx an operation
   * documents as its result (it documents no 2xx) is returned instead, never followed (OperationSpec.results). Credentials
   * (Authorization, Proxy-Authorization, Cookie, the spec's API keys) are dropped once a redirect leaves the origin.
   */
  maxRedirects?: number;
  /** Aborts every call of this client. */
  signal?: AbortSignal;
  retry?: RetryOptions | false;
  /**
   * Runs before each request (every attempt and redirect hop); may return a replacement Request (logging, tracing,
   * signing). The call's signal and manual redirect handling are applied to the replacement too.
   */
  onRequest?: (request: Request) => void | Request | Promise<void | Request>;
  /** Runs after each response (redirects included), before error mapping. */
  onResponse?: (response: Response, request: Request) => void | Promise<void>;
}

export interface RequestOptions extends CallLimits {
  headers?: Record<string, string>;
  signal?: AbortSignal;
  retry?: RetryOptions | false;
  /** Sent as `X-Request-Id`. */
  requestId?: string;
  /** W3C trace context, sent as `traceparent`. */
  traceparent?: string;
  /** Sent as `Idempotency-Key`; makes POST/PATCH retryable. */
  idempotencyKey?: string;
}

export interface OperationSpec {
  method: string;
  path: string;
  params?: readonly ParamSpec[];
  /** Query/header values that select this operation among those sharing its path and method. */
  fixed?: readonly FixedParam[];
  /** Request media type, when the operation takes a body (`input.body`). */
  body?: string;
  /** Alternatives (OR) of scheme names (AND). */
  security?: readonly (readonly string[])[];
  /**
   * 3xx statuses that are this operation's result (it documents no 2xx): returned with their Response (Location),
   * not followed, not thrown. RFC 9110 §15.4 leaves following to the client; the spec says the redirect is the answer.
   */
  results?: readonly number[];
}

export interface Reply {
  data: unknown;
  response: Response;
  /** The URL requested (pagination resolves relative `Link` targets against it). */
  url: string;
}

export interface Transport {
  /** `url` replaces the one built from the operation (following a pagination `Link`). */
  /** `input` holds the parameters by key and the request `body`. */
  send(op: OperationSpec, input?: object, options?: RequestOptions, url?: string): Promise<Reply>;
}

/**
 * What every standalone operation takes: the light client of `createBaseClient()`, or `createClient()`'s grouped one.
 * The key is not an identifier, so no group name (always one) can take it; "~" sorts it after them in editors.
 */
export interface BaseClient {
  readonly "~transport": Transport;
}

/** A call's data beside the Response it came in (status, and headers such as Location, ETag or rate limits). */
export interface WithResponse<T> {
  data: T;
  response: Response;
}

export interface CallOptions extends RequestOptions {
  /** true: the call resolves to `{ data, response }` rather than to the data alone. */
  withResponse?: boolean;
}

/** A grouped method (`api.pets.get`): its overloads type `withResponse: true`. */
export interface Method<P, R> {
  (params: P, options: CallOptions & { withResponse: true }): Promise<WithResponse<R>>;
  (params: P, options?: CallOptions & { withResponse?: false }): Promise<R>;
}

/** A grouped method whose parameters are all optional. */
export interface OptionalParamsMethod<P, R> {
  (params: P | undefined, options: CallOptions & { withResponse: true }): Promise<WithResponse<R>>;
  (params?: P, options?: CallOptions & { withResponse?: false }): Promise<R>;
}

/** One call of a non-paginated operation: the decoded body of its 2xx answer (with its Response if asked). */
export function callOperation<T>(
  client: BaseClient,
  op: OperationSpec,
  input: object,
  options?: CallOptions,
): Promise<T | WithResponse<T>> {
  return client["~transport"]
    .send(op, input, options)
    .then((reply) => (options?.withResponse ? { data: reply.data as T, response: reply.response } : (reply.data as T)));
}

const IDEMPOTENT = new Set(["GET", "HEAD", "OPTIONS", "TRACE", "PUT", "DELETE"]);
const REDIRECT_STATUSES = [301, 302, 303, 307, 308];

function encodeBody(mediaType: string, body: unknown): BodyInit | null {
  if (/[/+]json\b/i.test(mediaType)) return JSON.stringify(body);
  if (
    /x-www-form-urlencoded/i.test(mediaType) &&
    typeof body === "object" &&
    body &&
    !(body instanceof URLSearchParams)
  ) {
    return new URLSearchParams(
      Object.entries(body)
        .filter(([, v]) => v != null)
        .map(([k, v]) => [k, String(v)]),
    );
  }
  return body as BodyInit | null;
}

/** The body, refusing more than `limit` bytes: by Content-Length before reading, then counted while reading. */
async function readBody(response: Response, limit: number): Promise<Blob | undefined> {
  const stream = response.body;
  if (!stream) return undefined;
  const tooLarge = () => new ResponseTooLargeError(`response body larger than maxResponseBytes (${limit} bytes)`);
  if (Number(response.headers.get("content-length")) > limit) {
    await stream.cancel();
    throw tooLarge();
  }
  const reader = stream.getReader();
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let size = 0;
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    if ((size += chunk.value.byteLength) > limit) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(chunk.value);
  }
  return new Blob(chunks, { type: response.headers.get("content-type") ?? "" });
}

/** JSON parsed, text as a string, anything else (images, archives) as a Blob; no body is undefined. */
async function decodeBody(response: Response, limit: number): Promise<unknown> {
  const type = response.headers.get("content-type") ?? "";
  const blob = await readBody(response, limit);
  if (!blob || (type && !/json|^text\/|xml|urlencoded/i.test(type))) return blob;
  const text = await blob.text();
  if (!text) return undefined;
  return /[/+]json\b/i.test(type) ? JSON.parse(text) : text;
}

/** Aborts `controller` when any of `signals` aborts; returns the unsubscribe. */
function abortWith(controller: AbortController, signals: (AbortSignal | undefined)[]): () => void {
  const subscribed = signals.filter((s): s is AbortSignal => !!s);
  const abort = (event: Event) => controller.abort((event.target as AbortSignal).reason);
  for (const signal of subscribed) {
    if (signal.aborted) controller.abort(signal.reason);
    else signal.addEventListener("abort", abort);
  }
  return () => subscribed.forEach((signal) => signal.removeEventListener("abort", abort));
}

/** The page's origin when running in a browser (a document, or a worker with importScripts): where CORS applies.
 * Deno has a `location` too (with --location), but no CORS. */
function browserOrigin(): string | undefined {
  const scope = globalThis as { location?: { origin?: unknown }; document?: unknown; importScripts?: unknown };
  if (scope.document === undefined && typeof scope.importScripts !== "function") return undefined;
  const origin = scope.location?.origin;
  return typeof origin === "string" && /^https?:/.test(origin) ? origin : undefined;
}

/**
 * Why a fetch in a browser rejected before any response, and whether retrying can help. A browser reports a CORS
 * refusal, a wrong or unreachable host and a dropped connection alike, as a bare TypeError (Fetch Standard: "network
 * error"). On a cross-origin URL it is most likely CORS or a wrong base URL, neither of which a retry heals (and a
 * refused simple request did reach the server: a retry would repeat it), so it is not retried; same-origin, or with
 * the browser offline, it may be transient and is retried as anywhere else. Outside a browser: undefined.
 */
function browserFailure(url: string, baseUrl: string): { hint: string; retry: boolean } | undefined {
  const origin = browserOrigin();
  if (origin === undefined) return undefined;
  if ((globalThis as { navigator?: { onLine?: unknown } }).navigator?.onLine === false)
    return { hint: "the browser is offline", retry: true };
  if (new URL(url, origin).origin === origin)
    return { hint: `the server at ${baseUrl || origin} could not be reached (is the base URL right?)`, retry: true };
  return {
    hint: `the browser refused or could not send this cross-origin request from ${origin}: most likely the API does not allow that origin (CORS: no Access-Control-Allow-Origin for it, or a preflight it refused), or the base URL ${baseUrl} is wrong; not retried`,
    retry: false,
  };
}

export function createTransport(
  client: ClientOptions,
  schemes: Readonly<Record<string, SecuritySchemeSpec>> = {},
  defaultBaseUrl = "",
): Transport {
  const doFetch = client.fetch ?? ((request: Request) => fetch(request));
  const baseUrl = (client.baseUrl ?? defaultBaseUrl).replace(/\/+$/, "");
  const maxRedirects = client.maxRedirects ?? 5;
  // What may not follow a redirect to another origin. Authorization comes first: when a browser follows a redirect
  // itself, it drops that one on its own.
  const secretHeaders = ["authorization", "proxy-authorization", "cookie"];
  const secretQuery: string[] = [];
  for (const scheme of Object.values(schemes)) {
    if (scheme.type === "apiKey" && scheme.in !== "cookie")
      (scheme.in === "query" ? secretQuery : secretHeaders).push(scheme.name);
  }

  /** Sends one request, following redirects by hand (RFC 9110 §15.4) so that no credential reaches another origin. */
  async function exchange(
    url: string,
    init: RequestInit & { headers: Headers; signal: AbortSignal },
    results: readonly number[],
  ): Promise<Response> {
    let redirect: RequestRedirect = "manual";
    for (let hops = 0; ; ) {
      const built = new Request(url, { ...init, redirect });
      const request = (await client.onRequest?.(built)) ?? built;
      const response = await doFetch(
        request === built ? built : new Request(request, { redirect, signal: init.signal }),
      );
      if (response.type === "opaqueredirect" && redirect === "manual") {
        // A browser hides the redirect (Fetch Standard: opaque-redirect response), so it must follow it itself. It drops
        // Authorization across origins (HTTP-redirect fetch), but would send API-key headers to any origin whose CORS
        // preflight allows them: those are left out of this resent request.
        redirect = "follow";
        secretHeaders.slice(1).forEach((name) => init.headers.delete(name));
        continue;
      }
      await client.onResponse?.(response, request);
      // A browser shows no redirect's status (opaque above, then followed): there a documented redirect is followed too.
      const location =
        REDIRECT_STATUSES.includes(response.status) && !results.includes(response.status)
          ? response.headers.get("location")
          : null;
      const next = location === null ? undefined : new URL(location, request.url);
      if (!next || !/^https?:$/.test(next.protocol) || hops++ >= maxRedirects) return response;
      // Frees the connection; an onResponse hook may have read the body already.
      if (!response.bodyUsed) await response.body?.cancel();
      // 303 makes any method but HEAD a GET, 301 and 302 make POST a GET (RFC 9110 §15.4.2-4, as fetch does); 307 and
      // 308 keep the method and the body.
      if ((response.status === 303 && init.method !== "HEAD") || (response.status < 303 && init.method === "POST")) {
        init = { ...init, method: "GET", body: null };
        init.headers.delete("content-type");
      }
      if (next.origin !== new URL(request.url).origin) {
        secretHeaders.forEach((name) => init.headers.delete(name));
        for (const name of secretQuery) if (next.searchParams.has(name)) next.searchParams.delete(name);
      }
      url = next.href;
    }
  }

  async function send(
    op: OperationSpec,
    values: object = {},
    call: RequestOptions = {},
    nextUrl?: string,
  ): Promise<Reply> {
    const input = values as Readonly<Record<string, unknown>>;
    const parts = serializeParams(op.path, op.params ?? [], input, op.fixed);
    const headers = new Headers({ accept: "application/json, application/problem+json;q=0.9, */*;q=0.8" });
    const extra: [string, string | undefined][] = [
      ...Object.entries({ ...client.headers, ...call.headers }),
      ...parts.headers,
      ["x-request-id", call.requestId],
      ["traceparent", call.traceparent],
      ["idempotency-key", call.idempotencyKey],
    ];
    // Validated here, so that a bad value is a typed error naming the header rather than fetch's bare TypeError.
    for (const [name, value] of extra) if (value !== undefined) headers.set(name, headerValue(name, value));
    await applyAuth(op.security ?? [], schemes, client.auth ?? {}, {
      headers,
      query: parts.query,
      cookies: parts.cookies,
    });
    if (parts.cookies.length) headers.set("cookie", parts.cookies.join("; "));
    let body: BodyInit | null = null;
    if (op.body && input["body"] !== undefined) {
      body = encodeBody(op.body, input["body"]);
      if (!/multipart\/form-data/i.test(op.body)) headers.set("content-type", op.body);
    }
    const url = nextUrl ?? baseUrl + parts.path + (parts.query.length ? "?" + parts.query.join("&") : "");
    const settings = retrySettings(call.retry ?? client.retry);
    const retryable = IDEMPOTENT.has(op.method) || headers.has("idempotency-key");
    const timeoutMs = call.timeoutMs ?? client.timeoutMs ?? 60_000;
    const maxBytes = call.maxResponseBytes ?? client.maxResponseBytes ?? 64 * 2 ** 20;
    // One deadline for the whole call. setTimeout cannot wait 2^31 ms or more: treated as no deadline.
    const deadline = timeoutMs > 0 && timeoutMs < 2 ** 31 ? Date.now() + timeoutMs : Infinity;

    // Error messages end up in logs: they name the URL without its query, which may hold an API key.
    const where = `${op.method} ${url.replace(/\?.*/, "")}`;
    const controller = new AbortController();
    const signal = controller.signal;
    const unsubscribe = abortWith(controller, [client.signal, call.signal]);
    const timer =
      deadline < Infinity
        ? setTimeout(
            () => controller.abort(new TimeoutError(`${where}: not completed within ${timeoutMs} ms`)),
            timeoutMs,
          )
        : undefined;
    try {
      for (let attempt = 0; ; attempt++) {
        let failure: Error;
        let hint: Headers | undefined;
        let answered = false;
        try {
          const results = op.results ?? [];
          const response = await exchange(
            url,
            { method: op.method, headers: new Headers(headers), body, signal },
            results,
          );
          answered = true;
          if (response.ok || results.includes(response.status))
            return { data: await decodeBody(response, maxBytes), response, url };
          const problem = await decodeBody(response, maxBytes).catch(() => undefined);
          const requestId = response.headers.get("x-request-id") ?? headers.get("x-request-id") ?? undefined;
          failure = errorForStatus(response.status, response.headers, problem, requestId, op);
          if (!RETRY_STATUSES.includes(response.status)) throw failure;
          hint = response.headers;
        } catch (error) {
          if (signal.aborted) throw signal.reason;
          if (!(error instanceof TypeError)) throw error;
          const browser = answered ? undefined : browserFailure(url, baseUrl);
          failure = new NetworkError(`${where}: ${error.message}${browser ? ` (${browser.hint})` : ""}`, {
            cause: error,
          });
          if (browser?.retry === false) throw failure;
        }
        const delay = retryDelayMs(attempt, settings, hint);
        // A wait that would end past the deadline cannot lead to an answer in time: fail now, with what caused the retry.
        if (!retryable || attempt >= settings.maxRetries || Date.now() + delay >= deadline) throw failure;
        await sleep(delay, signal);
      }
    } finally {
      clearTimeout(timer);
      unsubscribe();
    }
  }

  return { send };
}
