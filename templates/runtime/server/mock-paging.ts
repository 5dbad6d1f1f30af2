// Used by the generated mock.ts for list operations: one page of a finite dataset (the sample's items array holds
// all of it), paged the way the operation's scheme says, with a real last page. Only the fields and headers the
// scheme names are touched: the next token where it lives, has_more/isLast/total, and Link only for the link style.
import type { Request } from "express";
import type { HandlerResult } from "./operation.js";
import type { CursorPage, OffsetPage } from "./pagination.js";
import { pageSize, valueAt } from "./pagination.js";

type Path = readonly string[];

interface SizeParam {
  sizeParam: string | null;
  defaultSize: number;
  maxSize: number;
}

/**
 * Property paths from the body's root; `items` null: the body is the array. `minItems`: the items array's own
 * `minItems` (absent: none), which no page may fall short of.
 */
export type MockPaging = { minItems?: number } & (
  | { kind: "cursor"; items: Path | null; next: Path; hasMore: Path | null; total: Path | null }
  | { kind: "offset"; items: Path | null; isLast: Path | null; hasMore: Path | null; total: Path | null }
  | ({ kind: "link"; items: Path | null; pageParam: string | null } & SizeParam)
  | ({ kind: "after"; items: Path | null; afterParam: string; cursor: Path; hasMore: Path } & SizeParam)
);

interface MockRequest {
  raw: Request;
  query: unknown;
  page: unknown;
}

/** A list operation's mock answer: the page the request asks for, out of the dataset in `body`. */
export function mockPage<R>(request: MockRequest, status: number, body: unknown, paging: MockPaging): R {
  const dataset = valueAt(body, paging.items ?? []);
  const all = Array.isArray(dataset) ? dataset : [];
  const query = (request.query ?? {}) as Record<string, unknown>;
  const asked = window(paging, request, query, all);
  const { start } = asked;
  // A page smaller than the schema's minItems would fail it: pages hold at least that many items.
  const minItems = paging.minItems ?? 0;
  const size = Math.max(asked.size, minItems);
  const end = start + size >= all.length;
  const items = all.slice(start, start + size);
  const result: HandlerResult = { status };
  // Past the end of a list whose schema forbids a short or empty page (winsms.co.za's `minItems: 1`), no body is
  // valid: the answer has none (OpenAPI's `content` lists potential payloads), and a client reads no items: the end.
  if (items.length < minItems) return result as unknown as R;
  let page = withValueAt(
    structuredClone(body),
    paging.items ?? [],
    items.map((item) => structuredClone(item)),
  );
  switch (paging.kind) {
    case "cursor":
      // The last page clears the token where it lives (an example's own token would lead the client to a 400);
      // an object the example does not have is not made up for it.
      if (!end) page = withValueAt(page, paging.next, (request.page as CursorPage).next(start + size));
      else if (valueAt(page, paging.next) !== undefined) page = withValueAt(page, paging.next, "");
      if (paging.hasMore !== null) page = withValueAt(page, paging.hasMore, !end);
      if (paging.total !== null) page = withValueAt(page, paging.total, all.length);
      break;
    case "offset":
      if (paging.isLast !== null) page = withValueAt(page, paging.isLast, end);
      if (paging.hasMore !== null) page = withValueAt(page, paging.hasMore, !end);
      if (paging.total !== null) page = withValueAt(page, paging.total, all.length);
      break;
    case "link":
      if (!end && paging.pageParam !== null)
        result.headers = { Link: `<${nextUrl(request.raw, paging, start / size + 2, size)}>; rel="next"` };
      break;
    case "after":
      page = withValueAt(page, paging.hasMore, !end);
      break;
  }
  result.body = page;
  return result as unknown as R;
}

/** Where the page starts in the dataset and how many items it holds. */
function window(
  paging: MockPaging,
  request: MockRequest,
  query: Record<string, unknown>,
  all: readonly unknown[],
): { start: number; size: number } {
  switch (paging.kind) {
    case "cursor": {
      const page = request.page as CursorPage;
      return { start: typeof page.position === "number" ? page.position : 0, size: page.size };
    }
    case "offset": {
      const page = request.page as OffsetPage;
      return { start: page.offset, size: page.limit };
    }
    case "link": {
      const size = pageSize(paging.sizeParam === null ? undefined : query[paging.sizeParam], paging);
      if (paging.pageParam === null) return { start: 0, size: all.length }; // no parameter to ask for page 2: one page
      const asked = query[paging.pageParam];
      const number = typeof asked === "number" && Number.isInteger(asked) && asked > 1 ? asked : 1;
      return { start: (number - 1) * size, size };
    }
    case "after": {
      const size = pageSize(paging.sizeParam === null ? undefined : query[paging.sizeParam], paging);
      const after = query[paging.afterParam];
      if (after === undefined || after === "") return { start: 0, size };
      const index = all.findIndex((item) => String(valueAt(item, paging.cursor)) === String(after));
      return { start: index < 0 ? all.length : index + 1, size }; // an unknown cursor: nothing follows it
    }
  }
}

function nextUrl(raw: Request, paging: Extract<MockPaging, { kind: "link" }>, page: number, size: number): string {
  const url = new URL(raw.originalUrl, "http://placeholder");
  if (paging.pageParam !== null) url.searchParams.set(paging.pageParam, String(page));
  if (paging.sizeParam !== null) url.searchParams.set(paging.sizeParam, String(size));
  return `${url.pathname}${url.search}`;
}

/** `body` with the value at `path` set (objects on the way created when missing); [] replaces the body. */
export function withValueAt(body: unknown, path: Path, value: unknown): unknown {
  const [name, ...rest] = path;
  if (name === undefined) return value;
  const object =
    typeof body === "object" && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
  return { ...object, [name]: withValueAt(object[name], rest, value) };
}
