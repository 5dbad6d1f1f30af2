import { describe, expect, it, vi } from "vitest";
import { NetworkError, RateLimitError, ServerError, TimeoutError } from "../../templates/runtime/client/errors.js";
import { retryDelayMs, retrySettings, serverHintMs } from "../../templates/runtime/client/retry.js";
import { createTransport } from "../../templates/runtime/client/transport.js";
import { fakeFetch, json, useFakeClock } from "./fake-fetch.js";

const get = { method: "GET", path: "/things" };
const post = { method: "POST", path: "/things", body: "application/json" };

useFakeClock();

describe("retry delays", () => {
  it("exponential backoff with equal jitter, capped", () => {
    const settings = retrySettings({ baseDelayMs: 100, maxDelayMs: 1000 });
    // ceiling/2 + random(0.5) * ceiling/2 = 0.75 * ceiling
    expect([0, 1, 2, 3, 4].map((attempt) => retryDelayMs(attempt, settings))).toEqual([75, 150, 300, 600, 750]);
  });
  it("Retry-After in seconds or as an HTTP date, then X-Rate-Limit-Reset", () => {
    expect(serverHintMs(new Headers({ "retry-after": "3" }))).toBe(3000);
    expect(serverHintMs(new Headers({ "retry-after": "Thu, 01 Jan 2026 00:00:05 GMT" }))).toBe(5000);
    expect(serverHintMs(new Headers({ "x-rate-limit-reset": "7" }))).toBe(7000);
    expect(serverHintMs(new Headers({ "x-rate-limit-reset": String(Date.parse("2026-01-01T00:00:09Z") / 1000) }))).toBe(
      9000,
    );
    expect(serverHintMs(new Headers())).toBeUndefined();
  });
  it("a server hint is capped by maxDelayMs", () => {
    expect(retryDelayMs(0, retrySettings({ maxDelayMs: 2000 }), new Headers({ "retry-after": "60" }))).toBe(2000);
  });
});

