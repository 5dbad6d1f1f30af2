// The TanStack adapter's less common shapes (issue 14): a HEAD query (no body: TanStack refuses undefined data, so
// it resolves to null), mutations whose params are all optional (`mutate()`), a 204, an API with no GET at all;
// and the adapter generated for the repository's other specs. All of it type-checks under the strict flags.
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { CancelledError, MutationObserver, QueryClient } from "@tanstack/query-core";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { renderClient } from "../../generator/emit/client/generate-client.js";
import { tanstackView } from "../../generator/emit/client/tanstack-view.js";
import { clientView, type ClientView } from "../../generator/emit/client/view-model.js";
import { writeOutputDir } from "../../generator/emit/shared/output-dir.js";
import { bundleSpec, loadSpec } from "../../generator/load/index.js";
import { buildModel } from "../../generator/model/build-model.js";
import { STRICT_FLAGS, TMP_DIR, typecheck } from "../server/e2e-harness.js";
import { fakeFetch } from "./fake-fetch.js";
import { TANSTACK_SPEC } from "./tanstack-harness.js";

const verbose = { name: "verbose", in: "query", schema: { type: "boolean" } };
const EDGES = {
  openapi: "3.1.0",
  info: { title: "Edges", version: "1.0.0" },
  servers: [{ url: "https://edges.test/v1" }],
  paths: {
    // Each takes an optional parameter: client.ts leaves the `<Id>Op` alias of an operation with neither parameters
    // nor a typed body unused, which noUnusedLocals refuses (a client.ts matter, not the adapter's).
    "/ping": {
      head: { operationId: "headPing", parameters: [verbose], responses: { "200": { description: "alive, no body" } } },
    },
    "/jobs": {
      post: {
        operationId: "startJob",
        parameters: [verbose],
        responses: { "202": { description: "accepted, no body" } },
      },
    },
    "/jobs/{job_id}": {
      delete: {
        operationId: "deleteJob",
        parameters: [{ name: "job_id", in: "path", required: true, schema: { type: "string" } }],
        responses: { "204": { description: "gone" } },
      },
    },
    "/settings": {
      put: {
        operationId: "replaceSettings",
        requestBody: {
          required: false,
          content: { "application/json": { schema: { type: "object", properties: { dark: { type: "boolean" } } } } },
        },
        responses: {
          "200": {
            description: "saved",
            content: { "application/json": { schema: { type: "object", properties: { dark: { type: "boolean" } } } } },
          },
        },
      },
    },
  },
};
const ONLY_MUTATIONS = {
  ...EDGES,
  info: { title: "Writes only", version: "1.0.0" },
  paths: { "/jobs": EDGES.paths["/jobs"] },
};

/** Operation ids that spell the adapter's names of another operation (`thing`'s key factory is `thingQueryKey`). */
const ok = { "200": { description: "ok", content: { "application/json": { schema: { type: "object" } } } } };
const COLLIDING = {
  ...EDGES,
  info: { title: "Colliding names", version: "1.0.0" },
  paths: Object.fromEntries(
    ["thing", "thingQuery", "thingQueryKey", "thingQueryOptions"].map((id) => [
      `/${id}`,
      { get: { operationId: id, parameters: [verbose], responses: ok } },
    ]),
  ),
};

const OTHER_SPECS = [
  "specs/petstore/v1/openapi.yaml",
  "test/server/fixtures/specs/paging-kinds.yaml",
  "test/server/fixtures/specs/asana-like.yaml",
  "test/server/fixtures/hardening.spec.json",
];

const USAGE = `
import { QueryClient } from "@tanstack/query-core";
import { createBaseClient } from "./client.js";
import { headPingQueryOptions, replaceSettingsMutationOptions, startJobMutationOptions } from "./tanstack-query.js";

export async function usage(): Promise<void> {
  const queryClient = new QueryClient();
  const client = createBaseClient({});
  const alive: null = await queryClient.fetchQuery(headPingQueryOptions(client));
  const context = { client: queryClient, meta: undefined };
  await startJobMutationOptions(client).mutationFn(undefined, context);
  const saved = await replaceSettingsMutationOptions(client).mutationFn({ body: { dark: true } }, context);
  void [alive, saved.dark];
}
`;

async function generate(spec: string | object, name: string): Promise<string> {
  const file = typeof spec === "string" ? spec : join(TMP_DIR, `${name}.json`);
  await mkdir(TMP_DIR, { recursive: true });
  if (typeof spec !== "string") await writeFile(file, JSON.stringify(spec));
  const document = await bundleSpec(await loadSpec(file));
  const outDir = join(TMP_DIR, name);
  await writeOutputDir(
    outDir,
    await renderClient(buildModel(document, { source: file }), document, { tanstackQuery: true }),
  );
  return outDir;
}

