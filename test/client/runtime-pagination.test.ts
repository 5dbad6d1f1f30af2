import { describe, expect, it } from "vitest";
import { PaginationError, nextLink, paginate, type PageScheme } from "../../templates/runtime/client/pagination.js";
import { createTransport } from "../../templates/runtime/client/transport.js";
import { fakeFetch, json } from "./fake-fetch.js";

const list = { method: "GET", path: "/items", params: [["query", "page_token"], ["query", "page_size"], ["query", "offset"], ["query", "limit"], ["query", "starting_after"]] as const };
const all = Array.from({ length: 7 }, (_, i) => ({ id: `i${i}` }));

function pager(handler: (url: URL) => Response, scheme: PageScheme, input: Record<string, unknown> = {}) {
  const fake = fakeFetch((request) => handler(new URL(request.url)));
  const transport = createTransport({ baseUrl: "http://api.test", fetch: fake.fetch });
  return { fake, items: paginate<{ id: string }, unknown>(transport, list, input, undefined, scheme) };
}

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const value of iterable) out.push(value);
  return out;
}

describe("pagination", () => {
  it("cursor: follows next_page_token until it is empty", async () => {
    const { fake, items } = pager((url) => {
      const start = Number(url.searchParams.get("page_token") ?? 0);
      const end = start + Number(url.searchParams.get("page_size"));
      return json({ items: all.slice(start, end), next_page_token: end < all.length ? String(end) : "" });
    }, { kind: "cursor", token: "page_token", next: ["next_page_token"], items: ["items"] }, { page_size: 3 });
    expect(await collect(items)).toEqual(all);
    expect(fake.requests.map((r) => new URL(r.url).search)).toEqual(["?page_size=3", "?page_token=3&page_size=3", "?page_token=6&page_size=3"]);
  });

  it("cursor: a repeated token ends the walk with a PaginationError instead of looping", async () => {
    const { fake, items } = pager(() => json({ items: [{ id: "same" }], next_page_token: "t" }), { kind: "cursor", token: "page_token", next: ["next_page_token"], items: ["items"] });
    await expect(collect(items)).rejects.toThrow(PaginationError);
    expect(fake.requests).toHaveLength(2);
  });

  it("offset: advances by the items received and stops on a short page", async () => {
    const { fake, items } = pager((url) => {
      const offset = Number(url.searchParams.get("offset") ?? 0);
      return json(all.slice(offset, offset + Number(url.searchParams.get("limit"))));
    }, { kind: "offset", offset: "offset", limit: "limit" }, { limit: 3 });
    expect(await collect(items)).toEqual(all);
    expect(fake.requests).toHaveLength(3);
  });

  it("link: follows rel=next (GitHub) and exposes pages()", async () => {
    const { items } = pager((url) => {
      const page = Number(url.searchParams.get("page") ?? 1);
      const link = page < 3 ? `<http://api.test/items?page=${page + 1}>; rel="next", <http://api.test/items?page=3>; rel="last"` : `<http://api.test/items?page=1>; rel="first"`;
      return json(all.slice((page - 1) * 3, page * 3), { headers: { link } });
    }, { kind: "link" });
    const pages = await collect(items.pages());
    expect(pages).toEqual([all.slice(0, 3), all.slice(3, 6), all.slice(6)]);
  });

  it("link: refuses to send credentials to another origin", async () => {
    const { items } = pager(() => json([{ id: "a" }], { headers: { link: '<http://evil.test/items?page=2>; rel="next"' } }), { kind: "link" });
    await expect(collect(items)).rejects.toThrow(/cross-origin/);
  });

  it("after (Stripe): starting_after = last id while has_more", async () => {
    const { fake, items } = pager((url) => {
      const after = url.searchParams.get("starting_after");
      const start = after ? all.findIndex((item) => item.id === after) + 1 : 0;
      return json({ object: "list", data: all.slice(start, start + 3), has_more: start + 3 < all.length });
    }, { kind: "after", after: "starting_after", cursor: ["id"], hasMore: ["has_more"], items: ["data"] });
    expect(await collect(items)).toEqual(all);
    expect(fake.requests.map((r) => new URL(r.url).searchParams.get("starting_after"))).toEqual([null, "i2", "i5"]);
  });

  it("awaiting the list gives the first page only", async () => {
    const { fake, items } = pager(() => json({ items: [{ id: "a" }], next_page_token: "n" }), { kind: "cursor", token: "page_token", next: ["next_page_token"], items: ["items"] });
    expect(await items).toEqual({ items: [{ id: "a" }], next_page_token: "n" });
    expect(fake.requests).toHaveLength(1);
  });

  it("parses Link headers with several relations and spacing", () => {
    expect(nextLink('<https://a/x?page=2>; rel="next", <https://a/x?page=9>; rel="last"')).toBe("https://a/x?page=2");
    expect(nextLink('<https://a/x?page=1>; rel="prev first"')).toBeUndefined();
    expect(nextLink('<https://a/y>;rel=next')).toBe("https://a/y");
    expect(nextLink(null)).toBeUndefined();
  });
});
