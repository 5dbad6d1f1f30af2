// End to end: generate clients for the example specs, type-check them (strict) together with code using them,
// and run them against a local HTTP server that pages, rate-limits (429 + Retry-After) and fails.
import { writeFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateFromSpec, tempDir, typecheck } from "./generated-project.js";

const SPECS = {
  petstore1: "specs/petstore/v1/openapi.yaml",
  petstore2: "specs/petstore/v2/openapi.yaml",
  bookshop: "specs/bookshop/v1/openapi.yaml",
};

// Code a user writes against the generated clients: it must compile under strict settings.
const USAGE = `
import { createClient, isApiError, NotFoundError, type ListPetsItem } from "./petstore1/client/client.js";
import type { components } from "./petstore1/client/types.js";
import { createClient as createV2 } from "./petstore2/client/client.js";
import { createClient as createBookshop } from "./bookshop/client/client.js";

type Pet = components["schemas"]["Pet"];
const api = createClient({ baseUrl: "http://127.0.0.1:1/v1", auth: { bearer: () => "token" }, retry: { maxRetries: 3 } });

export async function usage(): Promise<void> {
  const pet: Pet = await api.pets.get({ pet_id: "p1" }, { timeoutMs: 1000, requestId: "r1" });
  for await (const item of api.pets.list({ page_size: 50 })) {
    const typed: Pet = item;
    const alsoTyped: ListPetsItem = typed;
    void alsoTyped;
  }
  for await (const page of api.pets.list().pages()) void page.next_page_token;
  const first = await api.pets.list();
  void first.items.length;
  try {
    await api.pets.create({ body: { name: "Rex", species: "dog", store_id: "s1" } as components["schemas"]["PetInput"] });
  } catch (error) {
    if (isApiError(error)) void error.problem.errors;
    if (error instanceof NotFoundError) void error.status;
  }
  // @ts-expect-error pet_id is required
  await api.pets.get({});
  // @ts-expect-error unknown group
  void api.nothing;
  void pet;
  void createV2({}).pets.list;
  for await (const book of createBookshop({}).books.list({ limit: 10 })) void book;
}
`;

interface Logged {
  method: string;
  url: string;
  at: number;
  authorization: string | undefined;
  requestId: string | undefined;
}

const PETS = Array.from({ length: 23 }, (_, i) => ({
  id: `pet-${i}`,
  name: `Pet ${i}`,
  species: "dog",
  status: "available",
  tags: [],
  owner_id: null,
  store_id: "s1",
  created_at: "2024-01-01T00:00:00Z",
  updated_at: "2024-01-01T00:00:00Z",
}));
const BOOKS = Array.from({ length: 11 }, (_, i) => ({ id: `book-${i}`, title: `Book ${i}` }));

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const type = status >= 400 ? "application/problem+json" : "application/json";
  res
    .writeHead(status, { "content-type": type, "x-request-id": "srv-" + status, ...headers })
    .end(body === undefined ? "" : JSON.stringify(body));
}

function handle(req: IncomingMessage, res: ServerResponse, log: Logged[], faults: Set<string>): void {
  const url = new URL(req.url ?? "/", "http://localhost");
  const key = `${req.method} ${url.pathname}${url.search}`;
  log.push({
    method: req.method ?? "",
    url: key,
    at: Date.now(),
    authorization: req.headers.authorization,
    requestId: req.headers["x-request-id"] as string | undefined,
  });
  // Each fault answers once: the client's retry then gets the real answer.
  const fault = [...faults].find((f) => f.endsWith(" " + key));
  if (fault) {
    faults.delete(fault);
    if (fault.startsWith("429"))
      return send(res, 429, { title: "Too Many Requests", status: 429 }, { "retry-after": "1" });
    return send(res, 503, { title: "Unavailable", status: 503 });
  }
  if (req.method === "GET" && url.pathname === "/v1/pets") {
    const start = Number(url.searchParams.get("page_token") ?? 0);
    const size = Number(url.searchParams.get("page_size") ?? 10);
    const end = start + size;
    return send(res, 200, { items: PETS.slice(start, end), next_page_token: end < PETS.length ? String(end) : "" });
  }
  if (req.method === "GET" && url.pathname.startsWith("/v1/pets/")) {
    const pet = PETS.find((p) => p.id === decodeURIComponent(url.pathname.slice("/v1/pets/".length)));
    return pet
      ? send(res, 200, pet)
      : send(res, 404, { type: "about:blank", title: "Not Found", status: 404, code: "not_found" });
  }
  if (req.method === "POST" && url.pathname === "/v1/pets") {
    return send(res, 422, {
      title: "Validation failed",
      status: 422,
      code: "validation_failed",
      errors: [{ field: "name", code: "required", message: "name is required" }],
    });
  }
  if (req.method === "GET" && url.pathname === "/v1/books") {
    const offset = Number(url.searchParams.get("offset") ?? 0);
    const limit = Number(url.searchParams.get("limit") ?? 20);
    const next =
      offset + limit < BOOKS.length
        ? `<http://${req.headers.host}/v1/books?offset=${offset + limit}&limit=${limit}>; rel="next", `
        : "";
    return send(
      res,
      200,
      { items: BOOKS.slice(offset, offset + limit), total_size: BOOKS.length },
      { link: `${next}<http://${req.headers.host}/v1/books?offset=0&limit=${limit}>; rel="first"` },
    );
  }
  send(res, 404, { title: "no route", status: 404 });
}

