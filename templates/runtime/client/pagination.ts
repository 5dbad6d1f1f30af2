// Auto-pagination: `for await (const item of list())` walks every item of every page; `.pages()` walks pages;
// `await list()` is the first page. The scheme comes from the spec (detected or declared in x-pagination/config).
import type { OperationSpec, RequestOptions, Transport } from "./transport.js";

/** `items`: the field holding the page's items; absent when the body is the array itself. */
export type PageScheme =
  | { kind: "cursor"; token: string; next: string; items?: string }
  | { kind: "offset"; offset: string; limit: string; items?: string }
  | { kind: "link"; items?: string }
  | { kind: "after"; after: string; cursor: string; hasMore: string; items?: string };

/** The element type of a page's items (`Field` null: the page is the array). */
export type ItemOf<Page, Field extends string | null> = Field extends string
  ? Page extends Partial<Record<Field, infer Items>> ? (NonNullable<Items> extends readonly (infer Item)[] ? Item : never) : never
  : Page extends readonly (infer Item)[] ? Item : never;

export interface Paginated<Item, Page> extends AsyncIterable<Item>, PromiseLike<Page> {
  pages(): AsyncGenerator<Page, void, undefined>;
}

function field(value: unknown, name: string): unknown {
  return typeof value === "object" && value !== null ? (value as Record<string, unknown>)[name] : undefined;
}

function itemsOf(page: unknown, scheme: PageScheme): unknown[] {
  const items = scheme.items === undefined ? page : field(page, scheme.items);
  return Array.isArray(items) ? items : [];
}

/** The rel="next" target of an RFC 8288 Link header. */
export function nextLink(header: string | null): string | undefined {
  for (const [, target, params] of (header ?? "").matchAll(/<([^>]*)>([^<]*)/g)) {
    if (/;\s*rel\s*=\s*"?[^";,]*\bnext\b/i.test(params ?? "")) return target;
  }
  return undefined;
}

export function paginate<Item, Page>(
  transport: Transport,
  op: OperationSpec,
  input: object,
  options: RequestOptions | undefined,
  scheme: PageScheme,
): Paginated<Item, Page> {
  async function* pages(): AsyncGenerator<Page, void, undefined> {
    let params: Record<string, unknown> = { ...input };
    let url: string | undefined;
    const seenTokens = new Set<unknown>();
    for (;;) {
      const reply = await transport.send(op, params, options, url);
      yield reply.data as Page;
      const items = itemsOf(reply.data, scheme);
      if (scheme.kind === "cursor") {
        const token = field(reply.data, scheme.next);
        // A repeated token would loop forever: treat it like the end.
        if (token === undefined || token === null || token === "" || seenTokens.has(token)) return;
        seenTokens.add(token);
        params = { ...params, [scheme.token]: token };
      } else if (scheme.kind === "offset") {
        // A short or empty page ends the list; so does a Link header without rel="next" (GitHub-style APIs send both).
        const link = reply.response.headers.get("link");
        if (items.length === 0 || items.length < Number(params[scheme.limit]) || (link !== null && !nextLink(link))) return;
        params = { ...params, [scheme.offset]: Number(params[scheme.offset] ?? 0) + items.length };
      } else if (scheme.kind === "after") {
        if (field(reply.data, scheme.hasMore) !== true || items.length === 0) return;
        params = { ...params, [scheme.after]: field(items[items.length - 1], scheme.cursor) };
      } else {
        const next = nextLink(reply.response.headers.get("link"));
        if (!next) return;
        const resolved = new URL(next, reply.url);
        // Credentials go with every request: never follow a Link to another origin.
        if (resolved.origin !== new URL(reply.url).origin) throw new Error(`refusing cross-origin pagination link ${resolved.href}`);
        url = resolved.href;
      }
    }
  }

  return {
    pages,
    async *[Symbol.asyncIterator]() {
      for await (const page of pages()) yield* itemsOf(page, scheme) as Item[];
    },
    then(onFulfilled, onRejected) {
      return transport.send(op, input, options).then((reply) => reply.data as Page).then(onFulfilled, onRejected);
    },
  };
}
