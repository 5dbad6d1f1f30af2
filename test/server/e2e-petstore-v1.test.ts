// End to end: generate client + server for petstore v1, type-check them with a hand-written implementation,
// serve it on loopback and drive it with the generated client and with raw HTTP for bad input.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rawCall, serveGenerated, typecheck, type ServedApi } from "./e2e-harness.js";

let api: ServedApi;
let client: any;
let generated: any;
const STAFF = { authorization: "Bearer staff-token" };

beforeAll(async () => {
  api = await serveGenerated(
    "specs/petstore/v1/openapi.yaml",
    "petstore-v1",
    "test/server/fixtures/petstore-v1.impl.ts",
  );
  generated = api.client;
  client = generated.createClient({ baseUrl: `${api.url}/v1`, auth: { bearer: "staff-token" }, retry: false });
});
afterAll(async () => {
  await api?.close();
  // No request in this file, good or bad, may have made the server fail.
  expect(api?.serverErrors).toEqual([]);
});

const raw = (path: string, init: RequestInit = {}) => rawCall(api.url + path, init);
const json = (method: string, body: string, headers: Record<string, string> = STAFF): RequestInit => ({
  method,
  body,
  headers: { "content-type": "application/json", ...headers },
});

describe("petstore v1: generated server + generated client", () => {
  it("type-checks in strict mode (server, client, mock, scaffold and the implementation)", async () => {
    expect(await typecheck("petstore-v1", [api.outDir])).toBe("");
  });

  it("does CRUD through the client", async () => {
    const created = await client.pets.create({ body: { name: "Rex", species: "dog", tags: ["friendly"] } });
    expect(created).toMatchObject({ name: "Rex", species: "dog", status: "available" });
    expect(await client.pets.get({ pet_id: created.id })).toEqual(created);
    const updated = await client.pets.replace({
      pet_id: created.id,
      body: { name: "Rex II", species: "dog", status: "adopted" },
    });
    expect(updated).toMatchObject({ id: created.id, name: "Rex II", status: "adopted" });
    await client.pets.delete({ pet_id: created.id });
    const missing = await client.pets.get({ pet_id: created.id }).catch((error: unknown) => error);
    expect(missing).toBeInstanceOf(generated.NotFoundError);
    expect(missing.problem).toMatchObject({ status: 404, code: "not_found" });
  });

  it("returns Location on 201", async () => {
    const response = await raw(
      "/v1/owners",
      json("POST", JSON.stringify({ full_name: "Maria Silva", email: "maria@example.com" })),
    );
    expect(response.status).toBe(201);
    expect(response.headers.get("location")).toBe(`/v1/owners/${response.body.id}`);
  });

  it("pages through every item exactly once with signed tokens", async () => {
    const names = Array.from({ length: 7 }, (_, i) => `cat-${i}`);
    for (const name of names) await client.pets.create({ body: { name, species: "cat" } });
    await client.pets.create({ body: { name: "not-a-cat", species: "dog" } });
    const seen: string[] = [];
    for await (const pet of client.pets.list({ species: "cat", page_size: 3 })) seen.push(pet.name);
    expect(seen).toEqual(names);
    const pages: number[] = [];
    for await (const page of client.pets.list({ species: "cat", page_size: 3 }).pages()) pages.push(page.items.length);
    expect(pages).toEqual([3, 3, 1]);
  });

  it("maps validation failures to typed client errors with errors[]", async () => {
    const error = await client.pets.create({ body: { name: "", species: "dragon" } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(generated.BadRequestError);
    expect(error.problem.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: "name", code: "too_short" }),
        expect.objectContaining({ field: "species", code: "invalid_value" }),
      ]),
    );
  });

  it("answers bad input with problems, never 500", async () => {
    const malformed = await raw("/v1/pets", json("POST", '{"name": "Rex",'));
    expect([malformed.status, malformed.body.code]).toEqual([400, "malformed_json"]);
    expect(malformed.headers.get("content-type")).toContain("application/problem+json");

    const wrongTypes = await raw(
      "/v1/pets",
      json("POST", JSON.stringify({ name: 42, species: "dog", tags: "friendly" })),
    );
    expect(wrongTypes.status).toBe(400);
    expect(wrongTypes.body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: "name", code: "invalid_type" }),
        expect.objectContaining({ field: "tags", code: "invalid_type" }),
      ]),
    );

    const missing = await raw("/v1/pets", json("POST", JSON.stringify({ breed: "Labrador" })));
    expect(missing.body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: "name", code: "missing_field" }),
        expect.objectContaining({ field: "species", code: "missing_field" }),
      ]),
    );

    const oversized = await raw(
      "/v1/pets",
      json("POST", JSON.stringify({ name: "Rex", species: "dog", breed: "x".repeat(20_000) })),
    );
    expect([oversized.status, oversized.body.code]).toEqual([413, "payload_too_large"]);

    const badQuery = await raw("/v1/pets?page_size=1000", { headers: STAFF });
    expect(badQuery.body.errors).toEqual([expect.objectContaining({ field: "query.page_size", code: "too_large" })]);

    const badId = await raw("/v1/pets/not-a-uuid", { headers: STAFF });
    expect(badId.body.errors).toEqual([expect.objectContaining({ field: "path.pet_id", code: "invalid_format" })]);

    const wrongMedia = await raw("/v1/pets", {
      method: "POST",
      body: "name=Rex",
      headers: { ...STAFF, "content-type": "text/plain" },
    });
    expect(wrongMedia.status).toBe(415);
  });

  it("rejects tampered page tokens and tokens reused with other filters", async () => {
    const first = await raw("/v1/pets?species=cat&page_size=2", { headers: STAFF });
    const token: string = first.body.next_page_token;
    expect(token).not.toBe("");
    const flipped = token.slice(0, 5) + (token[5] === "a" ? "b" : "a") + token.slice(6);
    const tampered = await raw(`/v1/pets?species=cat&page_size=2&page_token=${flipped}`, { headers: STAFF });
    expect([tampered.status, tampered.body.code]).toEqual([400, "invalid_page_token"]);
    const reused = await raw(`/v1/pets?species=dog&page_size=2&page_token=${token}`, { headers: STAFF });
    expect([reused.status, reused.body.code]).toEqual([400, "invalid_page_token"]);
  });

  it("answers wrong methods with 405 + Allow and unknown paths with 404", async () => {
    const wrong = await raw("/v1/pets", { method: "DELETE", headers: STAFF });
    expect([wrong.status, wrong.headers.get("allow")]).toEqual([405, "GET, HEAD, OPTIONS, POST"]);
    expect(wrong.body.code).toBe("method_not_allowed");
    const unknown = await raw("/v1/unicorns", { headers: STAFF });
    expect([unknown.status, unknown.body.code]).toEqual([404, "not_found"]);
  });

  it("enforces security before the handler", async () => {
    expect((await raw("/v1/pets")).status).toBe(401);
    expect((await raw("/v1/pets", { headers: { authorization: "Bearer nope" } })).body.code).toBe(
      "invalid_credentials",
    );
    expect((await raw("/v1/pets", { headers: { authorization: "Bearer readonly-token" } })).status).toBe(403);
    expect((await raw("/v1/stores")).status).toBe(200); // `security: []` overrides the API default
  });

  it("answers CORS preflight for documented methods and headers from allowed origins only", async () => {
    const allowed = await fetch(`${api.url}/v1/pets/3f2b8c4e-5d6a-4e7b-9c1d-2a3b4c5d6e7f/vaccinations`, {
      method: "OPTIONS",
      headers: {
        origin: "https://docs.example.com",
        "access-control-request-method": "POST",
        "access-control-request-headers": "authorization, content-type, x-api-key",
      },
    });
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get("access-control-allow-origin")).toBe("https://docs.example.com");
    expect(allowed.headers.get("access-control-allow-methods")).toBe("GET,HEAD,OPTIONS,POST");
    expect(allowed.headers.get("access-control-allow-headers")).toContain("X-API-Key");
    const denied = await raw("/v1/pets", {
      method: "OPTIONS",
      headers: { origin: "https://evil.example", "access-control-request-method": "GET" },
    });
    expect([denied.status, denied.body.code]).toEqual([403, "cors_origin_denied"]);
  });

  it("passes request ids and trace context through", async () => {
    const traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    const response = await raw("/v1/stores", { headers: { "x-request-id": "e2e-1", traceparent } });
    expect([response.headers.get("x-request-id"), response.headers.get("traceparent")]).toEqual(["e2e-1", traceparent]);
  });
});