type Api = Record<
  string,
  Record<string, (params?: object, options?: object) => AsyncIterable<{ id: string }> & PromiseLike<unknown>>
>;
type ClientModule = { createClient: (options: object) => Api; ApiError: new (...args: never[]) => Error };

describe("generated clients for the example specs", () => {
  let dir = "";
  let server: Server;
  let baseUrl = "";
  const log: Logged[] = [];
  const faults = new Set<string>();
  const load = async (name: keyof typeof SPECS) =>
    (await import(pathToFileURL(join(dir, name, "client", "client.ts")).href)) as ClientModule;

  beforeAll(async () => {
    dir = await tempDir("e2e");
    for (const [name, spec] of Object.entries(SPECS)) await generateFromSpec(spec, join(dir, name));
    server = createServer((req, res) => handle(req, res, log, faults));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  });
  afterAll(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

  it("type-check with tsc --noEmit (strict, noUncheckedIndexedAccess) together with typed usage", async () => {
    await writeFile(join(dir, "usage.ts"), USAGE);
    const result = await typecheck(dir, ["usage.ts"]);
    expect(result.output).toBe("");
  });

  it("cursor pagination delivers every item exactly once through a 429 and a 503, retrying as specified", async () => {
    const { createClient } = await load("petstore1");
    faults.add("429 GET /v1/pets?page_size=5&page_token=10");
    faults.add("503 GET /v1/pets?page_size=5&page_token=15");
    log.length = 0;
    const api = createClient({ baseUrl, auth: { bearer: "secret" }, retry: { maxRetries: 2, baseDelayMs: 10 } });
    const ids: string[] = [];
    for await (const pet of api.pets!.list!({ page_size: 5 })) ids.push(pet.id);
    expect(ids).toEqual(PETS.map((p) => p.id));
    const urls = log.map((entry) => entry.url);
    expect(urls).toEqual([
      "GET /v1/pets?page_size=5",
      "GET /v1/pets?page_size=5&page_token=5",
      "GET /v1/pets?page_size=5&page_token=10",
      "GET /v1/pets?page_size=5&page_token=10",
      "GET /v1/pets?page_size=5&page_token=15",
      "GET /v1/pets?page_size=5&page_token=15",
      "GET /v1/pets?page_size=5&page_token=20",
    ]);
    // Retry-After: 1 was honoured (the retry came no earlier than one second after the 429).
    expect(log[3]!.at - log[2]!.at).toBeGreaterThanOrEqual(950);
    expect(log.every((entry) => entry.authorization === "Bearer secret")).toBe(true);
    expect(faults.size).toBe(0);
  });

  it("offset pagination with Link headers (bookshop) delivers every item exactly once", async () => {
    const { createClient } = await load("bookshop");
    log.length = 0;
    const api = createClient({ baseUrl });
    const ids: string[] = [];
    for await (const book of api.books!.list!({ limit: 4 })) ids.push(book.id);
    expect(ids).toEqual(BOOKS.map((b) => b.id));
    expect(log.map((entry) => entry.url)).toEqual([
      "GET /v1/books?limit=4",
      "GET /v1/books?limit=4&offset=4",
      "GET /v1/books?limit=4&offset=8",
    ]);
  });

  it("errors arrive typed: 404 and 422 problems with status, request id and body; POST is not retried", async () => {
    const { createClient } = await load("petstore1");
    const errors = await import(pathToFileURL(join(dir, "petstore1", "client", "runtime", "errors.ts")).href);
    const api = createClient({ baseUrl, auth: { bearer: "secret" } });
    const missing = await api.pets!.get!({ pet_id: "nope" }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(missing).toBeInstanceOf(errors.NotFoundError);
    expect(missing).toMatchObject({ status: 404, requestId: "srv-404", problem: { code: "not_found" } });

    faults.add("503 POST /v1/pets");
    log.length = 0;
    const invalid = await api.pets!.create!({ body: { name: "" } }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(invalid).toBeInstanceOf(errors.ServerError);
    expect(log).toHaveLength(1);
    const rejected = await api.pets!.create!({ body: { name: "" } }, { requestId: "mine" }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(rejected).toBeInstanceOf(errors.UnprocessableEntityError);
    expect((rejected as { problem: { errors: unknown[] } }).problem.errors).toEqual([
      { field: "name", code: "required", message: "name is required" },
    ]);
    expect(log[1]?.requestId).toBe("mine");
  });
});