describe("the TanStack adapter's edge cases", () => {
  let edges = "";
  let colliding = "";
  let dirs: string[] = [];
  beforeAll(async () => {
    edges = await generate(EDGES, "tanstack-edges");
    colliding = await generate(COLLIDING, "tanstack-colliding");
    dirs = [
      edges,
      colliding,
      await generate(ONLY_MUTATIONS, "tanstack-only-mutations"),
      ...(await Promise.all(OTHER_SPECS.map((spec, index) => generate(spec, `tanstack-other-${index}`)))),
    ];
  });

  it("a HEAD query resolves to null; an all-optional mutation runs without variables; a 204 mutation resolves", async () => {
    const fake = fakeFetch(
      (request) =>
        new Response(null, { status: request.method === "DELETE" ? 204 : request.method === "POST" ? 202 : 200 }),
    );
    const { createBaseClient } = await import(pathToFileURL(join(edges, "client.ts")).href);
    const adapter = await import(pathToFileURL(join(edges, "tanstack-query.ts")).href);
    const client = createBaseClient({ baseUrl: "https://edges.test/v1", fetch: fake.fetch, retry: false });
    const queryClient = new QueryClient();
    expect(await queryClient.fetchQuery(adapter.headPingQueryOptions(client))).toBeNull();
    expect(await new MutationObserver(queryClient, adapter.startJobMutationOptions(client)).mutate()).toBeUndefined();
    expect(
      await new MutationObserver<unknown, unknown, object>(
        queryClient,
        adapter.deleteJobMutationOptions(client),
      ).mutate({ job_id: "j1" }),
    ).toBeUndefined();
    expect(fake.requests.map((request) => `${request.method} ${new URL(request.url).pathname}`)).toEqual([
      "HEAD /v1/ping",
      "POST /v1/jobs",
      "DELETE /v1/jobs/j1",
    ]);
  });

  it("never gives two exports one name: an operation id that spells another's key factory keeps its own, the other is numbered", async () => {
    const adapter = await import(pathToFileURL(join(colliding, "tanstack-query.ts")).href);
    const client = (await import(pathToFileURL(join(colliding, "client.ts")).href)).createBaseClient({});
    // `thingQuery` is an operation: its key factory is thingQueryQueryKey; `thing`'s is renamed around the ids taken.
    expect(adapter.thingQueryQueryKey()).toEqual(["thingQuery", {}]);
    expect(adapter.thingQueryKeyQueryKey()).toEqual(["thingQueryKey", {}]);
    expect(adapter.thingQueryKey2()).toEqual(["thing", {}]);
    expect(adapter.thingQueryOptions2(client).queryKey).toEqual(["thing", {}]);
  });

  it("types a query's error by what the call throws: an ApiError around the bodies' type, or the client's own thrown union", async () => {
    const document = await bundleSpec(await loadSpec(TANSTACK_SPEC));
    const model = buildModel(document, { source: TANSTACK_SPEC });
    const client = clientView(model, document);
    const thrown = (problemName: string | undefined) => {
      const operations = (ops: ClientView["groups"][number]["operations"]) =>
        ops.map(({ ...op }) => Object.assign(op, { problemName }));
      const view = {
        ...client,
        groups: client.groups.map((group) => ({ ...group, operations: operations(group.operations) })),
      };
      return tanstackView(model, view).operations.find((op) => op.fnName === "getTask")?.thrown;
    };
    // A client view whose errorName is the bodies' type: thrown inside an ApiError.
    expect(thrown(undefined)).toBe("ApiError<GetTaskError>");
    // One that names the bodies apart (`problemName`) calls the thrown union errorName itself.
    expect(thrown("GetTaskProblem")).toBe("GetTaskError");
  });

  it("cancelling the query aborts its request, and so does the caller's own signal", async () => {
    // Answers only when the request is aborted, with the abort: no timer involved.
    const fake = fakeFetch(
      (request) =>
        new Promise<Response>((_resolve, reject) =>
          request.signal.addEventListener("abort", () => reject(request.signal.reason)),
        ),
    );
    const { createBaseClient } = await import(pathToFileURL(join(edges, "client.ts")).href);
    const adapter = await import(pathToFileURL(join(edges, "tanstack-query.ts")).href);
    const client = createBaseClient({ baseUrl: "https://edges.test/v1", fetch: fake.fetch, retry: false });
    const queryClient = new QueryClient();
    const options = adapter.headPingQueryOptions(client);
    const pending = queryClient.fetchQuery(options).catch((error: unknown) => error);
    await vi.waitFor(() => expect(fake.requests).toHaveLength(1));
    await queryClient.cancelQueries({ queryKey: options.queryKey });
    expect(await pending).toBeInstanceOf(CancelledError);
    expect(fake.requests[0]!.signal.aborted).toBe(true);
    const own = new AbortController();
    const second = queryClient
      .fetchQuery(adapter.headPingQueryOptions(client, { verbose: true }, { signal: own.signal }))
      .catch((error: unknown) => error);
    await vi.waitFor(() => expect(fake.requests).toHaveLength(2));
    own.abort(new Error("left the page"));
    expect(await second).toMatchObject({ message: "left the page" });
    expect(fake.requests[1]!.signal.aborted).toBe(true);
  });

  it("type-checks under the strict flags, for these and for the repository's other specs", async () => {
    await writeFile(join(edges, "usage.ts"), USAGE);
    expect(await typecheck("tanstack-edges", dirs, { ...STRICT_FLAGS, lib: ["ES2023", "DOM", "DOM.Iterable"] })).toBe(
      "",
    );
  }, 240_000);
});
