// What the generated tanstack-query.ts builds its options with (copied into runtime/ only when the
// adapter is generated). Types only come from @tanstack/query-core, which @tanstack/react-query, vue-query,
// solid-query, svelte-query and angular-query all re-export and accept: the options are plain objects, so one file
// serves every framework adapter, and no TanStack code is bundled by this file.
import type {
  DataTag,
  InfiniteData,
  InfiniteQueryObserverOptions,
  MutationFunction,
  MutationObserverOptions,
  QueryFunction,
  QueryKey,
  QueryObserverOptions,
} from "@tanstack/query-core";
import type { InvalidParameterError, NetworkError, ResponseTooLargeError, TimeoutError } from "./errors.js";
import { followLink, itemsOf, nextParams, PaginationError, type ParamsScheme } from "./pagination.js";
import type { BaseClient, OperationSpec, RequestOptions } from "./transport.js";

/**
 * What a query or mutation of an operation can fail with: `Thrown`, the operation's ApiError for a non-2xx answer (its
 * `problem` typed by the spec), or a failure before any answer.
 */
export type QueryError<Thrown> = Thrown | NetworkError | TimeoutError | InvalidParameterError | ResponseTooLargeError;

/** An infinite query's failures: a Link to another origin is refused too. */
export type InfiniteQueryError<Thrown> = QueryError<Thrown> | PaginationError;

/** TanStack Query refuses `undefined` as query data: a call answered without a body (204, HEAD) resolves to null. */
export type Defined<T> = Exclude<T, undefined> | (undefined extends T ? null : never);

export function defined<T>(value: T): Defined<T> {
  return (value === undefined ? null : value) as Defined<T>;
}

/** Options of a query; its key carries data and error types (`queryClient.getQueryData(key)` is typed). */
export type QueryOptionsFor<Data, Error, Key extends QueryKey> = QueryObserverOptions<Data, Error, Data, Data, Key> & {
  queryKey: DataTag<Key, Data, Error>;
  queryFn: QueryFunction<Data, Key>;
};

/** Options of an infinite query: each page is one call's data, `pageParam` says which page. */
export type InfiniteQueryOptionsFor<Page, Error, Key extends QueryKey, PageParam> = InfiniteQueryObserverOptions<
  Page,
  Error,
  InfiniteData<Page, PageParam>,
  Key,
  PageParam
> & {
  queryKey: DataTag<Key, InfiniteData<Page, PageParam>, Error>;
  queryFn: QueryFunction<Page, Key, PageParam>;
  initialPageParam: PageParam;
};

/** Options of a mutation: `mutate(params)` calls the operation. */
export type MutationOptionsFor<Data, Error, Variables> = MutationObserverOptions<Data, Error, Variables> & {
  mutationKey: readonly [string];
  mutationFn: MutationFunction<Data, Variables>;
};

/** The call's options with TanStack's signal (cancelled queries abort their request), besides the caller's own. */
export function withSignal(options: RequestOptions | undefined, signal: AbortSignal): RequestOptions {
  return { ...options, signal: options?.signal ? AbortSignal.any([options.signal, signal]) : signal };
}

/**
 * `getNextPageParam` of a token, offset or keyset list: the parameters of the next page, read from the last page the
 * way the operation's scheme says (runtime/pagination.ts, the same rules as `for await`), or undefined after the last
 * page. A position already requested ends the list rather than reading the same pages again. It never throws:
 * TanStack calls it while rendering (`hasNextPage`), so a page that cannot be continued (an item without its cursor)
 * ends the list too.
 */
export function nextPageParams<Params extends object>(
  scheme: ParamsScheme,
  lastPage: unknown,
  allPages: readonly unknown[],
  lastParams: Params,
  allParams: readonly Params[],
): Params | undefined {
  const largestEarlier = Math.max(0, ...allPages.slice(0, -1).map((page) => itemsOf(page, scheme.items).length));
  let next: Params | undefined;
  try {
    next = nextParams(scheme, lastPage, null, lastParams as Record<string, unknown>, largestEarlier)?.params as
      | Params
      | undefined;
  } catch (error) {
    if (error instanceof PaginationError) return undefined;
    throw error;
  }
  const key = JSON.stringify(next);
  return next !== undefined && !allParams.some((params) => JSON.stringify(params) === key) ? next : undefined;
}

/** A page of a list that pages by `Link: rel="next"` (RFC 8288): the call's data, and the next page's URL (null on the last). */
export interface LinkPage<Data> {
  data: Data;
  next: string | null;
}

/**
 * One page of a Link-paged list: the first from the operation's parameters (`url` null), the others from the URL the
 * previous page's Link header named (same origin only). The response's headers are read here, so the page keeps the
 * next URL as data (serialisable, unlike the Response).
 */
export async function linkPage<Data>(
  client: BaseClient,
  op: OperationSpec,
  params: object,
  options: RequestOptions,
  url: string | null,
): Promise<LinkPage<Data>> {
  const reply = await client["~transport"].send(op, params, options, url ?? undefined);
  return { data: reply.data as Data, next: followLink(reply) ?? null };
}

/** `getNextPageParam` of a Link-paged list: the next URL, unless it was requested already. */
export function nextLinkParam(lastPage: LinkPage<unknown>, allParams: readonly (string | null)[]): string | undefined {
  return lastPage.next !== null && !allParams.includes(lastPage.next) ? lastPage.next : undefined;
}
