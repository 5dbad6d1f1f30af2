import { describe, expect, it } from "vitest";
import {
  ApiError,
  BadRequestError,
  ConflictError,
  ForbiddenError,
  InvalidParameterError,
  NetworkError,
  NotFoundError,
  RateLimitError,
  ServerError,
  UnauthorizedError,
  UnprocessableEntityError,
} from "../../templates/runtime/client/errors.js";
import { createTransport } from "../../templates/runtime/client/transport.js";
import { fakeFetch, json } from "./fake-fetch.js";

const get = { method: "GET", path: "/things" };

async function failure(status: number, headers: Record<string, string> = {}): Promise<unknown> {
  const fake = fakeFetch(() =>
    json(
      { title: "Nope", status, detail: "because", errors: [{ field: "a", code: "x", message: "m" }] },
      { status, headers },
    ),
  );
  const transport = createTransport({ baseUrl: "http://api.test", fetch: fake.fetch, retry: false });
  return transport.send(get).then(
    () => "resolved",
    (error: unknown) => error,
  );
}

describe("error mapping", () => {
  it.each([
    [400, BadRequestError],
    [401, UnauthorizedError],
    [403, ForbiddenError],
    [404, NotFoundError],
    [409, ConflictError],
    [422, UnprocessableEntityError],
    [429, RateLimitError],
    [500, ServerError],
    [503, ServerError],
  ])("status %i throws %o", async (status, Class) => {
    const error = await failure(status);
    expect(error).toBeInstanceOf(Class);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(status);
  });

  it("carries headers, request id and the parsed problem", async () => {
    const error = (await failure(422, { "x-request-id": "req-42", "x-extra": "1" })) as ApiError<{
      errors: { field: string }[];
    }>;
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

  it("a NetworkError's message names the URL without its query (which may carry an API key)", async () => {
    const schemes = { key: { type: "apiKey", in: "query", name: "api_key" } } as const;
    const transport = createTransport(
      {
        baseUrl: "http://api.test",
        fetch: () => Promise.reject(new TypeError("fetch failed")),
        retry: false,
        auth: { apiKey: "secret-key" },
      },
      schemes,
    );
    const error = (await transport.send({ ...get, security: [["key"]] }).catch((e: unknown) => e)) as NetworkError;
    expect(error.message).toBe("GET http://api.test/things: fetch failed");
  });

  it("a fetch TypeError becomes a NetworkError with the cause", async () => {
    const cause = new TypeError("fetch failed");
    const transport = createTransport({ baseUrl: "http://api.test", fetch: () => Promise.reject(cause), retry: false });
    const error = (await transport.send(get).catch((e: unknown) => e)) as NetworkError;
    expect(error).toBeInstanceOf(NetworkError);
    expect(error.cause).toBe(cause);
  });
});

describe("input that cannot be sent is refused before any request", () => {
  const remove = {
    method: "DELETE",
    path: "/v1/things/{thing_id}",
    params: [
      ["path", "thing_id"],
      ["header", "X-Trace"],
    ] as const,
  };
  const attempt = async (input: object, options: object = {}, clientHeaders: Record<string, string> = {}) => {
    const fake = fakeFetch(() => new Response(null, { status: 204 }));
    const transport = createTransport({ baseUrl: "https://api.test", fetch: fake.fetch, headers: clientHeaders });
    const error = await transport.send(remove, input, options).then(
      () => undefined,
      (e: unknown) => e,
    );
    return { error, sent: fake.requests.map((r) => `${r.method} ${r.url}`) };
  };

  it("a path value of .. (which would send DELETE /v1/)", async () => {
    const { error, sent } = await attempt({ thing_id: ".." });
    expect(error).toBeInstanceOf(InvalidParameterError);
    expect(error).toMatchObject({ parameter: "thing_id" });
    expect(sent).toEqual([]);
  });

  it("a missing path parameter", async () => {
    const { error, sent } = await attempt({});
    expect(error).toMatchObject({ name: "InvalidParameterError", parameter: "thing_id" });
    expect(sent).toEqual([]);
  });

  it("a header parameter, option or client header with CR/LF, naming it", async () => {
    for (const [input, options, headers, named] of [
      [{ thing_id: "t", "X-Trace": "a\r\nX-Injected: 1" }, {}, {}, "X-Trace"],
      [{ thing_id: "t" }, { requestId: "r\n1" }, {}, "x-request-id"],
      [{ thing_id: "t" }, { headers: { "X-Tenant": "a\rb" } }, {}, "X-Tenant"],
      [{ thing_id: "t" }, {}, { "X-Tenant": "\u2028" }, "X-Tenant"],
    ] as const) {
      const { error, sent } = await attempt(input, options, headers);
      expect(error).toBeInstanceOf(InvalidParameterError);
      expect((error as InvalidParameterError).parameter).toBe(named);
      expect((error as Error).message).toContain(named);
      expect(sent).toEqual([]);
    }
  });

  it("a value with / ? # stays inside its segment", async () => {
    const { sent } = await attempt({ thing_id: "a/../b?c#d" });
    expect(sent).toEqual(["DELETE https://api.test/v1/things/a%2F..%2Fb%3Fc%23d"]);
  });
});
