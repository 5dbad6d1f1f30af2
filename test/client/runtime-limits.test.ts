import { describe, expect, it, vi } from "vitest";
import {
  RateLimitError,
  ResponseTooLargeError,
  ServerError,
  TimeoutError,
} from "../../templates/runtime/client/errors.js";
import { createTransport, type ClientOptions } from "../../templates/runtime/client/transport.js";
import { fakeFetch, json, useFakeClock } from "./fake-fetch.js";

const get = { method: "GET", path: "/things" };

/** A body of `total` bytes in `chunkSize`-byte chunks; counts what was pulled and whether it was cancelled. */
function chunkedBody(chunkSize: number, total: number) {
  const stats = { pulled: 0, cancelled: false };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (stats.pulled * chunkSize >= total) return controller.close();
      stats.pulled++;
      controller.enqueue(new Uint8Array(chunkSize).fill(0x61));
    },
    cancel() {
      stats.cancelled = true;
    },
  });
  return { stream, stats };
}

const transportFor = (respond: () => Response | Promise<Response>, options: Omit<ClientOptions, "fetch"> = {}) => {
  const fake = fakeFetch(respond);
  return {
    fake,
    transport: createTransport({ baseUrl: "http://api.test", retry: false, ...options, fetch: fake.fetch }),
  };
};

/** Records when a promise settles, so fake-timer tests can ask "settled yet?" without waiting on it. */
function track(promise: Promise<unknown>) {
  const state: { settled: boolean; outcome?: unknown } = { settled: false };
  promise.then(
    (value) => Object.assign(state, { settled: true, outcome: value }),
    (error: unknown) => Object.assign(state, { settled: true, outcome: error }),
  );
  return state;
}

const hangingFetch = (request: Request) =>
  new Promise<Response>((_, reject) => request.signal.addEventListener("abort", () => reject(request.signal.reason)));

describe("response size limit (maxResponseBytes)", () => {
  it("refuses a body whose Content-Length is over the limit (default 64 MiB) before reading it", async () => {
    const body = chunkedBody(65_536, 4 * 2 ** 20);
    const { transport } = transportFor(
      () =>
        new Response(body.stream, { headers: { "content-type": "application/json", "content-length": "3000000000" } }),
    );
    const error = await transport.send(get).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    expect((error as Error).message).toContain(String(64 * 2 ** 20));
    expect(body.stats.cancelled).toBe(true);
    expect(body.stats.pulled).toBeLessThanOrEqual(1);
  });

  it("stops reading a body without Content-Length once it passes the limit, and cancels the stream", async () => {
    const body = chunkedBody(1000, 100_000);
    const { transport } = transportFor(
      () => new Response(body.stream, { headers: { "content-type": "application/octet-stream" } }),
      { maxResponseBytes: 10_000 },
    );
    expect(await transport.send(get).catch((e: unknown) => e)).toBeInstanceOf(ResponseTooLargeError);
    expect(body.stats.cancelled).toBe(true);
    expect(body.stats.pulled).toBeLessThanOrEqual(12);
  });

  it("accepts a body of exactly the limit; a call may raise the client's limit", async () => {
    const exact = transportFor(
      () => new Response(chunkedBody(1000, 10_000).stream, { headers: { "content-type": "text/plain" } }),
      { maxResponseBytes: 10_000 },
    );
    expect(((await exact.transport.send(get)).data as string).length).toBe(10_000);
    const raised = transportFor(
      () => new Response(chunkedBody(1000, 20_000).stream, { headers: { "content-type": "application/octet-stream" } }),
      { maxResponseBytes: 10_000 },
    );
    expect(((await raised.transport.send(get, {}, { maxResponseBytes: 20_000 })).data as Blob).size).toBe(20_000);
  });

  it("an error response over the limit is still the ApiError of its status, without the problem body", async () => {
    const body = chunkedBody(1000, 100_000);
    const { transport } = transportFor(
      () => new Response(body.stream, { status: 500, headers: { "content-type": "application/problem+json" } }),
      { maxResponseBytes: 5000 },
    );
    const error = await transport.send(get).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServerError);
    expect((error as ServerError).problem).toBeUndefined();
    expect(body.stats.cancelled).toBe(true);
  });
});