describe("retrying requests", () => {
  it("waits exactly Retry-After on 429 before trying again", async () => {
    const fake = fakeFetch((_, index) =>
      index === 0 ? json({}, { status: 429, headers: { "retry-after": "2" } }) : json({ ok: true }),
    );
    const done = createTransport({ baseUrl: "http://api.test", fetch: fake.fetch }).send(get);
    await vi.advanceTimersByTimeAsync(1999);
    expect(fake.requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(fake.requests).toHaveLength(2);
    expect((await done).data).toEqual({ ok: true });
  });

  it("backs off exponentially on 503 and gives up after maxRetries with a ServerError", async () => {
    const fake = fakeFetch(() => json({ title: "down" }, { status: 503 }));
    const done = createTransport({
      baseUrl: "http://api.test",
      fetch: fake.fetch,
      retry: { maxRetries: 2, baseDelayMs: 100 },
    })
      .send(get)
      .catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(74);
    expect(fake.requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1); // 75 ms
    expect(fake.requests).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(149);
    expect(fake.requests).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1); // +150 ms
    expect(fake.requests).toHaveLength(3);
    expect(await done).toBeInstanceOf(ServerError);
  });

  it("does not retry POST without an idempotency key", async () => {
    const fake = fakeFetch(() => json({}, { status: 429, headers: { "retry-after": "1" } }));
    const error = await createTransport({ baseUrl: "http://api.test", fetch: fake.fetch })
      .send(post, { body: {} })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect(fake.requests).toHaveLength(1);
  });

  it("retries POST carrying an Idempotency-Key, resending the same body", async () => {
    const fake = fakeFetch((_, index) =>
      index === 0 ? json({}, { status: 503, headers: { "retry-after": "1" } }) : json({ id: 1 }, { status: 201 }),
    );
    const done = createTransport({ baseUrl: "http://api.test", fetch: fake.fetch }).send(
      post,
      { body: { name: "rex" } },
      { idempotencyKey: "k1" },
    );
    await vi.advanceTimersByTimeAsync(1000);
    expect((await done).data).toEqual({ id: 1 });
    expect(fake.requests).toHaveLength(2);
    expect(await fake.requests[1]?.text()).toBe('{"name":"rex"}');
    expect(fake.requests[1]?.headers.get("idempotency-key")).toBe("k1");
  });

  it("retries network errors for idempotent methods, then reports a NetworkError", async () => {
    const fake = fakeFetch(() => Promise.reject(new TypeError("fetch failed")));
    const done = createTransport({
      baseUrl: "http://api.test",
      fetch: fake.fetch,
      retry: { maxRetries: 1, baseDelayMs: 100 },
    })
      .send(get)
      .catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(75);
    expect(await done).toBeInstanceOf(NetworkError);
    expect(fake.requests).toHaveLength(2);
  });

  it("in a browser: a cross-origin fetch TypeError is not retried, a same-origin one (or offline) is", async () => {
    vi.stubGlobal("location", { origin: "https://app.test" });
    try {
      // A location alone (Deno with --location) is no browser: no CORS, retried as before.
      const fake = fakeFetch(() => Promise.reject(new TypeError("fetch failed")));
      const deno = createTransport({
        baseUrl: "https://api.test",
        fetch: fake.fetch,
        retry: { maxRetries: 1, baseDelayMs: 100 },
      })
        .send(get)
        .catch((e: unknown) => e);
      await vi.advanceTimersByTimeAsync(1000);
      expect([fake.requests.length, ((await deno) as Error).message]).toEqual([
        2,
        "GET https://api.test/things: fetch failed",
      ]);
      vi.stubGlobal("document", {});
      const attempts = async (baseUrl: string) => {
        const fake = fakeFetch(() => Promise.reject(new TypeError("Failed to fetch")));
        const done = createTransport({ baseUrl, fetch: fake.fetch, retry: { maxRetries: 2, baseDelayMs: 100 } })
          .send(get)
          .catch((e: unknown) => e);
        await vi.advanceTimersByTimeAsync(1000);
        return { error: (await done) as NetworkError, requests: fake.requests.length };
      };
      const cross = await attempts("https://api.test/v1");
      expect(cross.requests).toBe(1);
      expect(cross.error.message).toMatch(
        /from https:\/\/app\.test: most likely the API does not allow that origin \(CORS.*the base URL https:\/\/api\.test\/v1 is wrong; not retried/,
      );
      const same = await attempts("https://app.test/v1");
      expect(same.requests).toBe(3);
      expect(same.error.message).toContain(
        "the server at https://app.test/v1 could not be reached (is the base URL right?)",
      );
      vi.stubGlobal("navigator", { onLine: false });
      const offline = await attempts("https://api.test/v1");
      expect([offline.requests, offline.error.message]).toEqual([
        3,
        "GET https://api.test/v1/things: Failed to fetch (the browser is offline)",
      ]);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it("times out an attempt with a TimeoutError (per call option beats the client's)", async () => {
    const hang = fakeFetch(
      (request) =>
        new Promise<Response>((_, reject) =>
          request.signal.addEventListener("abort", () => reject(request.signal.reason)),
        ),
    );
    const done = createTransport({ baseUrl: "http://api.test", fetch: hang.fetch, timeoutMs: 10_000, retry: false })
      .send(get, {}, { timeoutMs: 500 })
      .catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(500);
    expect(await done).toBeInstanceOf(TimeoutError);
  });

  it("a caller's AbortSignal stops the call, including a pending backoff", async () => {
    const fake = fakeFetch(() => json({}, { status: 503, headers: { "retry-after": "10" } }));
    const controller = new AbortController();
    const done = createTransport({ baseUrl: "http://api.test", fetch: fake.fetch })
      .send(get, {}, { signal: controller.signal })
      .catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(100);
    controller.abort(new Error("user gave up"));
    expect(((await done) as Error).message).toBe("user gave up");
    expect(fake.requests).toHaveLength(1);
  });
});

describe("hooks and tracing headers", () => {
  it("passes X-Request-Id and traceparent through and runs hooks around each attempt", async () => {
    vi.useRealTimers();
    const seen: string[] = [];
    const fake = fakeFetch(() => json({}));
    await createTransport({
      baseUrl: "http://api.test",
      fetch: fake.fetch,
      onRequest: (request) => {
        seen.push(`before ${request.method} ${request.headers.get("x-request-id")}`);
        const signed = new Request(request);
        signed.headers.set("x-signature", "sig");
        return signed;
      },
      onResponse: (response) => void seen.push(`after ${response.status}`),
    }).send(get, {}, { requestId: "r1", traceparent: "00-abc-def-01" });
    expect(seen).toEqual(["before GET r1", "after 200"]);
    expect(fake.requests[0]?.headers.get("traceparent")).toBe("00-abc-def-01");
    expect(fake.requests[0]?.headers.get("x-signature")).toBe("sig");
  });
});
