// Auto-pagination: `for await (const item of list())` walks every item of every page; `.pages()` walks pages;
// `await list()` is the first page. The scheme comes from the spec (detected or declared in x-pagination/config).
// Every walk ends: on the API's own end signal, else with a PaginationError when the next token/link/cursor
// repeats one already followed, or when `maxPages` (default 1,000) pages have been read.
import type { OperationSpec, RequestOptions, Transport, WithResponse } from "./transport.js";

/** Property names from the body's root to a field: `["next_page", "offset"]` is Asana's `next_page.offset`. */
export type FieldPath = readonly string[];

/** `items`: where the page's items are; absent when the body is the array itself. */
export type PageScheme =
  | { kind: "cursor"; token: string; next: FieldPath; hasMore?: FieldPath; items?: FieldPath }
  | {
      kind: "offset";
      offset: string;
      limit: string;
      isLast?: FieldPath;
      hasMore?: FieldPath;
      total?: FieldPath;
      items?: FieldPath;
    }
  | { kind: "link"; items?: FieldPath }
  | { kind: "after"; after: string; cursor: FieldPath; hasMore: FieldPath; items?: FieldPath };

/** The default of `maxPages`: a walk that reads this many pages stops with a PaginationError. */
export const DEFAULT_MAX_PAGES = 1000;

export interface PageOptions extends RequestOptions {
  /** Most pages one walk reads (default 1,000); reaching it throws a PaginationError rather than looping on. */
  maxPages?: number;
  /** true: `await` gives the first page as `{ data, response }`, and `.pages()` yields each page so (items stay items). */
  withResponse?: boolean;
}

/** A walk that cannot go on correctly: a repeated next token/link/cursor, the page cap, a cross-origin link. */
export class PaginationError extends Error {
  override name = "PaginationError";
}

type Prop<T, K extends string> = T extends unknown ? (T extends Partial<Record<K, infer V>> ? V : never) : never;
/** The type at a field path (`FieldAt<Page, ["data"]>`). */
export type FieldAt<T, Path extends FieldPath> = Path extends readonly [
  infer Head extends string,
  ...infer Rest extends FieldPath,
]
  ? FieldAt<NonNullable<Prop<NonNullable<T>, Head>>, Rest>
  : T;

/** The element type of a page's items (`Path` null: the page is the array). */
export type ItemOf<Page, Path extends FieldPath | null> = (
  Path extends FieldPath
    ? FieldAt<Page, Path>
    : Page
) extends readonly (infer Item)[]
  ? Item
  : never;

/**
 * A list call: `await` it for the first page (a real Promise: `catch` and `finally` work, and awaiting it again
 * sends no second request), or iterate it for every item (`for await`) or every page (`.pages()`), each walk
 * sending its own requests.
 */
export interface Paginated<Item, Page> extends AsyncIterable<Item>, Promise<Page> {
  pages(): AsyncGenerator<Page, void, undefined>;
}

/** A grouped list method (`api.pets.list`): its overloads type `withResponse: true`. */
export interface PagedMethod<P, Item, Page> {
  (params: P, options: PageOptions & { withResponse: true }): Paginated<Item, WithResponse<Page>>;
  (params: P, options?: PageOptions & { withResponse?: false }): Paginated<Item, Page>;
}

/** A grouped list method whose parameters are all optional. */
export interface OptionalParamsPagedMethod<P, Item, Page> {
  (params: P | undefined, options: PageOptions & { withResponse: true }): Paginated<Item, WithResponse<Page>>;
  (params?: P, options?: PageOptions & { withResponse?: false }): Paginated<Item, Page>;
}

function fieldAt(value: unknown, path: FieldPath): unknown {
  let node = value;
  for (const name of path) {
    if (typeof node !== "object" || node === null || !Object.prototype.hasOwnProperty.call(node, name))
      return undefined;
    node = (node as Record<string, unknown>)[name];
  }
  return node;
}

function itemsOf(page: unknown, items: FieldPath | undefined): unknown[] {
  const value = items === undefined ? page : fieldAt(page, items);
  return Array.isArray(value) ? value : [];
}

/** The rel="next" target of an RFC 8288 Link header. */
export function nextLink(header: string | null): string | undefined {
  for (const [, target, params] of (header ?? "").matchAll(/<([^>]*)>([^<]*)/g)) {
    if (/;\s*rel\s*=\s*"?[^";,]*\bnext\b/i.test(params ?? "")) return target;
  }
  return undefined;
}

