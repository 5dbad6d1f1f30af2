import { describe, expect, it } from "vitest";
import {
  DEFAULT_MAX_PAGES,
  PaginationError,
  nextLink,
  paginate,
  walkPages,
  type PageOptions,
  type PageScheme,
} from "../../templates/runtime/client/pagination.js";
import { createTransport } from "../../templates/runtime/client/transport.js";
import { fakeFetch, json } from "./fake-fetch.js";

const list = {
  method: "GET",
  path: "/items",
  params: [
    ["query", "page_token"],
    ["query", "page_size"],
    ["query", "offset"],
    ["query", "limit"],
    ["query", "starting_after"],
    ["query", "startAt"],
    ["query", "maxResults"],
  ] as const,
};
const all = Array.from({ length: 7 }, (_, i) => ({ id: `i${i}` }));

function pager(
  handler: (url: URL) => Response,
  scheme: PageScheme,
  input: Record<string, unknown> = {},
  options?: PageOptions,
) {
  const fake = fakeFetch((request) => handler(new URL(request.url)));
  const transport = createTransport({ baseUrl: "http://api.test", fetch: fake.fetch });
  return { fake, items: paginate<{ id: string }, unknown>(transport, list, input, options, scheme) };
}

const searches = (fake: { requests: Request[] }) => fake.requests.map((r) => new URL(r.url).search);

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const value of iterable) out.push(value);
  return out;
}

