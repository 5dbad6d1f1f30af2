import { describe, expect, it } from "vitest";
import {
  ApiError, BadRequestError, ConflictError, ForbiddenError, NetworkError, NotFoundError, RateLimitError, ServerError,
  UnauthorizedError, UnprocessableEntityError,
} from "../../templates/runtime/client/errors.js";
import { createTransport } from "../../templates/runtime/client/transport.js";
import { fakeFetch, json } from "./fake-fetch.js";

const get = { method: "GET", path: "/things" };

async function failure(status: number, headers: Record<string, string> = {}): Promise<unknown> {
  const fake = fakeFetch(() => json({ title: "Nope", status, detail: "because", errors: [{ field: "a", code: "x", message: "m" }] }, { status, headers }));
  const transport = createTransport({ baseUrl: "http://api.test", fetch: fake.fetch, retry: false });
  return transport.send(get).then(() => "resolved", (error: unknown) => error);
}

describe("error mapping", () => {
  it.each([
    [400, BadRequestError], [401, UnauthorizedError], [403, ForbiddenError], [404, NotFoundError], [409, ConflictError],
    [422, UnprocessableEntityError], [429, RateLimitError], [500, ServerError], [503, ServerError],
  ])("status %i throws %o", async (status, Class) => {
    const error = await failure(status);
    expect(error).toBeInstanceOf(Class);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(status);
  });

  it("carries headers, request id and the parsed problem", async () => {
    const error = (await failure(422, { "x-request-id": "req-42", "x-extra": "1" })) as ApiError<{ errors: { field: string }[] }>;
    expect(error.requestId).toBe("req-42");
    expect(error.headers.get("x-extra")).toBe("1");
    expect(error.problem.errors[0]?.field).toBe("a");
    expect(error.message).toBe("HTTP 422 Nope: because");
    expect(error.name).toBe("UnprocessableEntityError");
  });

  it("an unmapped status is a plain ApiError", async () => {
    const error = await failure(418);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).not.toBeInstanceOf(BadRequestError);
  });

  it("falls back to the request id the caller sent", async () => {
    const fake = fakeFetch(() => new Response("plain failure", { status: 404 }));
    const transport = createTransport({ baseUrl: "http://api.test", fetch: fake.fetch });
    const error = (await transport.send(get, {}, { requestId: "mine" }).catch((e: unknown) => e)) as ApiError;
    expect(error.requestId).toBe("mine");
    expect(error.problem).toBe("plain failure");
  });

  it("a fetch TypeError becomes a NetworkError with the cause", async () => {
    const cause = new TypeError("fetch failed");
    const transport = createTransport({ baseUrl: "http://api.test", fetch: () => Promise.reject(cause), retry: false });
    const error = (await transport.send(get).catch((e: unknown) => e)) as NetworkError;
    expect(error).toBeInstanceOf(NetworkError);
    expect(error.cause).toBe(cause);
  });
});
