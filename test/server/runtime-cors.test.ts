// CORS as the router configures it: the allow list checked at startup, preflights for unknown paths answered,
// and the exposed headers (WWW-Authenticate among them, none twice).
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildRouter } from "../../templates/runtime/server/index.js";
import type { ApiDescription, CorsOptions, OperationSpec } from "../../templates/runtime/server/index.js";
import { listen } from "./listen.js";

const ping: OperationSpec = {
  id: "ping",
  method: "get",
  path: "/ping",
  params: { path: [], query: [], header: [], cookie: [] },
  validate: {},
  body: null,
  invalidBodyStatus: 400,
  security: [],
  paging: null,
  responses: { "200": "application/json" },
};
// "Location" is documented by the spec too, in another case: it must still be exposed once.
const api: ApiDescription = {
  basePath: "/v1",
  operations: [ping],
  schemes: {},
  requestHeaders: [],
  responseHeaders: ["location", "X-Trace"],
};
const handlers = { ping: () => ({ status: 200, body: { ok: true } }) };
const router = (cors: CorsOptions) => buildRouter(api, handlers, { cors });

describe("CORS allow list, checked when the router is built", () => {
  it("normalises a trailing slash, upper case and a default port to the origin a browser sends", async () => {
    const app = express().use(router({ origins: ["HTTPS://Docs.Example.COM/", "https://app.example.com:443"] }));
    const server = await listen(app);
    try {
      for (const origin of ["https://docs.example.com", "https://app.example.com"]) {
        const response = await fetch(`${server.url}/v1/ping`, { headers: { origin } });
        expect(response.headers.get("access-control-allow-origin")).toBe(origin);
      }
    } finally {
      await server.close();
    }
  });

  it.each([
    [{ origins: "*", credentials: true } as const, /"\*" cannot be combined with cors\.credentials/],
    [{ origins: ["*"] }, /lists "\*"; pass origins: "\*"/],
    [
      { origins: ["docs.example.com"] },
      /"docs\.example\.com", which is not an origin; an origin is scheme:\/\/host\[:port\]/,
    ],
    [{ origins: ["https://docs.example.com/app"] }, /"https:\/\/docs\.example\.com\/app", which is not an origin/],
    [{ origins: ["https://docs.example.com?x=1"] }, /not an origin/],
  ])("refuses %j at startup, naming the value", (cors, message) => {
    expect(() => router(cors as CorsOptions)).toThrow(message);
  });
});

describe("CORS answers", () => {
  let server: { url: string; close: () => Promise<void> };
  beforeAll(async () => {
    server = await listen(express().use(router({ origins: ["https://docs.example.com"] })));
  });
  afterAll(() => server.close());

  it("answers a preflight for an unknown path with CORS headers; the request itself then gets its 404 with them", async () => {
    const preflight = await fetch(`${server.url}/v1/nowhere`, {
      method: "OPTIONS",
      headers: { origin: "https://docs.example.com", "access-control-request-method": "DELETE" },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe("https://docs.example.com");
    expect(preflight.headers.get("access-control-allow-methods")).toContain("DELETE");
    const actual = await fetch(`${server.url}/v1/nowhere`, {
      method: "DELETE",
      headers: { origin: "https://docs.example.com" },
    });
    expect(actual.status).toBe(404);
    expect(actual.headers.get("access-control-allow-origin")).toBe("https://docs.example.com");
  });

  it("still denies an unknown path's preflight from an origin not on the list, and leaves plain OPTIONS a 404", async () => {
    const denied = await fetch(`${server.url}/v1/nowhere`, {
      method: "OPTIONS",
      headers: { origin: "https://evil.example", "access-control-request-method": "GET" },
    });
    expect(denied.status).toBe(403);
    expect(denied.headers.get("access-control-allow-origin")).toBeNull();
    expect((await fetch(`${server.url}/v1/nowhere`, { method: "OPTIONS" })).status).toBe(404);
  });

  it("exposes WWW-Authenticate and lists no header twice", async () => {
    const response = await fetch(`${server.url}/v1/ping`, { headers: { origin: "https://docs.example.com" } });
    const exposed = (response.headers.get("access-control-expose-headers") ?? "")
      .split(",")
      .map((name) => name.trim().toLowerCase());
    expect(exposed).toContain("www-authenticate");
    expect(exposed).toContain("x-trace");
    expect(exposed.filter((name) => name === "location")).toHaveLength(1);
    expect(new Set(exposed).size).toBe(exposed.length);
  });
});