/** Counts pages and remembers every position followed, so that no walk repeats itself or runs forever. */
class WalkGuard {
  private pages = 0;
  private readonly seen = new Set<string>();
  private readonly maxPages: number;
  private readonly what: string;
  // Fields assigned in the body, not constructor parameter properties: the output compiles under erasableSyntaxOnly.
  constructor(maxPages: number, what: string) {
    this.maxPages = maxPages;
    this.what = what;
  }

  /** Before requesting another page. */
  page(): void {
    if (++this.pages > this.maxPages) {
      throw new PaginationError(
        `${this.what}: stopped after ${this.maxPages} pages (maxPages); pass a larger maxPages to read more`,
      );
    }
  }

  /** Before following `position` (a token, cursor, link or the next parameters). */
  follow(kind: string, position: unknown): void {
    const key = JSON.stringify(position) ?? String(position);
    if (this.seen.has(key)) {
      throw new PaginationError(
        `${this.what}: the server sent the ${kind} ${key} a second time; stopping instead of reading the same pages again`,
      );
    }
    this.seen.add(key);
  }
}

function maxPagesOf(options: { maxPages?: number } | undefined): number {
  const max = options?.maxPages;
  return typeof max === "number" && max >= 1 ? Math.floor(max) : DEFAULT_MAX_PAGES;
}

/** Where the next page is: new parameters, a URL (Link), or undefined on the last page. */
type Next = { params: Record<string, unknown>; url?: undefined } | { url: string } | undefined;

interface PageState {
  /** Largest page seen: the page size when the caller asked for none. */
  pageSize: number;
}

/**
 * Whether an offset page is the last: the API's own signal (`isLast`, `has_more`, `total`, a Link header without
 * rel="next") when the reply has one; otherwise a short page, that is fewer items than `size` (the limit asked, else
 * the largest earlier page; 0 on a first page without a limit, which never ends a walk). An empty page always ends.
 * `link` is the reply's Link header, null when there is none or it is not known.
 */
export function isLastOffsetPage(
  scheme: Extract<PageScheme, { kind: "offset" }>,
  data: unknown,
  link: string | null,
  offset: number,
  received: number,
  size: number,
): boolean {
  if (received === 0) return true;
  const isLast = scheme.isLast && fieldAt(data, scheme.isLast);
  if (typeof isLast === "boolean") return isLast;
  const hasMore = scheme.hasMore && fieldAt(data, scheme.hasMore);
  if (typeof hasMore === "boolean") return !hasMore;
  const total = scheme.total && fieldAt(data, scheme.total);
  if (typeof total === "number") return offset + received >= total;
  if (link !== null) return nextLink(link) === undefined;
  return received < size;
}

/** The absolute rel="next" target of a reply's Link header; refuses one on another origin (credentials go with every request). */
export function followLink(reply: { response: Response; url: string }): string | undefined {
  const next = nextLink(reply.response.headers.get("link"));
  if (!next) return undefined;
  const resolved = new URL(next, reply.url);
  if (resolved.origin !== new URL(reply.url).origin)
    throw new PaginationError(`refusing cross-origin pagination link ${resolved.href}`);
  return resolved.href;
}

/** `fieldAt`: the value at a path (own properties only); `itemsOf`: a page's items ([] when there are none). */
export { fieldAt, itemsOf };

/** The schemes whose next page is the same request with other parameters (Link gives a URL instead). */
export type ParamsScheme = Exclude<PageScheme, { kind: "link" }>;

/** The parameters of the page after `data`, with the token or cursor they carry (none for an offset); undefined on the last page. */
export interface NextParams {
  params: Record<string, unknown>;
  position?: { kind: "next token" | "cursor"; value: unknown };
}

/**
 * Where the page after `data` (requested with `params`) starts, or undefined when it was the last. `largestPage`:
 * the most items an earlier page held (the page size of an offset walk that asks for no limit). `link`: the reply's
 * Link header, null when absent or unknown.
 */
export function nextParams(
  scheme: ParamsScheme,
  data: unknown,
  link: string | null,
  params: Record<string, unknown>,
  largestPage: number,
): NextParams | undefined {
  const items = itemsOf(data, scheme.items);
  switch (scheme.kind) {
    case "cursor": {
      if (scheme.hasMore && fieldAt(data, scheme.hasMore) === false) return undefined;
      const token = fieldAt(data, scheme.next);
      if (token === undefined || token === null || token === "") return undefined;
      return { params: { ...params, [scheme.token]: token }, position: { kind: "next token", value: token } };
    }
    case "offset": {
      const offset = Number(params[scheme.offset] ?? 0) || 0;
      const asked = Number(params[scheme.limit]);
      const size = Number.isFinite(asked) && asked > 0 ? asked : largestPage;
      if (isLastOffsetPage(scheme, data, link, offset, items.length, size)) return undefined;
      return { params: { ...params, [scheme.offset]: offset + items.length } };
    }
    case "after": {
      if (fieldAt(data, scheme.hasMore) !== true || items.length === 0) return undefined;
      const cursor = fieldAt(items[items.length - 1], scheme.cursor);
      if (cursor === undefined || cursor === null)
        throw new PaginationError(`the last item of the page has no ${scheme.cursor.join(".")} to continue after`);
      return { params: { ...params, [scheme.after]: cursor }, position: { kind: "cursor", value: cursor } };
    }
  }
}

