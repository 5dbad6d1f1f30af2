// When and how long to wait before retrying: exponential backoff with jitter, unless the server says how long.

export interface RetryOptions {
  /** Retries after the first attempt (default 2). */
  maxRetries?: number;
  /** First backoff step (default 300 ms); doubles each retry. */
  baseDelayMs?: number;
  /** Upper bound for any wait, including a server's Retry-After (default 30 s). */
  maxDelayMs?: number;
}

export const RETRY_STATUSES: readonly number[] = [408, 429, 502, 503, 504];

export function retrySettings(options: RetryOptions | false | undefined): Required<RetryOptions> {
  if (options === false) return { maxRetries: 0, baseDelayMs: 0, maxDelayMs: 0 };
  return { maxRetries: 2, baseDelayMs: 300, maxDelayMs: 30_000, ...options };
}

/** Milliseconds to wait before retry number `attempt` (0-based). */
export function retryDelayMs(attempt: number, settings: Required<RetryOptions>, headers?: Headers): number {
  const hinted = headers && serverHintMs(headers);
  if (hinted !== undefined) return Math.min(hinted, settings.maxDelayMs);
  const ceiling = Math.min(settings.maxDelayMs, settings.baseDelayMs * 2 ** attempt);
  // "Equal jitter": at least half the step, so clients spread out without retrying immediately.
  return ceiling / 2 + (Math.random() * ceiling) / 2;
}

/** `Retry-After` (seconds or HTTP date), else `X-Rate-Limit-Reset` (seconds left; epoch seconds when that large). */
export function serverHintMs(headers: Headers, now = Date.now()): number | undefined {
  const retryAfter = headers.get("retry-after")?.trim();
  if (retryAfter) {
    if (/^\d+(\.\d+)?$/.test(retryAfter)) return Number(retryAfter) * 1000;
    const date = Date.parse(retryAfter);
    if (!Number.isNaN(date)) return Math.max(0, date - now);
  }
  const reset = Number(headers.get("x-rate-limit-reset") ?? NaN);
  if (reset >= 0) return reset > 1e9 ? Math.max(0, reset * 1000 - now) : reset * 1000;
  return undefined;
}

/** Resolves after `ms`, or rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