describe("deadline (timeoutMs)", () => {
  useFakeClock();

  it("a server that never answers fails the call after 60 s by default", async () => {
    const call = track(createTransport({ baseUrl: "http://api.test", fetch: fakeFetch(hangingFetch).fetch }).send(get));
    await vi.advanceTimersByTimeAsync(59_999);
    expect(call.settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(call.outcome).toBeInstanceOf(TimeoutError);
  });

  it("timeoutMs 0 or Infinity means no deadline", async () => {
    for (const timeoutMs of [0, Infinity]) {
      const controller = new AbortController();
      const call = track(
        createTransport({ baseUrl: "http://api.test", fetch: fakeFetch(hangingFetch).fetch, timeoutMs }).send(
          get,
          {},
          { signal: controller.signal },
        ),
      );
      await vi.advanceTimersByTimeAsync(24 * 3600_000);
      expect(call.settled).toBe(false);
      controller.abort(new Error("stop"));
      await vi.advanceTimersByTimeAsync(0);
      expect((call.outcome as Error).message).toBe("stop");
    }
  });

  it("covers every attempt and wait: the retry after a 503 shares the call's deadline", async () => {
    const fake = fakeFetch((request, index) => (index === 0 ? json({}, { status: 503 }) : hangingFetch(request)));
    const call = track(
      createTransport({ baseUrl: "http://api.test", fetch: fake.fetch, retry: { baseDelayMs: 300 } }).send(
        get,
        {},
        { timeoutMs: 1000 },
      ),
    );
    await vi.advanceTimersByTimeAsync(999);
    expect(fake.requests).toHaveLength(2);
    expect(call.settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(call.outcome).toBeInstanceOf(TimeoutError);
    expect(fake.requests).toHaveLength(2);
  });

  it("covers a body that stops arriving after the headers", async () => {
    // Like fetch, the fake errors the body stream when the request's signal aborts.
    const fake = fakeFetch((request) => {
      const stalled = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new Uint8Array(10));
          request.signal.addEventListener("abort", () => controller.error(request.signal.reason));
        },
      });
      return new Response(stalled, { headers: { "content-type": "application/json" } });
    });
    const call = track(createTransport({ baseUrl: "http://api.test", fetch: fake.fetch, timeoutMs: 500 }).send(get));
    await vi.advanceTimersByTimeAsync(500);
    expect(call.outcome).toBeInstanceOf(TimeoutError);
  });

  it("a Retry-After past the deadline gives up at once with the ApiError that asked for it", async () => {
    const fake = fakeFetch(() => json({ title: "slow down" }, { status: 429, headers: { "retry-after": "60" } }));
    const call = track(
      createTransport({ baseUrl: "http://api.test", fetch: fake.fetch }).send(get, {}, { timeoutMs: 100 }),
    );
    await vi.advanceTimersByTimeAsync(0);
    expect(call.outcome).toBeInstanceOf(RateLimitError);
    expect((call.outcome as RateLimitError).headers.get("retry-after")).toBe("60");
    expect(fake.requests).toHaveLength(1);
  });

  it("a Retry-After within the deadline is still honoured", async () => {
    const fake = fakeFetch((_, index) =>
      index === 0 ? json({}, { status: 429, headers: { "retry-after": "2" } }) : json({ ok: true }),
    );
    const call = track(createTransport({ baseUrl: "http://api.test", fetch: fake.fetch, timeoutMs: 5000 }).send(get));
    await vi.advanceTimersByTimeAsync(2000);
    expect(call.outcome).toMatchObject({ data: { ok: true } });
    expect(fake.requests).toHaveLength(2);
  });
});
