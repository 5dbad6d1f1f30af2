import { describe, expect, it } from "vitest";
import type { SecuritySchemeSpec } from "../../templates/runtime/client/auth.js";
import { ApiError } from "../../templates/runtime/client/errors.js";
import { createTransport, type ClientOptions, type OperationSpec } from "../../templates/runtime/client/transport.js";
import { fakeFetch, json } from "./fake-fetch.js";

const schemes: Record<string, SecuritySchemeSpec> = {
  bearer: { type: "bearer" },
  headerKey: { type: "apiKey", in: "header", name: "X-Api-Key" },
  queryKey: { type: "apiKey", in: "query", name: "api_key" },
  cookieKey: { type: "apiKey", in: "cookie", name: "sid" },
};
const everyCredential = [["bearer", "headerKey", "queryKey", "cookieKey"]];
const auth: ClientOptions["auth"] = { bearer: "b", apiKey: { headerKey: "h", queryKey: "q", cookieKey: "c" } };
const get: OperationSpec = { method: "GET", path: "/things", security: everyCredential };
const post: OperationSpec = { method: "POST", path: "/things", body: "application/json", security: everyCredential };

const redirect = (status: number, location: string) => new Response(null, { status, headers: { location } });

/** Answers the first requests with `hops`, then 200. */
function redirecting(hops: Response[], options: Partial<ClientOptions> = {}) {
  const fake = fakeFetch((_, index) => hops[index] ?? json({ done: true }));
  const transport = createTransport(
    {
      baseUrl: "https://api.test",
      auth,
      headers: { "Proxy-Authorization": "Basic p", "X-Other": "kept" },
      ...options,
      fetch: fake.fetch,
    },
    schemes,
  );
  return { fake, transport };
}

const credentials = (request: Request | undefined) => ({
  authorization: request?.headers.get("authorization"),
  apiKey: request?.headers.get("x-api-key"),
  cookie: request?.headers.get("cookie"),
  proxy: request?.headers.get("proxy-authorization"),
  queryKey: request && new URL(request.url).searchParams.get("api_key"),
});

