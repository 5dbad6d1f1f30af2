// The runtime on its own: a hand-written API description, validators compiled in-process with ajv.
import { Ajv2020 } from "ajv/dist/2020.js";
import express from "express";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildRouter, HttpProblem } from "../../templates/runtime/server/index.js";
import type { ApiDescription, OperationSpec } from "../../templates/runtime/server/index.js";
import type { AnyHandler } from "../../templates/runtime/server/operation.js";
import type { ValidateFunction } from "../../templates/runtime/server/validation.js";
import { listen } from "./listen.js";

const paramAjv = new Ajv2020({ useDefaults: true, allErrors: true, strict: false });
const bodyAjv = new Ajv2020({ allErrors: true, strict: false });
const compileParams = (schema: object): ValidateFunction => paramAjv.compile(schema) as ValidateFunction;
const compileBody = (schema: object): ValidateFunction => bodyAjv.compile(schema) as ValidateFunction;

const noParams = { path: [], query: [], header: [], cookie: [] };
const petBody = {
  type: "object",
  required: ["name"],
  additionalProperties: false,
  properties: { name: { type: "string", minLength: 1 }, age: { type: "integer", minimum: 0 } },
};

const operations: OperationSpec[] = [
  {
    id: "listPets",
    method: "get",
    path: "/pets",
    params: {
      ...noParams,
      query: [
        { name: "species", style: "form", explode: true, shape: { kind: "scalar", types: ["string"] } },
        { name: "page_size", style: "form", explode: true, shape: { kind: "scalar", types: ["integer"] } },
        { name: "page_token", style: "form", explode: true, shape: { kind: "scalar", types: ["string"] } },
      ],
    },
    validate: {
      query: compileParams({
        type: "object",
        properties: {
          species: { type: "string" },
          page_size: { type: "integer", minimum: 0, maximum: 5 },
          page_token: { type: "string" },
        },
      }),
    },
    body: null,
    invalidBodyStatus: 400,
    security: [],
    paging: { kind: "cursor", tokenParam: "page_token", sizeParam: "page_size", defaultSize: 2, maxSize: 5 },
    responses: { "200": "application/json", "400": "application/problem+json" },
  },
  {
    id: "createPet",
    method: "post",
    path: "/pets",
    params: noParams,
    validate: { bodies: { "application/json": compileBody(petBody) } },
    body: { required: true, mediaTypes: ["application/json"] },
    invalidBodyStatus: 422,
    security: [],
    paging: null,
    responses: { "201": "application/json", "422": "application/problem+json" },
  },
  {
    id: "getPet",
    method: "get",
    path: "/pets/{pet-id}",
    params: {
      ...noParams,
      path: [{ name: "pet-id", style: "simple", explode: false, shape: { kind: "scalar", types: ["integer"] } }],
    },
    validate: {
      path: compileParams({ type: "object", required: ["pet-id"], properties: { "pet-id": { type: "integer" } } }),
    },
    body: null,
    invalidBodyStatus: 400,
    security: [[{ scheme: "bearer", scopes: ["read"] }], [{ scheme: "key", scopes: [] }]],
    paging: null,
    responses: { "200": "application/json", default: "application/problem+json" },
  },
  {
    id: "mine",
    method: "delete",
    path: "/pets/mine",
    params: noParams,
    validate: {},
    body: null,
    invalidBodyStatus: 400,
    security: [],
    paging: null,
    responses: { "204": null },
  },
  {
    id: "listToys",
    method: "get",
    path: "/toys",
    params: {
      ...noParams,
      query: [
        { name: "offset", style: "form", explode: true, shape: { kind: "scalar", types: ["integer"] } },
        { name: "limit", style: "form", explode: true, shape: { kind: "scalar", types: ["integer"] } },
      ],
    },
    validate: {
      query: compileParams({
        type: "object",
        properties: {
          offset: { type: "integer", minimum: 0, default: 0 },
          limit: { type: "integer", minimum: 1, maximum: 10, default: 2 },
        },
      }),
    },
    body: null,
    invalidBodyStatus: 400,
    security: [],
    paging: {
      kind: "offset",
      offsetParam: "offset",
      limitParam: "limit",
      defaultSize: 2,
      maxSize: 10,
      itemsField: ["items"],
      totalField: ["total_size"],
      linkHeader: true,
    },
    responses: { "200": "application/json" },
  },
  {
    id: "whoami",
    method: "get",
    path: "/me",
    params: {
      ...noParams,
      cookie: [{ name: "session", style: "form", explode: true, shape: { kind: "scalar", types: ["string"] } }],
    },
    validate: {
      cookie: compileParams({
        type: "object",
        required: ["session"],
        properties: { session: { type: "string", minLength: 3 } },
      }),
    },
    body: null,
    invalidBodyStatus: 400,
    security: [[{ scheme: "basic", scopes: [] }]],
    paging: null,
    responses: { "200": "application/json" },
  },
  {
    id: "limited",
    method: "get",
    path: "/limited",
    params: noParams,
    validate: {},
    body: null,
    invalidBodyStatus: 400,
    security: [],
    paging: null,
    responses: { "429": "application/problem+json" },
  },
];

