// The TanStack Query adapter (issue 14, `--tanstack-query`), in Node: its options run with @tanstack/query-core's
// QueryClient against the generated mock. Each infinite list is read with fetchInfiniteQuery, then fetchNextPage
// until hasNextPage is false, and yields the items `for await` over the client yields, one request per page; a
// failing query carries the operation's typed problem; a list whose scheme the spec does not prove gets no
// infinite options. The generated file type-checks under the strict flags, and bundling one option leaves the
// other operations out.
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import {
  InfiniteQueryObserver,
  MutationObserver,
  QueryClient,
  type InfiniteQueryObserverOptions,
} from "@tanstack/query-core";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { nextLinkParam, nextPageParams } from "../../templates/runtime/client/tanstack-query.js";
import { serveGeneratedMock, STRICT_FLAGS, typecheck, type ServedMock } from "../server/e2e-harness.js";
import { generateTanstackApi } from "./tanstack-harness.js";

const STRICT = { ...STRICT_FLAGS, lib: ["ES2023", "DOM", "DOM.Iterable"] };

// Code a user writes: data and error types flow from the options and from the keys into the QueryClient.
const USAGE = `
import { QueryClient } from "@tanstack/query-core";
import { ApiError, createBaseClient } from "./client.js";
import { createTaskMutationOptions, getTaskQueryKey, getTaskQueryOptions, listReposInfiniteQueryOptions, listTasksInfiniteQueryKey, type GetTaskQueryError } from "./tanstack-query.js";

export async function usage(): Promise<void> {
  const queryClient = new QueryClient();
  const client = createBaseClient({ baseUrl: "http://localhost/v1" });
  const task = await queryClient.fetchQuery(getTaskQueryOptions(client, { task_id: "t1" }));
  const title: string = task.title;
  const cached: string | undefined = queryClient.getQueryData(getTaskQueryKey({ task_id: "t1" }))?.title;
  const error: GetTaskQueryError | null | undefined = queryClient.getQueryState(getTaskQueryKey({ task_id: "t1" }))?.error;
  const code: string | undefined = error instanceof ApiError ? error.problem.code : undefined;
  const ids: string[] | undefined = queryClient.getQueryData(listTasksInfiniteQueryKey())?.pages.flatMap((page) => page.items.map((item) => item.id));
  const repos = await queryClient.fetchInfiniteQuery(listReposInfiniteQueryOptions(client, { per_page: 2 }));
  const repo: number | undefined = repos.pages[0]?.data[0]?.id;
  const options = createTaskMutationOptions(client);
  const created = await options.mutationFn({ body: { title: "x" } }, { client: queryClient, meta: undefined });
  void [title, cached, code, ids, repo, created.id];
}
`;

type Options = InfiniteQueryObserverOptions<any, any, any, any, any>;
type Module = Record<string, any>;

/** Every page of an infinite query: fetchInfiniteQuery, then fetchNextPage while hasNextPage. */
async function allPages(options: Options): Promise<unknown[]> {
  const queryClient = new QueryClient();
  await queryClient.fetchInfiniteQuery(options);
  const observer = new InfiniteQueryObserver(queryClient, options);
  let result = observer.getCurrentResult();
  while (result.hasNextPage) result = await observer.fetchNextPage();
  if (result.isError) throw result.error;
  return result.data.pages;
}