describe("redirects are followed by hand", () => {
  it("asks fetch not to follow redirects itself, even for a Request the onRequest hook replaced", async () => {
    const { fake, transport } = redirecting([], {
      onRequest: (request) => new Request(request.url, { headers: request.headers }),
    });
    await transport.send(get);
    expect(fake.requests[0]?.redirect).toBe("manual");
  });

  it("drops every credential when a redirect leaves the origin, and keeps other headers", async () => {
    const { fake, transport } = redirecting([redirect(302, "https://elsewhere.test/landing?api_key=echoed&x=1")]);
    expect((await transport.send(get)).data).toEqual({ done: true });
    expect(fake.requests.map((r) => r.url)).toEqual([
      "https://api.test/things?api_key=q",
      "https://elsewhere.test/landing?x=1",
    ]);
    expect(credentials(fake.requests[0])).toEqual({
      authorization: "Bearer b",
      apiKey: "h",
      cookie: "sid=c",
      proxy: "Basic p",
      queryKey: "q",
    });
    expect(credentials(fake.requests[1])).toEqual({
      authorization: null,
      apiKey: null,
      cookie: null,
      proxy: null,
      queryKey: null,
    });
    expect(fake.requests[1]?.headers.get("x-other")).toBe("kept");
  });

  it("keeps credentials on a redirect within the origin (relative Location)", async () => {
    const { fake, transport } = redirecting([redirect(301, "/things/")]);
    await transport.send(get);
    expect(fake.requests[1]?.url).toBe("https://api.test/things/");
    expect(credentials(fake.requests[1])).toMatchObject({
      authorization: "Bearer b",
      apiKey: "h",
      cookie: "sid=c",
      proxy: "Basic p",
    });
  });

  it("does not give credentials back when a later hop returns to the origin", async () => {
    const { fake, transport } = redirecting([
      redirect(302, "https://elsewhere.test/x"),
      redirect(302, "https://api.test/back"),
    ]);
    await transport.send(get);
    expect(credentials(fake.requests[2])).toMatchObject({ authorization: null, apiKey: null, cookie: null });
  });

  it("treats a change of scheme or port as another origin", async () => {
    for (const location of ["http://api.test/things", "https://api.test:8443/things"]) {
      const { fake, transport } = redirecting([redirect(307, location)]);
      await transport.send(get);
      expect(credentials(fake.requests[1])).toMatchObject({ authorization: null, apiKey: null });
    }
  });

  it("303 turns POST into a GET without body; 307 and 308 resend method and body", async () => {
    const seeOther = redirecting([redirect(303, "/status/1")]);
    await seeOther.transport.send(post, { body: { name: "rex" } });
    const second = seeOther.fake.requests[1];
    expect([second?.method, second?.headers.get("content-type"), await second?.text()]).toEqual(["GET", null, ""]);

    for (const status of [307, 308]) {
      const temporary = redirecting([redirect(status, "/v2/things")]);
      await temporary.transport.send(post, { body: { name: "rex" } });
      const resent = temporary.fake.requests[1];
      expect([resent?.method, resent?.headers.get("content-type"), await resent?.text()]).toEqual([
        "POST",
        "application/json",
        '{"name":"rex"}',
      ]);
    }
  });

  it("301 and 302 turn only POST into GET (RFC 9110 §15.4.2-3, as fetch does)", async () => {
    const moved = redirecting([redirect(301, "/moved")]);
    await moved.transport.send(post, { body: {} });
    expect(moved.fake.requests[1]?.method).toBe("GET");
    const found = redirecting([redirect(302, "/found")]);
    await found.transport.send({ method: "PUT", path: "/things", body: "application/json" }, { body: { a: 1 } });
    expect([found.fake.requests[1]?.method, await found.fake.requests[1]?.text()]).toEqual(["PUT", '{"a":1}']);
  });

  it("stops after maxRedirects hops (default 5): the last redirect is thrown as an ApiError", async () => {
    const loop = redirecting(Array.from({ length: 10 }, (_, i) => redirect(302, `/hop/${i}`)));
    const error = await loop.transport.send(get).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(302);
    expect(loop.fake.requests).toHaveLength(6);

    const none = redirecting([redirect(302, "/elsewhere")], { maxRedirects: 0 });
    expect(await none.transport.send(get).catch((e: unknown) => (e as ApiError).status)).toBe(302);
    expect(none.fake.requests).toHaveLength(1);
  });

  it("hooks see every hop, and a hook that reads a redirect's body does not stop the redirect", async () => {
    const seen: string[] = [];
    const { fake, transport } = redirecting([new Response("moved", { status: 302, headers: { location: "/next" } })], {
      onRequest: (request) => void seen.push(`request ${new URL(request.url).pathname}`),
      // Reads the redirect's own body, but only a clone of the final one (the client still has to read that).
      onResponse: async (response) =>
        void seen.push(
          `response ${response.status} ${await (response.status === 302 ? response : response.clone()).text()}`,
        ),
    });
    expect((await transport.send(get)).data).toEqual({ done: true });
    expect(seen).toEqual(["request /things", "response 302 moved", "request /next", 'response 200 {"done":true}']);
    expect(fake.requests).toHaveLength(2);
  });

  it("does not follow a Location that is not http(s)", async () => {
    const { fake, transport } = redirecting([redirect(302, "data:text/plain,hi")]);
    expect(await transport.send(get).catch((e: unknown) => (e as ApiError).status)).toBe(302);
    expect(fake.requests).toHaveLength(1);
  });

  it("in a browser (opaque redirect), resends once with redirect: follow, without the API-key header", async () => {
    // What a browser returns for redirect: "manual": status 0, type "opaqueredirect", no headers.
    const opaque = Object.defineProperties(new Response(null), {
      type: { value: "opaqueredirect" },
      status: { value: 0 },
      ok: { value: false },
    });
    const { fake, transport } = redirecting([opaque]);
    expect((await transport.send(get)).data).toEqual({ done: true });
    expect(fake.requests.map((r) => r.redirect)).toEqual(["manual", "follow"]);
    // Authorization is left to the browser, which drops it across origins (Fetch Standard, HTTP-redirect fetch).
    expect(credentials(fake.requests[1])).toMatchObject({ authorization: "Bearer b", apiKey: null });
  });
});