const api: ApiDescription = {
  basePath: "/v1",
  operations,
  schemes: {
    basic: { kind: "basic", name: "basic" },
    bearer: { kind: "bearer", name: "bearer" },
    key: { kind: "api-key", name: "key", in: "header", paramName: "X-Api-Key" },
  },
  requestHeaders: ["X-Api-Key"],
  responseHeaders: [],
};

const pets = ["a", "b", "c", "d", "e"].map((name, i) => ({ id: i + 1, name, species: i % 2 === 0 ? "cat" : "dog" }));
const logged: unknown[] = [];
const handlers: Record<string, AnyHandler> = {
  listPets: ({ query, page }) => {
    const species = (query as { species?: string }).species;
    const cursor = page as { size: number; position: unknown; next(p: number): string };
    const matching = pets.filter((pet) => species === undefined || pet.species === species);
    const start = typeof cursor.position === "number" ? cursor.position : 0;
    const items = matching.slice(start, start + cursor.size);
    const more = start + cursor.size < matching.length;
    return { status: 200, body: { items, next_page_token: more ? cursor.next(start + cursor.size) : "" } };
  },
  createPet: ({ body }) => {
    const pet = body as { name: string };
    if (pet.name === "boom") throw new Error("database exploded at /srv/app/db.ts:12");
    if (pet.name === "taken") throw new HttpProblem(409, "conflict", "That name is taken.");
    return { status: 201, body: { id: 9, ...pet }, location: "/v1/pets/9" };
  },
  getPet: ({ params, auth }) => ({ status: 200, body: { id: (params as { "pet-id": number })["pet-id"], auth } }),
  mine: () => ({ status: 204 }),
  whoami: ({ auth, cookies }) => ({ status: 200, body: { auth: (auth as { principal: unknown }).principal, cookies } }),
  listToys: ({ page }) => {
    const { offset, limit } = page as { offset: number; limit: number };
    return {
      status: 200,
      body: {
        items: Array.from({ length: Math.max(0, Math.min(limit, 5 - offset)) }, (_, i) => offset + i),
        total_size: 5,
      },
    };
  },
  limited: () => ({
    status: 429,
    body: { type: "about:blank", title: "Too Many Requests", status: 429, code: "rate_limited" },
    retryAfter: 30,
    rateLimit: { limit: 100, remaining: 0, reset: 30 },
  }),
};

let server: { url: string; close: () => Promise<void> };

beforeAll(async () => {
  const app = express();
  app.use(
    buildRouter(api, handlers, {
      pageTokenSecret: "s".repeat(32),
      bodyLimit: 1024,
      cors: { origins: ["https://docs.example.com"] },
      logger: { error: (_message, details) => logged.push(details) },
      security: {
        bearer: (credential, { scopes }) =>
          credential.kind === "bearer" && credential.token === "good"
            ? { user: "ann", scopes }
            : credential.kind === "bearer" && credential.token === "weak"
              ? "forbidden"
              : null,
        basic: (credential) =>
          credential.kind === "basic" && credential.username === "ann" && credential.password === "p:w"
            ? { user: "ann" }
            : null,
        key: (credential) => (credential.kind === "api-key" && credential.key === "k1" ? { user: "bot" } : null),
      },
    }),
  );
  server = await listen(app);
});
afterAll(() => server.close());

