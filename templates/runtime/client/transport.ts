// One HTTP exchange for one operation: URL and parameters, auth, body, hooks, timeout, retries, typed errors.
import { applyAuth, type AuthOptions, type SecuritySchemeSpec } from "./auth.js";
import { NetworkError, TimeoutError, errorForStatus } from "./errors.js";
import { RETRY_STATUSES, retryDelayMs, retrySettings, sleep, type RetryOptions } from "./retry.js";
import { serializeParams, type ParamSpec } from "./serialize.js";

export interface ClientOptions {
  /** Defaults to the spec's first server URL. */
  baseUrl?: string;
  auth?: AuthOptions;
  /** Any WHATWG fetch (tests, proxies, other runtimes). Defaults to the global fetch. */
  fetch?: (request: Request) => Promise<Response>;
  headers?: Record<string, string>;
  /** Per-attempt timeout for every call (overridable per call). */
  timeoutMs?: number;
  /** Aborts every call of this client. */
  signal?: AbortSignal;
  retry?: RetryOptions | false;
  /** Runs before each attempt; may return a replacement Request (logging, tracing, signing). */
  onRequest?: (request: Request) => void | Request | Promise<void | Request>;
  /** Runs after each attempt's response, before error mapping. */
  onResponse?: (response: Response, request: Request) => void | Promise<void>;
}

export interface RequestOptions {
  headers?: Record<string, string>;
  timeoutMs?: number;
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
  /** Request media type, when the operation takes a body (`input.body`). */
  body?: string;
  /** Alternatives (OR) of scheme names (AND). */
  security?: readonly (readonly string[])[];
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

const IDEMPOTENT = new Set(["GET", "HEAD", "OPTIONS", "TRACE", "PUT", "DELETE"]);

function encodeBody(mediaType: string, body: unknown): RequestInit["body"] {
  if (/[/+]json\b/i.test(mediaType)) return JSON.stringify(body);
  if (/x-www-form-urlencoded/i.test(mediaType) && typeof body === "object" && body && !(body instanceof URLSearchParams)) {
    return new URLSearchParams(Object.entries(body).filter(([, v]) => v != null).map(([k, v]) => [k, String(v)]));
  }
  return body as RequestInit["body"];
}

/** JSON parsed, text as a string, anything else (images, archives) as a Blob; no body is undefined. */
async function decodeBody(response: Response): Promise<unknown> {
  const type = response.headers.get("content-type") ?? "";
  if (type && !/json|^text\/|xml|urlencoded/i.test(type)) return response.body ? response.blob() : undefined;
  const text = response.body ? await response.text() : "";
  if (!text) return undefined;
  return /[/+]json\b/i.test(type) ? JSON.parse(text) : text;
}

/** Aborts `controller` when any of `signals` aborts; returns the unsubscribe. */
function follow(controller: AbortController, signals: (AbortSignal | undefined)[]): () => void {
  const subscribed = signals.filter((s): s is AbortSignal => !!s);
  const abort = (event: Event) => controller.abort((event.target as AbortSignal).reason);
  for (const signal of subscribed) {
    if (signal.aborted) controller.abort(signal.reason);
    else signal.addEventListener("abort", abort);
  }
  return () => subscribed.forEach((signal) => signal.removeEventListener("abort", abort));
}

export function createTransport(
  client: ClientOptions,
  schemes: Readonly<Record<string, SecuritySchemeSpec>> = {},
  defaultBaseUrl = "",
): Transport {
  const doFetch = client.fetch ?? ((request: Request) => fetch(request));
  const baseUrl = (client.baseUrl ?? defaultBaseUrl).replace(/\/+$/, "");

  async function send(op: OperationSpec, values: object = {}, call: RequestOptions = {}, nextUrl?: string): Promise<Reply> {
    const input = values as Readonly<Record<string, unknown>>;
    const parts = serializeParams(op.path, op.params ?? [], input);
    const headers = new Headers({ accept: "application/json, application/problem+json;q=0.9, */*;q=0.8", ...client.headers, ...call.headers });
    for (const [name, value] of parts.headers) headers.set(name, value);
    if (call.requestId) headers.set("x-request-id", call.requestId);
    if (call.traceparent) headers.set("traceparent", call.traceparent);
    if (call.idempotencyKey) headers.set("idempotency-key", call.idempotencyKey);
    await applyAuth(op.security ?? [], schemes, client.auth ?? {}, { headers, query: parts.query, cookies: parts.cookies });
    if (parts.cookies.length) headers.set("cookie", parts.cookies.join("; "));
    let body: RequestInit["body"];
    if (op.body && input.body !== undefined) {
      body = encodeBody(op.body, input.body);
      if (!/multipart\/form-data/i.test(op.body)) headers.set("content-type", op.body);
    }
    const url = nextUrl ?? baseUrl + parts.path + (parts.query.length ? "?" + parts.query.join("&") : "");
    const settings = retrySettings(call.retry ?? client.retry);
    const retryable = IDEMPOTENT.has(op.method) || headers.has("idempotency-key");
    const timeoutMs = call.timeoutMs ?? client.timeoutMs;

    // One controller for the whole call (caller's signals), one per attempt (adds the timeout).
    const callController = new AbortController();
    const unfollowCall = follow(callController, [client.signal, call.signal]);
    try {
      for (let attempt = 0; ; attempt++) {
        const attemptController = new AbortController();
        const unfollowAttempt = follow(attemptController, [callController.signal]);
        const timer = timeoutMs === undefined ? undefined
          : setTimeout(() => attemptController.abort(new TimeoutError(`no response within ${timeoutMs} ms: ${op.method} ${url}`)), timeoutMs);
        let request = new Request(url, { method: op.method, headers, body, signal: attemptController.signal });
        try {
          request = (await client.onRequest?.(request)) ?? request;
          const response = await doFetch(request);
          await client.onResponse?.(response, request);
          if (response.ok) return { data: await decodeBody(response), response, url };
          const problem = await decodeBody(response).catch(() => undefined);
          if (retryable && attempt < settings.maxRetries && RETRY_STATUSES.includes(response.status)) {
            await sleep(retryDelayMs(attempt, settings, response.headers), callController.signal);
            continue;
          }
          const requestId = response.headers.get("x-request-id") ?? headers.get("x-request-id") ?? undefined;
          throw errorForStatus(response.status, response.headers, problem, requestId);
        } catch (error) {
          if (callController.signal.aborted) throw callController.signal.reason;
          const reason: unknown = attemptController.signal.reason;
          const failure = reason instanceof TimeoutError ? reason
            : error instanceof TypeError ? new NetworkError(`${op.method} ${url}: ${error.message}`, { cause: error })
            : undefined;
          if (!failure) throw error;
          if (!retryable || attempt >= settings.maxRetries) throw failure;
          await sleep(retryDelayMs(attempt, settings), callController.signal);
        } finally {
          clearTimeout(timer);
          unfollowAttempt();
        }
      }
    } finally {
      unfollowCall();
    }
  }

  return { send };
}
