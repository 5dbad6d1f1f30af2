// What a list handler gets as `page`, and the RFC 8288 Link header the offset style answers with.
import type { JsonValue, PageTokenCodec } from "./page-token.js";
import { queryBinding } from "./page-token.js";

export type PagingSpec =
  | {
      kind: "cursor";
      tokenParam: string;
      sizeParam: string | null;
      defaultSize: number;
      maxSize: number;
      /** "base64": the spec's token field is `format: byte`, so tokens travel base64-encoded (decoded on the way in). */
      tokenEncoding?: "base64";
    }
  | {
      kind: "offset";
      offsetParam: string;
      limitParam: string;
      defaultSize: number;
      maxSize: number;
      itemsField: readonly string[] | null;
      /** The body's total item count, when the schema has one. */
      totalField: readonly string[] | null;
      /** Whether the spec declares a Link header on the success response (the runtime adds none it does not declare). */
      linkHeader: boolean;
    };

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
  const base64 = spec.tokenEncoding === "base64";
  // A token that is not base64 decodes to bytes no signature matches: the same 400 as any tampered token.
  const given = typeof token === "string" && base64 ? Buffer.from(token, "base64").toString("latin1") : token;
  const position =
    typeof given === "string" && given !== "" ? tokens.verify(given, `query.${spec.tokenParam}`) : undefined;
  return {
    size: pageSize(spec.sizeParam === null ? undefined : query[spec.sizeParam], spec),
    position,
    next: (next) => {
      const signed = tokens.sign(next);
      return base64 ? Buffer.from(signed, "latin1").toString("base64") : signed;
    },
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
 * The Link header for an offset page, when the spec declares one. `total` comes from the body's `totalField`
 * when present; without it a full page is taken to mean there may be more (and `last` is left out).
 */
export function offsetLinks(
  spec: Extract<PagingSpec, { kind: "offset" }>,
  page: OffsetPage,
  requestUrl: string,
  body: unknown,
): string | undefined {
  if (!spec.linkHeader) return undefined;
  const items = valueAt(body, spec.itemsField ?? []);
  if (!Array.isArray(items)) return undefined;
  const total = spec.totalField === null ? undefined : valueAt(body, spec.totalField);
  const hasNext = typeof total === "number" ? page.offset + items.length < total : items.length >= page.limit;
  const url = new URL(requestUrl, "http://placeholder");
  const at = (offset: number): string => {
    url.searchParams.set(spec.offsetParam, String(offset));
    url.searchParams.set(spec.limitParam, String(page.limit));
    return `<${url.pathname}${url.search}>`;
  };
  const links = [`${at(0)}; rel="first"`];
  if (page.offset > 0) links.push(`${at(Math.max(0, page.offset - page.limit))}; rel="prev"`);
  if (hasNext) links.push(`${at(page.offset + page.limit)}; rel="next"`);
  if (typeof total === "number" && total > 0) {
    links.push(`${at(Math.floor((total - 1) / page.limit) * page.limit)}; rel="last"`);
  }
  return links.join(", ");
}

/** The value at `path` (property names from the body's root; [] is the body itself). */
export function valueAt(body: unknown, path: readonly string[]): unknown {
  let value: unknown = body;
  for (const name of path) {
    if (typeof value !== "object" || value === null || Array.isArray(value) || !Object.hasOwn(value, name))
      return undefined;
    value = (value as Record<string, unknown>)[name];
  }
  return value;
}