function nextOf(
  scheme: PageScheme,
  reply: { data: unknown; response: Response; url: string },
  params: Record<string, unknown>,
  guard: WalkGuard,
  state: PageState,
): Next {
  if (scheme.kind === "link") {
    const next = followLink(reply);
    if (next === undefined) return undefined;
    guard.follow("next link", next);
    return { url: next };
  }
  const next = nextParams(scheme, reply.data, reply.response.headers.get("link"), params, state.pageSize);
  state.pageSize = Math.max(state.pageSize, itemsOf(reply.data, scheme.items).length);
  if (next?.position) guard.follow(next.position.kind, next.position.value);
  return next && { params: next.params };
}

export function paginate<Item, Page>(
  transport: Transport,
  op: OperationSpec,
  input: object,
  options: PageOptions | undefined,
  scheme: PageScheme,
): Paginated<Item, Page> | Paginated<Item, WithResponse<Page>> {
  // What a page is to the caller: its body, or with `withResponse` the body beside its Response.
  type Shown = Page | WithResponse<Page>;
  const show = (reply: { data: unknown; response: Response }): Shown =>
    options?.withResponse ? { data: reply.data as Page, response: reply.response } : (reply.data as Page);
  const bodyOf = (page: Shown): unknown => (options?.withResponse ? (page as WithResponse<Page>).data : page);
  async function* pages(): AsyncGenerator<Shown, void, undefined> {
    const guard = new WalkGuard(maxPagesOf(options), `${op.method} ${op.path}`);
    const state: PageState = { pageSize: 0 };
    let params: Record<string, unknown> = { ...input };
    let url: string | undefined;
    for (;;) {
      guard.page();
      const reply = await transport.send(op, params, options, url);
      yield show(reply);
      const next = nextOf(scheme, reply, params, guard, state);
      if (next === undefined) return;
      // A Link target carries the query itself; the other styles change one parameter of the same request.
      if (next.url !== undefined) url = next.url;
      else params = next.params;
    }
  }

  // Sent on the first await only (iterating alone never sends it), then shared by every later await.
  let firstPage: Promise<Shown> | undefined;
  const first = (): Promise<Shown> => (firstPage ??= transport.send(op, input, options).then(show));
  const paginated: Paginated<Item, Shown> = {
    pages,
    async *[Symbol.asyncIterator]() {
      for await (const page of pages()) yield* itemsOf(bodyOf(page), scheme.items) as Item[];
    },
    then(onFulfilled, onRejected) {
      return first().then(onFulfilled, onRejected);
    },
    catch(onRejected) {
      return first().catch(onRejected);
    },
    finally(onFinally) {
      return first().finally(onFinally);
    },
    [Symbol.toStringTag]: "Paginated",
  };
  return paginated as Paginated<Item, Page> | Paginated<Item, WithResponse<Page>>;
}

/**
 * Pages by hand, for an operation the client does not page itself (its scheme was not proven by the spec): calls
 * `fetchPage` with `first`, then with what `next` returns for each page, until `next` returns undefined. The same
 * guards apply: parameters repeated, or more than `maxPages` pages, throw a PaginationError.
 *
 *     for await (const page of walkPages((p) => api.projects.list(p), { limit: 50 },
 *       (page, p) => (page.next_page?.offset ? { ...p, offset: page.next_page.offset } : undefined))) { … }
 */
export async function* walkPages<Params, Page>(
  fetchPage: (params: Params) => PromiseLike<Page>,
  first: Params,
  next: (page: Page, params: Params) => Params | undefined,
  options: { maxPages?: number } = {},
): AsyncGenerator<Page, void, undefined> {
  const guard = new WalkGuard(maxPagesOf(options), "walkPages");
  for (let params: Params | undefined = first; params !== undefined; ) {
    guard.page();
    guard.follow("parameters", params);
    const page: Page = await fetchPage(params);
    yield page;
    params = next(page, params);
  }
}