describe("pagination", () => {
  it("awaiting a list call is a real Promise: one request however often it is awaited, catch and finally work", async () => {
    const scheme: PageScheme = { kind: "cursor", token: "page_token", next: ["next_page_token"], items: ["items"] };
    const { fake, items } = pager(() => json({ items: all.slice(0, 2), next_page_token: "" }), scheme);
    expect(fake.requests).toHaveLength(0);
    expect(await items).toEqual({ items: all.slice(0, 2), next_page_token: "" });
    expect(await items).toEqual({ items: all.slice(0, 2), next_page_token: "" });
    expect(fake.requests).toHaveLength(1);
    let finished = false;
    await items.finally(() => (finished = true));
    expect(finished).toBe(true);
    expect(fake.requests).toHaveLength(1);
    const failing = pager(() => json({ title: "nope" }, { status: 404 }), scheme);
    const caught = await failing.items.catch((error: unknown) => (error as { status?: number }).status);
    expect(caught).toBe(404);
  });

  it("cursor: follows next_page_token until it is empty", async () => {
    const { fake, items } = pager(
      (url) => {
        const start = Number(url.searchParams.get("page_token") ?? 0);
        const end = start + Number(url.searchParams.get("page_size"));
        return json({ items: all.slice(start, end), next_page_token: end < all.length ? String(end) : "" });
      },
      { kind: "cursor", token: "page_token", next: ["next_page_token"], items: ["items"] },
      { page_size: 3 },
    );
    expect(await collect(items)).toEqual(all);
    expect(fake.requests.map((r) => new URL(r.url).search)).toEqual([
      "?page_size=3",
      "?page_token=3&page_size=3",
      "?page_token=6&page_size=3",
    ]);
  });

  it("cursor: a repeated token ends the walk with a PaginationError instead of looping", async () => {
    const { fake, items } = pager(() => json({ items: [{ id: "same" }], next_page_token: "t" }), {
      kind: "cursor",
      token: "page_token",
      next: ["next_page_token"],
      items: ["items"],
    });
    await expect(collect(items)).rejects.toThrow(PaginationError);
    expect(fake.requests).toHaveLength(2);
  });

  it("offset: advances by the items received and stops on a short page", async () => {
    const { fake, items } = pager(
      (url) => {
        const offset = Number(url.searchParams.get("offset") ?? 0);
        return json(all.slice(offset, offset + Number(url.searchParams.get("limit"))));
      },
      { kind: "offset", offset: "offset", limit: "limit" },
      { limit: 3 },
    );
    expect(await collect(items)).toEqual(all);
    expect(fake.requests).toHaveLength(3);
  });

  it("link: follows rel=next (GitHub) and exposes pages()", async () => {
    const { items } = pager(
      (url) => {
        const page = Number(url.searchParams.get("page") ?? 1);
        const link =
          page < 3
            ? `<http://api.test/items?page=${page + 1}>; rel="next", <http://api.test/items?page=3>; rel="last"`
            : `<http://api.test/items?page=1>; rel="first"`;
        return json(all.slice((page - 1) * 3, page * 3), { headers: { link } });
      },
      { kind: "link" },
    );
    const pages = await collect(items.pages());
    expect(pages).toEqual([all.slice(0, 3), all.slice(3, 6), all.slice(6)]);
  });

  it("link: refuses to send credentials to another origin", async () => {
    const { items } = pager(
      () => json([{ id: "a" }], { headers: { link: '<http://evil.test/items?page=2>; rel="next"' } }),
      { kind: "link" },
    );
    await expect(collect(items)).rejects.toThrow(/cross-origin/);
  });

  it("after (Stripe): starting_after = last id while has_more", async () => {
    const { fake, items } = pager(
      (url) => {
        const after = url.searchParams.get("starting_after");
        const start = after ? all.findIndex((item) => item.id === after) + 1 : 0;
        return json({ object: "list", data: all.slice(start, start + 3), has_more: start + 3 < all.length });
      },
      { kind: "after", after: "starting_after", cursor: ["id"], hasMore: ["has_more"], items: ["data"] },
    );
    expect(await collect(items)).toEqual(all);
    expect(fake.requests.map((r) => new URL(r.url).searchParams.get("starting_after"))).toEqual([null, "i2", "i5"]);
  });

  it("awaiting the list gives the first page only", async () => {
    const { fake, items } = pager(() => json({ items: [{ id: "a" }], next_page_token: "n" }), {
      kind: "cursor",
      token: "page_token",
      next: ["next_page_token"],
      items: ["items"],
    });
    expect(await items).toEqual({ items: [{ id: "a" }], next_page_token: "n" });
    expect(fake.requests).toHaveLength(1);
  });

  it("parses Link headers with several relations and spacing", () => {
    expect(nextLink('<https://a/x?page=2>; rel="next", <https://a/x?page=9>; rel="last"')).toBe("https://a/x?page=2");
    expect(nextLink('<https://a/x?page=1>; rel="prev first"')).toBeUndefined();
    expect(nextLink("<https://a/y>;rel=next")).toBe("https://a/y");
    expect(nextLink(null)).toBeUndefined();
  });

  it("cursor: reads a nested next token (Asana's next_page.offset) and ends when next_page is null", async () => {
    const { fake, items } = pager(
      (url) => {
        const start = Number(url.searchParams.get("offset") ?? 0);
        const end = start + 3;
        return json({
          data: all.slice(start, end),
          next_page: end < all.length ? { offset: String(end), path: "/items" } : null,
        });
      },
      { kind: "cursor", token: "offset", next: ["next_page", "offset"], items: ["data"] },
    );
    expect(await collect(items)).toEqual(all);
    expect(searches(fake)).toEqual(["", "?offset=3", "?offset=6"]);
  });

  it("cursor: has_more false ends the walk even when a next token is present (Notion)", async () => {
    const { fake, items } = pager(
      (url) => {
        const start = Number(url.searchParams.get("page_token") ?? 0);
        return json({
          results: all.slice(start, start + 4),
          next_cursor: String(start + 4),
          has_more: start + 4 < all.length,
        });
      },
      { kind: "cursor", token: "page_token", next: ["next_cursor"], hasMore: ["has_more"], items: ["results"] },
    );
    expect(await collect(items)).toEqual(all);
    expect(fake.requests).toHaveLength(2);
  });

  /** A Jira-like server: caps maxResults at 2 whatever is asked, and says isLast / total. */
  const jira = (extra: (start: number, page: unknown[]) => Record<string, unknown>) => (url: URL) => {
    const start = Number(url.searchParams.get("startAt") ?? 0);
    const page = all.slice(start, start + Math.min(2, Number(url.searchParams.get("maxResults") ?? 2)));
    return json({ startAt: start, maxResults: 2, values: page, ...extra(start, page) });
  };

  it("offset: isLast ends the walk, and a page shorter than asked (a server cap) does not (Jira)", async () => {
    const { fake, items } = pager(
      jira((start, page) => ({ isLast: start + page.length >= all.length })),
      { kind: "offset", offset: "startAt", limit: "maxResults", isLast: ["isLast"], items: ["values"] },
      { maxResults: 50 },
    );
    expect(await collect(items)).toEqual(all);
    expect(searches(fake)).toEqual([
      "?maxResults=50",
      "?startAt=2&maxResults=50",
      "?startAt=4&maxResults=50",
      "?startAt=6&maxResults=50",
    ]);
  });

  it("offset: reaching total ends the walk without asking for an empty page", async () => {
    const { fake, items } = pager(
      jira(() => ({ total: 6 })),
      { kind: "offset", offset: "startAt", limit: "maxResults", total: ["total"], items: ["values"] },
    );
    expect(await collect(items)).toEqual(all.slice(0, 6));
    expect(fake.requests).toHaveLength(3);
  });

  it("offset: has_more false ends the walk", async () => {
    const { fake, items } = pager(
      jira((start, page) => ({ has_more: start + page.length < 4 })),
      { kind: "offset", offset: "startAt", limit: "maxResults", hasMore: ["has_more"], items: ["values"] },
    );
    expect(await collect(items)).toEqual(all.slice(0, 4));
    expect(fake.requests).toHaveLength(2);
  });

  it("offset without a limit asked: a page shorter than the first ends the walk, and no limit is sent", async () => {
    const { fake, items } = pager(
      (url) => {
        const offset = Number(url.searchParams.get("offset") ?? 0);
        return json(all.slice(offset, offset + 3));
      },
      { kind: "offset", offset: "offset", limit: "limit" },
    );
    expect(await collect(items)).toEqual(all);
    expect(searches(fake)).toEqual(["", "?offset=3", "?offset=6"]);
  });

  it("link: a next link already followed ends the walk with a PaginationError", async () => {
    const { fake, items } = pager(
      () => json([{ id: "a" }], { headers: { link: '<http://api.test/items?page=2>; rel="next"' } }),
      { kind: "link" },
    );
    await expect(collect(items)).rejects.toThrow(/next link "http:\/\/api.test\/items\?page=2" a second time/);
    expect(fake.requests).toHaveLength(2);
  });

  it("link: a Link that never ends stops at maxPages with a PaginationError", async () => {
    const { fake, items } = pager(
      (url) => {
        const page = Number(url.searchParams.get("page") ?? 1);
        return json([{ id: `p${page}` }], {
          headers: { link: `<http://api.test/items?page=${page + 1}>; rel="next"` },
        });
      },
      { kind: "link" },
      {},
      { maxPages: 5 },
    );
    await expect(collect(items)).rejects.toThrow(/stopped after 5 pages \(maxPages\)/);
    expect(fake.requests).toHaveLength(5);
    expect(DEFAULT_MAX_PAGES).toBe(1000);
  });

  it("after: a cursor repeated by the server ends with a PaginationError", async () => {
    const { items } = pager(() => json({ data: [{ id: "same" }], has_more: true }), {
      kind: "after",
      after: "starting_after",
      cursor: ["id"],
      hasMore: ["has_more"],
      items: ["data"],
    });
    await expect(collect(items)).rejects.toThrow(PaginationError);
  });

  it("walkPages pages by hand where the client does not, with the same guards", async () => {
    const fetchPage = async (params: { offset?: string }) => {
      const start = Number(params.offset ?? 0);
      return {
        data: all.slice(start, start + 3),
        next_page: start + 3 < all.length ? { offset: String(start + 3) } : null,
      };
    };
    const pages: unknown[] = [];
    for await (const page of walkPages(fetchPage, {}, (page, params) =>
      page.next_page ? { ...params, offset: page.next_page.offset } : undefined,
    ))
      pages.push(...page.data);
    expect(pages).toEqual(all);
    await expect(collect(walkPages(fetchPage, {}, () => ({ offset: "3" })))).rejects.toThrow(
      /parameters \{"offset":"3"\} a second time/,
    );
  });
});