async function collect(iterable: AsyncIterable<unknown>): Promise<unknown[]> {
  const items: unknown[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

describe("the TanStack Query adapter against the generated mock", () => {
  let outDir = "";
  let mock: ServedMock;
  let api: Module;
  let adapter: Module;
  let client: object;

  beforeAll(async () => {
    outDir = await generateTanstackApi("tanstack-node");
    mock = await serveGeneratedMock(outDir);
    api = await import(pathToFileURL(join(outDir, "client.ts")).href);
    adapter = await import(pathToFileURL(join(outDir, "tanstack-query.ts")).href);
    client = api.createBaseClient({ baseUrl: `${mock.url}/v1`, retry: false });
  });
  afterAll(async () => {
    await mock?.close();
    expect(mock.serverErrors).toEqual([]);
  });

  // [infinite options, params, the items of a page, the grouped client's list for the same walk]
  const LISTS: [string, object, (page: any) => unknown[], (grouped: any) => any][] = [
    ["listTasksInfiniteQueryOptions", { page_size: 2 }, (page) => page.items, (grouped) => grouped.tasks.list],
    ["listEventsInfiniteQueryOptions", { limit: 2 }, (page) => page.data, (grouped) => grouped.events.list],
    ["listChargesInfiniteQueryOptions", { limit: 2 }, (page) => page.data, (grouped) => grouped.charges.list],
    ["listReposInfiniteQueryOptions", { per_page: 2 }, (page) => page.data, (grouped) => grouped.repos.list],
  ];

  it.each(LISTS)(
    "%s reads every page once, the items for await yields, and asks for no page past the last",
    async (name, params, itemsOf, list) => {
      const walked = await collect(list(api.createClient({ baseUrl: `${mock.url}/v1`, retry: false }))(params));
      mock.requests.length = 0;
      const pages = await allPages(adapter[name](client, params));
      expect(pages.flatMap(itemsOf)).toEqual(walked);
      expect(pages.length).toBeGreaterThan(2);
      expect(mock.requests).toHaveLength(pages.length);
    },
  );

  it("pages by the scheme: the token where it is nested, the offset by the items received, after the last id, the Link URL", async () => {
    mock.requests.length = 0;
    await allPages(adapter.listTasksInfiniteQueryOptions(client, { page_size: 2 }));
    expect(mock.requests[1]).toMatch(/^GET \/v1\/tasks\?page_size=2&page_token=[A-Za-z0-9_-]+/);
    mock.requests.length = 0;
    await allPages(adapter.listEventsInfiniteQueryOptions(client, { limit: 2 }));
    expect(mock.requests.slice(0, 3)).toEqual([
      "GET /v1/events?limit=2",
      "GET /v1/events?limit=2&offset=2",
      "GET /v1/events?limit=2&offset=4",
    ]);
    mock.requests.length = 0;
    const charges = await allPages(adapter.listChargesInfiniteQueryOptions(client, { limit: 2 }));
    expect(mock.requests[1]).toBe(`GET /v1/charges?limit=2&starting_after=${(charges[0] as any).data[1].id}`);
    mock.requests.length = 0;
    const repos = (await allPages(adapter.listReposInfiniteQueryOptions(client, { per_page: 2 }))) as {
      next: string | null;
    }[];
    expect(repos.at(-1)?.next).toBeNull();
    expect(`${mock.url}${mock.requests[1]!.slice("GET ".length)}`).toBe(repos[0]!.next);
  });

  it("keys are [operation, params] (infinite: a third element), plain JSON, and the cache is read through them", async () => {
    expect(adapter.getTaskQueryKey({ task_id: "t1" })).toEqual(["getTask", { task_id: "t1" }]);
    expect(adapter.listTasksInfiniteQueryKey({ page_size: 2 })).toEqual(["listTasks", { page_size: 2 }, "infinite"]);
    expect(adapter.createTaskMutationKey()).toEqual(["createTask"]);
    const key = adapter.listTasksQueryKey();
    expect(JSON.parse(JSON.stringify(key))).toEqual(key);
    const queryClient = new QueryClient();
    const task = await queryClient.fetchQuery(adapter.getTaskQueryOptions(client, { task_id: "t1" }));
    expect(queryClient.getQueryData(adapter.getTaskQueryKey({ task_id: "t1" }))).toBe(task);
  });

  it("a failing query rejects with the status's ApiError and the operation's problem, without TanStack retries", async () => {
    mock.requests.length = 0;
    const error = await new QueryClient()
      .fetchQuery(adapter.getTaskQueryOptions(client, { task_id: "no such id" }))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(api.BadRequestError);
    expect((error as any).problem).toMatchObject({
      status: 400,
      errors: [expect.objectContaining({ field: "path.task_id" })],
    });
    expect(mock.requests).toHaveLength(1);
  });

  it("mutations send their variables as the operation's params", async () => {
    const queryClient = new QueryClient();
    const observer = new MutationObserver<unknown, unknown, object>(
      queryClient,
      adapter.createTaskMutationOptions(client),
    );
    const created = await observer.mutate({ body: { title: "new" } });
    expect(created).toEqual({ id: "t9", title: "new" });
    // The variables are what is sent: a body without its required title is refused by the server.
    expect(await observer.mutate({ body: {} }).catch((e: unknown) => e)).toBeInstanceOf(api.BadRequestError);
    expect(adapter.createTaskQueryOptions).toBeUndefined();
  });

  it("gives infinite options only to lists whose scheme the spec proves", () => {
    expect(typeof adapter.listNotesQueryOptions).toBe("function");
    expect(adapter.listNotesInfiniteQueryOptions).toBeUndefined();
    expect(adapter.getTaskInfiniteQueryOptions).toBeUndefined();
  });

  it("type-checks under the strict flags, with the types flowing from keys and options into the QueryClient", async () => {
    await writeFile(join(outDir, "usage.ts"), USAGE);
    expect(await typecheck("tanstack-strict", [outDir], STRICT)).toBe("");
  }, 240_000);

  it("is tree-shakeable: a bundle of one option holds no other operation", async () => {
    const bundle = async (name: string) => {
      const entry = join(outDir, `one-${name}.ts`);
      await writeFile(entry, `import { ${name} } from "./tanstack-query.js";\nexport const options = ${name};\n`);
      const result = await build({
        entryPoints: [entry],
        bundle: true,
        format: "esm",
        write: false,
        logLevel: "silent",
        external: ["@tanstack/*"],
      });
      return result.outputFiles[0]?.text ?? "";
    };
    const query = await bundle("getTaskQueryOptions");
    expect(query).toContain('"/tasks/{task_id}"');
    for (const other of ['"/charges"', '"/events"', '"/repos"', '"/notes"', "listTasks$paging", "nextPageParams"])
      expect(query).not.toContain(other);
    const infinite = await bundle("listChargesInfiniteQueryOptions");
    expect(infinite).toContain('"/charges"');
    for (const other of ['"/tasks/{task_id}"', '"/events"', '"/repos"', "listTasks$paging", "function linkPage"])
      expect(infinite).not.toContain(other);
  });
});

describe("getNextPageParam never loops", () => {
  const cursor = { kind: "cursor", token: "page_token", next: ["meta", "next_cursor"], items: ["items"] } as const;
  it("a token the list was already read with ends it", () => {
    const page = { items: [1], meta: { next_cursor: "abc" } };
    expect(nextPageParams(cursor, page, [page], { page_size: 1 }, [{ page_size: 1 }])).toEqual({
      page_size: 1,
      page_token: "abc",
    });
    expect(
      nextPageParams(cursor, page, [page, page], { page_size: 1, page_token: "abc" }, [
        { page_size: 1 },
        { page_size: 1, page_token: "abc" },
      ]),
    ).toBeUndefined();
  });
  it("an item without the cursor to continue after ends a keyset list instead of throwing while rendering", () => {
    const after = {
      kind: "after",
      after: "starting_after",
      cursor: ["id"],
      hasMore: ["has_more"],
      items: ["data"],
    } as const;
    expect(nextPageParams(after, { data: [{ name: "no id" }], has_more: true }, [], {}, [{}])).toBeUndefined();
  });
  it("a Link URL already followed ends the list", () => {
    expect(nextLinkParam({ data: [], next: "http://x/a?page=2" }, [null])).toBe("http://x/a?page=2");
    expect(nextLinkParam({ data: [], next: "http://x/a?page=2" }, [null, "http://x/a?page=2"])).toBeUndefined();
  });
});
