import { describe, expect, it } from "vitest";
import type { SecuritySchemeSpec } from "../../templates/runtime/client/auth.js";
import { createTransport, type ClientOptions } from "../../templates/runtime/client/transport.js";
import { fakeFetch, json } from "./fake-fetch.js";

const schemes: Record<string, SecuritySchemeSpec> = {
  bearerAuth: { type: "bearer" },
  basicAuth: { type: "basic" },
  oauth: { type: "oauth2" },
  headerKey: { type: "apiKey", in: "header", name: "X-Api-Key" },
  queryKey: { type: "apiKey", in: "query", name: "api_key" },
  cookieKey: { type: "apiKey", in: "cookie", name: "sid" },
  authorizationKey: { type: "apiKey", in: "header", name: "Authorization" },
  hmac: { type: "http", scheme: "payone-hmac-sha256" },
};

async function sent(security: string[][], options: Omit<ClientOptions, "fetch">): Promise<Request> {
  const fake = fakeFetch(() => json({}));
  await createTransport({ baseUrl: "http://api.test", ...options, fetch: fake.fetch }, schemes).send({
    method: "GET",
    path: "/x",
    security,
  });
  const request = fake.requests[0];
  if (!request) throw new Error("no request sent");
  return request;
}

describe("auth", () => {
  it("bearer token, static or from a callback", async () => {
    expect((await sent([["bearerAuth"]], { auth: { bearer: "t1" } })).headers.get("authorization")).toBe("Bearer t1");
    expect((await sent([["bearerAuth"]], { auth: { bearer: async () => "t2" } })).headers.get("authorization")).toBe(
      "Bearer t2",
    );
  });
  it("basic encodes user:password as UTF-8 base64", async () => {
    const request = await sent([["basicAuth"]], { auth: { basic: { username: "ana", password: "pässword" } } });
    expect(request.headers.get("authorization")).toBe("Basic " + Buffer.from("ana:pässword").toString("base64"));
  });
  it("another HTTP scheme (pay1.de payone-hmac-sha256): Authorization: <scheme> <credentials>, computed per request", async () => {
    expect((await sent([["hmac"]], { auth: { http: () => "c2lnbmVk" } })).headers.get("authorization")).toBe(
      "payone-hmac-sha256 c2lnbmVk",
    );
    expect((await sent([["hmac"]], { auth: { http: { hmac: "x" } } })).headers.get("authorization")).toBe(
      "payone-hmac-sha256 x",
    );
  });
  it("schemes required together that name one query key (fec.gov: two schemes for api_key) send it once", async () => {
    const twin: Record<string, SecuritySchemeSpec> = {
      ...schemes,
      queryKey2: { type: "apiKey", in: "query", name: "api_key" },
      cookieKey2: { type: "apiKey", in: "cookie", name: "sid" },
    };
    const fake = fakeFetch(() => json({}));
    await createTransport({ baseUrl: "http://api.test", auth: { apiKey: "k" }, fetch: fake.fetch }, twin).send({
      method: "GET",
      path: "/x",
      security: [["queryKey", "queryKey2", "cookieKey", "cookieKey2"]],
    });
    expect([
      new URL(fake.requests[0]?.url ?? "").searchParams.getAll("api_key"),
      fake.requests[0]?.headers.get("cookie"),
    ]).toEqual([["k"], "sid=k"]);
  });
  it("a required parameter that is also the API key (Trello `key`) travels once, with the credential", async () => {
    const fake = fakeFetch(() => json({}));
    await createTransport({ baseUrl: "http://api.test", auth: { apiKey: "k" }, fetch: fake.fetch }, schemes).send(
      {
        method: "GET",
        path: "/x",
        params: [
          ["query", "api_key"],
          ["query", "page"],
          ["cookie", "sid"],
        ],
        security: [["queryKey", "cookieKey"]],
      },
      { api_key: "given", page: 2, sid: "given" },
    );
    const url = new URL(fake.requests[0]?.url ?? "");
    expect([
      url.searchParams.getAll("api_key"),
      url.searchParams.get("page"),
      fake.requests[0]?.headers.get("cookie"),
    ]).toEqual([["k"], "2", "sid=k"]);
  });
  it("OAuth2/OIDC access token callback", async () => {
    expect((await sent([["oauth"]], { auth: { accessToken: () => "at" } })).headers.get("authorization")).toBe(
      "Bearer at",
    );
  });
  it("API keys in header, query and cookie, one per scheme", async () => {
    const request = await sent([["headerKey", "queryKey", "cookieKey"]], {
      auth: { apiKey: { headerKey: "h", queryKey: "q&", cookieKey: "c" } },
    });
    expect(request.headers.get("x-api-key")).toBe("h");
    expect(new URL(request.url).searchParams.get("api_key")).toBe("q&");
    expect(request.headers.get("cookie")).toBe("sid=c");
  });
  it("picks the first alternative whose credentials are all configured", async () => {
    const request = await sent([["bearerAuth", "headerKey"], ["queryKey"]], { auth: { apiKey: "k" } });
    expect(request.headers.get("authorization")).toBeNull();
    expect(request.headers.get("x-api-key")).toBeNull();
    expect(new URL(request.url).searchParams.get("api_key")).toBe("k");
  });
  it("schemes required together that write the same header keep the first one's value (azure containerregistry)", async () => {
    const request = await sent([["basicAuth", "authorizationKey"]], {
      auth: { basic: { username: "u", password: "p" }, apiKey: "raw-key" },
    });
    expect(request.headers.get("authorization")).toBe("Basic " + Buffer.from("u:p").toString("base64"));
  });
  it("sends nothing for operations without security", async () => {
    const request = await sent([], { auth: { bearer: "t" } });
    expect(request.headers.get("authorization")).toBeNull();
  });
});