async function call(path: string, init: RequestInit = {}): Promise<{ status: number; headers: Headers; body: any }> {
  const response = await fetch(server.url + path, init);
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text === "" ? undefined : JSON.parse(text) };
}
const postJson = (body: string, headers: Record<string, string> = {}): RequestInit => ({
  method: "POST",
  body,
  headers: { "content-type": "application/json", ...headers },
});

describe("server runtime", () => {
  it("pages through every item with signed tokens, default and capped page sizes", async () => {
    const seen: string[] = [];
    let token = "";
    do {
      const page = await call(`/v1/pets?species=cat${token === "" ? "" : `&page_token=${token}`}`);
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.items.map((pet: { name: string }) => pet.name));
      token = page.body.next_page_token;
    } while (token !== "");
    expect(seen).toEqual(["a", "c", "e"]);
    expect((await call("/v1/pets?page_size=5")).body.items).toHaveLength(5);
    const tooBig = await call("/v1/pets?page_size=6");
    expect(tooBig.status).toBe(400);
    expect(tooBig.body.errors[0]).toMatchObject({ field: "query.page_size", code: "too_large" });
  });

  it("rejects tampered tokens and tokens reused with other filters", async () => {
    const first = await call("/v1/pets?species=cat");
    const token: string = first.body.next_page_token;
    const reused = await call(`/v1/pets?species=dog&page_token=${token}`);
    expect(reused.status).toBe(400);
    expect(reused.headers.get("content-type")).toContain("application/problem+json");
    expect(reused.body).toMatchObject({
      status: 400,
      code: "invalid_page_token",
      errors: [{ field: "query.page_token" }],
    });
    const tampered = await call(`/v1/pets?species=cat&page_token=${token.slice(0, -2)}AA`);
    expect(tampered.status).toBe(400);
    expect(tampered.body.code).toBe("invalid_page_token");
  });

  it("creates with 201 + Location, validates bodies with 422 where documented", async () => {
    const created = await call("/v1/pets", postJson('{"name":"rex","age":2}'));
    expect(created.status).toBe(201);
    expect(created.headers.get("location")).toBe("/v1/pets/9");
    const invalid = await call("/v1/pets", postJson('{"age":"two","colour":"red"}'));
    expect(invalid.status).toBe(422);
    expect(invalid.body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: "name", code: "missing_field" }),
        expect.objectContaining({ field: "age", code: "invalid_type" }),
        expect.objectContaining({ field: "colour", code: "unknown_field" }),
      ]),
    );
  });

  it("answers malformed JSON 400, oversized 413, wrong media type 415, missing body 400", async () => {
    const malformed = await call("/v1/pets", postJson('{"name":'));
    expect([malformed.status, malformed.body.code]).toEqual([400, "malformed_json"]);
    const big = await call("/v1/pets", postJson(JSON.stringify({ name: "x".repeat(2000) })));
    expect([big.status, big.body.code]).toEqual([413, "payload_too_large"]);
    const form = await call("/v1/pets", {
      method: "POST",
      body: "name=rex",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect([form.status, form.body.code]).toEqual([415, "unsupported_media_type"]);
    const empty = await call("/v1/pets", { method: "POST" });
    expect(empty.status).toBe(400);
    expect(empty.body.errors[0]).toMatchObject({ field: "body", code: "missing_body" });
  });

  it("hides thrown errors behind a 500 problem, logged with the request id; passes HttpProblems through", async () => {
    const failed = await call("/v1/pets", postJson('{"name":"boom"}', { "x-request-id": "req-123" }));
    expect(failed.status).toBe(500);
    expect(failed.headers.get("x-request-id")).toBe("req-123");
    expect(JSON.stringify(failed.body)).not.toMatch(/db\.ts|exploded|at /);
    expect(logged).toContainEqual(expect.objectContaining({ requestId: "req-123" }));
    const conflict = await call("/v1/pets", postJson('{"name":"taken"}'));
    expect([conflict.status, conflict.body.code]).toEqual([409, "conflict"]);
  });

  it("routes concrete paths first, falls through to templated ones on other methods, 405 with every Allow, 404 under the base path only", async () => {
    expect((await call("/v1/pets/mine", { method: "DELETE" })).status).toBe(204);
    // GET is not declared on /pets/mine: the request falls through to /pets/{pet-id} (which needs credentials).
    expect((await call("/v1/pets/mine", { method: "GET" })).status).toBe(401);
    const wrong = await call("/v1/pets/mine", { method: "PATCH" });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get("allow")).toBe("DELETE, GET, HEAD, OPTIONS");
    const put = await call("/v1/pets", { method: "PUT" });
    expect([put.status, put.headers.get("allow")]).toEqual([405, "GET, HEAD, OPTIONS, POST"]);
    const badEncoding = await call("/v1/pets/%E0%A4%A");
    expect([badEncoding.status, badEncoding.body.code]).toEqual([400, "bad_request"]);
    const unknown = await call("/v1/nothing/here");
    expect([unknown.status, unknown.body.code]).toEqual([404, "not_found"]);
    expect((await fetch(`${server.url}/elsewhere`)).headers.get("content-type")).not.toContain("problem");
  });

  it("checks security before the handler: 401 missing or rejected, 403 forbidden, any alternative passes", async () => {
    const missing = await call("/v1/pets/3");
    expect([missing.status, missing.body.code, missing.headers.get("www-authenticate")]).toEqual([
      401,
      "unauthenticated",
      "Bearer",
    ]);
    expect((await call("/v1/pets/3", { headers: { authorization: "Bearer bad" } })).status).toBe(401);
    expect((await call("/v1/pets/3", { headers: { authorization: "Bearer weak" } })).status).toBe(403);
    const ok = await call("/v1/pets/3", { headers: { authorization: "Bearer good" } });
    expect(ok.body).toEqual({
      id: 3,
      auth: { principal: { user: "ann", scopes: ["read"] }, schemes: { bearer: { user: "ann", scopes: ["read"] } } },
    });
    expect((await call("/v1/pets/3", { headers: { "x-api-key": "k1" } })).body.auth.principal).toEqual({ user: "bot" });
    const badParam = await call("/v1/pets/three", { headers: { authorization: "Bearer good" } });
    expect(badParam.body.errors[0]).toMatchObject({ field: "path.pet-id", code: "invalid_type" });
  });

  it("checks basic credentials and validates cookie parameters", async () => {
    const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`;
    const missing = await call("/v1/me", { headers: { cookie: "session=abcd" } });
    expect([missing.status, missing.headers.get("www-authenticate")]).toEqual([401, 'Basic realm="api"']);
    expect(
      (await call("/v1/me", { headers: { authorization: basic("ann", "wrong"), cookie: "session=abcd" } })).status,
    ).toBe(401);
    const ok = await call("/v1/me", {
      headers: { authorization: basic("ann", "p:w"), cookie: "theme=dark; session=abcd" },
    });
    expect(ok.body).toEqual({ auth: { user: "ann" }, cookies: { session: "abcd" } });
    const shortCookie = await call("/v1/me", { headers: { authorization: basic("ann", "p:w"), cookie: "session=ab" } });
    expect(shortCookie.body.errors).toEqual([expect.objectContaining({ field: "cookie.session", code: "too_short" })]);
  });

  it("answers CORS preflight for documented methods and headers, denies other origins", async () => {
    const preflight = await fetch(`${server.url}/v1/pets`, {
      method: "OPTIONS",
      headers: {
        origin: "https://docs.example.com",
        "access-control-request-method": "POST",
        "access-control-request-headers": "content-type,x-api-key",
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe("https://docs.example.com");
    expect(preflight.headers.get("access-control-allow-methods")).toBe("GET,HEAD,OPTIONS,POST");
    expect(preflight.headers.get("access-control-allow-headers")?.toLowerCase()).toContain("x-api-key");
    const denied = await call("/v1/pets", {
      method: "OPTIONS",
      headers: { origin: "https://evil.example", "access-control-request-method": "POST" },
    });
    expect([denied.status, denied.body.code]).toEqual([403, "cors_origin_denied"]);
    expect(denied.headers.get("access-control-allow-origin")).toBeNull();
    const actual = await fetch(`${server.url}/v1/pets`, { headers: { origin: "https://docs.example.com" } });
    expect(actual.headers.get("access-control-expose-headers")).toContain("X-Request-Id");
  });

  it("writes Link headers for offset pages, rate-limit headers on 429, echoes traceparent", async () => {
    const toys = await call("/v1/toys?offset=2&limit=2");
    expect(toys.body.items).toEqual([2, 3]);
    expect(toys.headers.get("link")).toBe(
      '</v1/toys?offset=0&limit=2>; rel="first", </v1/toys?offset=0&limit=2>; rel="prev", </v1/toys?offset=4&limit=2>; rel="next", </v1/toys?offset=4&limit=2>; rel="last"',
    );
    const traceparent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
    const limited = await call("/v1/limited", { headers: { traceparent } });
    expect(limited.status).toBe(429);
    expect([
      limited.headers.get("retry-after"),
      limited.headers.get("x-rate-limit-remaining"),
      limited.headers.get("traceparent"),
    ]).toEqual(["30", "0", traceparent]);
    expect(limited.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("never answers arbitrary client input with a 500", async () => {
    const before = logged.length;
    await fc.assert(
      fc.asyncProperty(
        fc.jsonValue(),
        fc.string({ maxLength: 40 }),
        fc.string({ maxLength: 20 }),
        async (body, query, segment) => {
          const created = await fetch(`${server.url}/v1/pets?${encodeURI(query)}`, {
            method: "POST",
            body: JSON.stringify(body),
            headers: { "content-type": "application/json" },
          });
          const listed = await fetch(`${server.url}/v1/pets?${query.replace(/[#\s]/g, "")}`);
          const got = await fetch(`${server.url}/v1/pets/${encodeURIComponent(segment)}`, {
            headers: { authorization: "Bearer good" },
          });
          for (const response of [created, listed, got]) {
            await response.arrayBuffer();
            expect(response.status).toBeLessThan(500);
          }
        },
      ),
      { numRuns: 60 },
    );
    expect(logged.length).toBe(before);
  });

  it("rejects unknown query parameters", async () => {
    const unknown = await call("/v1/toys?colour=red");
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual([
      expect.objectContaining({ field: "query.colour", code: "unknown_parameter" }),
    ]);
  });
});

