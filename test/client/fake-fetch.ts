// A recording fetch for runtime unit tests: answers each Request with the handler's Response.
import { afterEach, beforeEach, vi } from "vitest";
export interface FakeFetch {
  fetch: (request: Request) => Promise<Response>;
  requests: Request[];
}

export function fakeFetch(handler: (request: Request, index: number) => Response | Promise<Response>): FakeFetch {
  const requests: Request[] = [];
  return {
    requests,
    fetch: async (request) => {
      requests.push(request);
      return handler(request, requests.length - 1);
    },
  };
}

export function json(body: unknown, init: { status?: number; headers?: Record<string, string> } = {}): Response {
  const contentType = (init.status ?? 200) >= 400 ? "application/problem+json" : "application/json";
  return new Response(JSON.stringify(body), {
    status: init.status ?? 200,
    headers: { "content-type": contentType, ...init.headers },
  });
}

/** Fake timers from 2026-01-01T00:00:00Z and Math.random fixed at 0.5 (backoff jitter) around each test of the caller. */
export function useFakeClock(): void {
  beforeEach(() => {
    vi.useFakeTimers({ now: new Date("2026-01-01T00:00:00Z") });
    vi.spyOn(Math, "random").mockReturnValue(0.5);
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });
}
