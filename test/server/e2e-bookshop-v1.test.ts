// End to end on bookshop v1: offset pagination with Link headers, 422 business rules next to 400 validation.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rawCall, serveGenerated, typecheck, type ServedApi } from "./e2e-harness.js";

let api: ServedApi;
let client: any;
let generated: any;
const AUTH = { authorization: "Bearer customer-token" };

beforeAll(async () => {
  api = await serveGenerated(
    "specs/bookshop/v1/openapi.yaml",
    "bookshop-v1",
    "test/server/fixtures/bookshop-v1.impl.ts",
  );
  generated = api.client;
  client = generated.createClient({ baseUrl: `${api.url}/v1`, auth: { bearer: "customer-token" }, retry: false });
});
afterAll(async () => {
  await api?.close();
  // No request in this file, good or bad, may have made the server fail.
  expect(api?.serverErrors).toEqual([]);
});

const raw = (path: string, init: RequestInit = {}) => rawCall(api.url + path, init);

const book = (i: number) => ({
  title: `Book ${i}`,
  isbn: `97804414781${String(i).padStart(2, "0")}`,
  author_ids: ["1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d"],
  genre: "fiction",
  price: { amount: "9.99", currency: "EUR" },
  stock_quantity: 1,
});

describe("bookshop v1: generated server + generated client", () => {
  it("type-checks in strict mode", async () => {
    expect(await typecheck("bookshop-v1", [api.outDir])).toBe("");
  });

  it("creates, reads, updates and deletes books through the client", async () => {
    const created = await client.books.create({ body: book(0) });
    expect(created).toMatchObject({ title: "Book 0", stock_quantity: 1 });
    expect(await client.books.update({ book_id: created.id, body: { title: "Renamed" } })).toMatchObject({
      title: "Renamed",
    });
    await client.books.delete({ book_id: created.id });
    const gone = await client.books.get({ book_id: created.id }).catch((error: unknown) => error);
    expect(gone).toBeInstanceOf(generated.NotFoundError);
  });

  it("pages by offset with Link headers, and the client follows them to the last item", async () => {
    for (let i = 1; i <= 5; i++) await client.books.create({ body: book(i) });
    const middle = await raw("/v1/books?offset=2&limit=2");
    expect(middle.body.items.map((b: { title: string }) => b.title)).toEqual(["Book 3", "Book 4"]);
    expect(middle.headers.get("link")).toBe(
      '</v1/books?offset=0&limit=2>; rel="first", </v1/books?offset=0&limit=2>; rel="prev", </v1/books?offset=4&limit=2>; rel="next", </v1/books?offset=4&limit=2>; rel="last"',
    );
    const titles: string[] = [];
    for await (const item of client.books.list({ limit: 2 })) titles.push(item.title);
    expect(titles).toEqual(["Book 1", "Book 2", "Book 3", "Book 4", "Book 5"]);
  });

  it("keeps 400 for schema violations and lets the handler answer 422 for business rules", async () => {
    const invalid = await client.orders
      .create({ body: { line_items: [], shipping_address: { recipient: "A" } } })
      .catch((e: unknown) => e);
    expect(invalid).toBeInstanceOf(generated.BadRequestError);
    expect(invalid.problem.errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: "shipping_address.line1", code: "missing_field" })]),
    );
    const first = (await client.books.list({ limit: 1 })).items[0];
    const address = {
      recipient: "Ann",
      line1: "1 Main St",
      city: "Lisboa",
      postal_code: "1000-001",
      country_code: "PT",
    };
    const order = await client.orders.create({
      body: { line_items: [{ book_id: first.id, quantity: 1 }], shipping_address: address },
    });
    expect(order).toMatchObject({ status: "pending", total: { amount: "9.99" } });
    const outOfStock = await client.orders
      .create({ body: { line_items: [{ book_id: first.id, quantity: 5 }], shipping_address: address } })
      .catch((e: unknown) => e);
    expect(outOfStock).toBeInstanceOf(generated.UnprocessableEntityError);
    expect(outOfStock.problem.code).toBe("out_of_stock");
  });

  it("rejects bad input with problems", async () => {
    const malformed = await raw("/v1/books", {
      method: "POST",
      body: "{",
      headers: { ...AUTH, "content-type": "application/json" },
    });
    expect([malformed.status, malformed.body.code]).toEqual([400, "malformed_json"]);
    const patchEmpty = await raw("/v1/orders/0a9b8c7d-6e5f-4a3b-9c2d-1e0f2a3b4c5d", {
      method: "PATCH",
      body: "{}",
      headers: { ...AUTH, "content-type": "application/json" },
    });
    expect(patchEmpty.body.errors).toEqual([expect.objectContaining({ field: "body", code: "too_short" })]);
    const badStatus = await raw("/v1/orders?status=lost", { headers: AUTH });
    expect(badStatus.body.errors).toEqual([expect.objectContaining({ field: "query.status", code: "invalid_value" })]);
    const negative = await raw("/v1/books?offset=-1");
    expect(negative.body.errors).toEqual([expect.objectContaining({ field: "query.offset", code: "too_small" })]);
    const wrongMethod = await raw("/v1/authors/1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d", { method: "DELETE" });
    expect([wrongMethod.status, wrongMethod.headers.get("allow")]).toEqual([405, "GET, HEAD, OPTIONS"]);
  });
});
