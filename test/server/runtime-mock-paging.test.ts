// The mock's pages (templates/runtime/server/mock-paging.ts), one scheme at a time: the slice a request asks for,
// the fields the scheme names set where they live, nothing else touched.
import type { Request } from "express";
import { describe, expect, it } from "vitest";
import { mockPage } from "../../templates/runtime/server/mock-paging.js";
import type { MockPaging } from "../../templates/runtime/server/mock-paging.js";

const raw = (url: string) => ({ originalUrl: url }) as Request;
const items = [{ id: "a" }, { id: "b" }, { id: "c" }, { id: "d" }, { id: "e" }];
const ids = (body: any, path: string[] = ["data"]) =>
  path.reduce((value, name) => value[name], body).map((item: { id: string }) => item.id);
const cursorPage = (position: number | undefined, size: number) => ({
  size,
  position,
  next: (next: unknown) => `token-${String(next)}`,
});

describe("mockPage", () => {
  it("cursor: signs the next position into the nested field, clears it on the last page, keeps the example's other fields", () => {
    const paging: MockPaging = {
      kind: "cursor",
      items: ["data"],
      next: ["meta", "next_cursor"],
      hasMore: ["meta", "has_more"],
      total: ["total"],
    };
    const body = { data: items, meta: { next_cursor: "example-token", request_id: "r1" }, total: 1 };
    const first: any = mockPage({ raw: raw("/x"), query: {}, page: cursorPage(undefined, 2) }, 200, body, paging);
    expect(first.body).toEqual({
      data: [{ id: "a" }, { id: "b" }],
      meta: { next_cursor: "token-2", has_more: true, request_id: "r1" },
      total: 5,
    });
    const last: any = mockPage({ raw: raw("/x"), query: {}, page: cursorPage(4, 2) }, 200, body, paging);
    expect(last.body.meta).toEqual({ next_cursor: "", has_more: false, request_id: "r1" });
    expect(last.headers).toBeUndefined();
  });

  it("cursor: a last page makes up no object for a token the example does not carry", () => {
    const paging: MockPaging = {
      kind: "cursor",
      items: ["data"],
      next: ["response_metadata", "next_cursor"],
      hasMore: null,
      total: null,
    };
    const result: any = mockPage(
      { raw: raw("/x"), query: {}, page: cursorPage(undefined, 10) },
      200,
      { data: items },
      paging,
    );
    expect(result.body).toEqual({ data: items });
  });

  it("offset: sets isLast, has_more and total consistently with the slice", () => {
    const paging: MockPaging = {
      kind: "offset",
      items: ["values"],
      isLast: ["isLast"],
      hasMore: ["has_more"],
      total: ["total"],
    };
    const page = (offset: number): any =>
      mockPage<any>(
        { raw: raw("/x"), query: {}, page: { offset, limit: 2 } },
        200,
        { values: items, isLast: true, has_more: false, total: 99 },
        paging,
      ).body;
    expect(page(2)).toEqual({ values: [{ id: "c" }, { id: "d" }], isLast: false, has_more: true, total: 5 });
    expect(page(4)).toEqual({ values: [{ id: "e" }], isLast: true, has_more: false, total: 5 });
    expect(ids(page(10), ["values"])).toEqual([]);
  });

  it("offset with minItems (winsms.co.za): pages hold at least minItems items; past the end the answer has no body", () => {
    const paging: MockPaging = {
      kind: "offset",
      items: ["values"],
      isLast: null,
      hasMore: null,
      total: null,
      minItems: 2,
    };
    const page = (offset: number, limit: number): any =>
      mockPage<any>({ raw: raw("/x"), query: {}, page: { offset, limit } }, 200, { values: items }, paging);
    expect(ids(page(0, 1).body, ["values"])).toEqual(["a", "b"]);
    expect(ids(page(3, 2).body, ["values"])).toEqual(["d", "e"]);
    const past = page(4, 2);
    expect(past.status).toBe(200);
    expect(past.body).toBeUndefined();
    expect(page(5, 1).body).toBeUndefined();
  });

  it("link: rel=next with the page and size parameters until the last page; one page without a page parameter", () => {
    const paging: MockPaging = {
      kind: "link",
      items: null,
      pageParam: "page",
      sizeParam: "per_page",
      defaultSize: 30,
      maxSize: 100,
    };
    const second: any = mockPage(
      {
        raw: raw("/v1/repos?per_page=2&page=2&sort=name"),
        query: { per_page: 2, page: 2, sort: "name" },
        page: undefined,
      },
      200,
      items,
      paging,
    );
    expect(second.body).toEqual([{ id: "c" }, { id: "d" }]);
    expect(second.headers).toEqual({ Link: '</v1/repos?per_page=2&page=3&sort=name>; rel="next"' });
    const last: any = mockPage(
      { raw: raw("/v1/repos?per_page=2&page=3"), query: { per_page: 2, page: 3 }, page: undefined },
      200,
      items,
      paging,
    );
    expect([last.body, last.headers]).toEqual([[{ id: "e" }], undefined]);
    const single: any = mockPage({ raw: raw("/v1/repos"), query: { per_page: 2 }, page: undefined }, 200, items, {
      ...paging,
      pageParam: null,
    });
    expect([single.body.length, single.headers]).toEqual([5, undefined]);
  });

  it("after: continues after the item the cursor names; an unknown cursor has nothing after it", () => {
    const paging: MockPaging = {
      kind: "after",
      items: ["data"],
      afterParam: "starting_after",
      cursor: ["id"],
      hasMore: ["has_more"],
      sizeParam: "limit",
      defaultSize: 10,
      maxSize: 100,
    };
    const page = (query: Record<string, unknown>): any =>
      mockPage<any>(
        { raw: raw("/x"), query, page: undefined },
        200,
        { object: "list", data: items, has_more: false },
        paging,
      ).body;
    expect(page({ limit: 2 })).toEqual({ object: "list", data: [{ id: "a" }, { id: "b" }], has_more: true });
    expect(page({ limit: 2, starting_after: "d" })).toEqual({ object: "list", data: [{ id: "e" }], has_more: false });
    expect(page({ starting_after: "zzz" })).toEqual({ object: "list", data: [], has_more: false });
  });
});