describe("base paths holding route syntax", () => {
  // `?` cannot occur in a request path (it starts the query), so "/q?" needs only to start.
  const bases = ["/v1*", "/a(b)", "/x:y", "/p+", "/q?"];

  it("start, and match their text literally", async () => {
    const app = express();
    for (const basePath of bases) {
      const ping: OperationSpec = {
        id: "ping",
        method: "get",
        path: "/ping",
        params: noParams,
        validate: {},
        body: null,
        invalidBodyStatus: 400,
        security: [],
        paging: null,
        responses: { "200": "application/json" },
      };
      app.use(
        buildRouter(
          { ...api, basePath, operations: [ping] },
          { ping: () => ({ status: 200, body: { basePath } }) },
          {},
        ),
      );
    }
    const local = await listen(app);
    try {
      for (const basePath of bases.filter((base) => !base.includes("?"))) {
        const found = await fetch(`${local.url}${basePath}/ping`);
        expect(await found.json()).toEqual({ basePath });
        const missing = await fetch(`${local.url}${basePath}/nothing`);
        expect([missing.status, ((await missing.json()) as { code: string }).code]).toEqual([404, "not_found"]);
      }
      expect((await fetch(`${local.url}/v1xyz/nothing`)).status).toBe(404); // `*` is no wildcard: Express's own 404
      expect((await fetch(`${local.url}/v1xyz/nothing`)).headers.get("content-type")).not.toMatch(/problem/);
    } finally {
      await local.close();
    }
  });
});
