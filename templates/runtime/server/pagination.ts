// What a list handler gets as `page`, and the RFC 8288 Link header the offset style answers with.
import type { JsonValue, PageTokenCodec } from "./page-token.js";
import { queryBinding } from "./page-token.js";

export type PagingSpec =
  | { kind: "cursor"; tokenParam: string; sizeParam: string | null; defaultSize: number; maxSize: number }
  | { kind: "offset"; offsetParam: string; limitParam: string; defaultSize: number; maxSize: number; itemsField: readonly string[] | null };

export interface CursorPage {
  /** Page size asked for (the spec's default when absent or 0), never above the spec's maximum. */
  size: number;
  /** The position decoded from a verified `page_token`; undefined on the first page. */
  position: JsonValue | undefined;
  /** A signed token for the page starting at `position`, bound to this request's filters. */
  next(position: JsonValue): string;
}

export interface OffsetPage {
  offset: number;
  limit: number;
}

export function pageSize(asked: unknown, spec: { defaultSize: number; maxSize: number }): number {
  if (typeof asked !== "number" || !Number.isFinite(asked) || asked <= 0) return spec.defaultSize;
  return Math.min(Math.floor(asked), spec.maxSize);
}

export function cursorPage(
  spec: Extract<PagingSpec, { kind: "cursor" }>,
  query: Record<string, unknown>,
  codec: PageTokenCodec,
): CursorPage {
  const paging = spec.sizeParam === null ? [spec.tokenParam] : [spec.tokenParam, spec.sizeParam];
  const tokens = codec.bound(queryBinding(query, paging));
  const token = query[spec.tokenParam];
  const position = typeof token === "string" && token !== "" ? tokens.verify(token, `query.${spec.tokenParam}`) : undefined;
  return {
    size: pageSize(spec.sizeParam === null ? undefined : query[spec.sizeParam], spec),
    position,
    next: (next) => tokens.sign(next),
  };
}

export function offsetPage(spec: Extract<PagingSpec, { kind: "offset" }>, query: Record<string, unknown>): OffsetPage {
  const offset = query[spec.offsetParam];
  return {
    offset: typeof offset === "number" && offset > 0 ? Math.floor(offset) : 0,
    limit: pageSize(query[spec.limitParam], spec),
  };
}

/**
 * The Link header for an offset page. `total` comes from the body's `total_size` when present; without it a
 * full page is taken to mean there may be more (and `last` is left out).
 */
export function offsetLinks(
  spec: Extract<PagingSpec, { kind: "offset" }>,
  page: OffsetPage,
  requestUrl: string,
  body: unknown,
): string | undefined {
  const items = itemsOf(body, spec.itemsField);
  if (items === undefined) return undefined;
  const total = totalOf(body);
  const hasNext = total !== undefined ? page.offset + items.length < total : items.length >= page.limit;
  const url = new URL(requestUrl, "http://placeholder");
  const at = (offset: number): string => {
    url.searchParams.set(spec.offsetParam, String(offset));
    url.searchParams.set(spec.limitParam, String(page.limit));
    return `<${url.pathname}${url.search}>`;
  };
  const links = [`${at(0)}; rel="first"`];
  if (page.offset > 0) links.push(`${at(Math.max(0, page.offset - page.limit))}; rel="prev"`);
  if (hasNext) links.push(`${at(page.offset + page.limit)}; rel="next"`);
  if (total !== undefined && total > 0) {
    links.push(`${at(Math.floor((total - 1) / page.limit) * page.limit)}; rel="last"`);
  }
  return links.join(", ");
}

/** The items at `itemsField` (property names from the body's root; null: the body is the array). */
function itemsOf(body: unknown, itemsField: readonly string[] | null): unknown[] | undefined {
  let items: unknown = body;
  for (const name of itemsField ?? []) {
    if (typeof items !== "object" || items === null) return undefined;
    items = (items as Record<string, unknown>)[name];
  }
  return Array.isArray(items) ? items : undefined;
}

function totalOf(body: unknown): number | undefined {
  if (typeof body !== "object" || body === null || Array.isArray(body)) return undefined;
  const total: unknown = (body as Record<string, unknown>)["total_size"];
  return typeof total === "number" ? total : undefined;
}
