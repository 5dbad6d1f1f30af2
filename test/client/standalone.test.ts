// Standalone operations (issue 14): every operation is a function of (client, params, options?), over a light
// `createBaseClient()` or the grouped `createClient()`; bundling one of them leaves every other operation out.
import { build } from "esbuild";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import type { ApiModel } from "../../generator/model/ir.js";
import { fakeFetch, json } from "./fake-fetch.js";
import { generateFromSpec, tempDir, typecheck } from "./generated-project.js";

const SPEC = "specs/petstore/v2/openapi.yaml";
type Options = { baseUrl: string; fetch: (request: Request) => Promise<Response>; retry: false };
type Operation = (client: object, params?: object, options?: object) => Promise<unknown> & AsyncIterable<unknown>;
type Grouped = (params: object, options?: object) => Promise<unknown>;
type Page = { data: { items: { id: string }[] }; response: Response };
type PagedWithResponse = Promise<Page> & { pages(): AsyncGenerator<Page> } & AsyncIterable<{ id: string }>;
interface ClientModule {
  createBaseClient(options: Options): object;
  createClient(options: Options): {
    pets: { get: Grouped; create: Grouped };
    owners: { list: (params?: object, options?: object) => PagedWithResponse };
  };
  getPet: Operation;
  listOwners: Operation;
}

let dir: string;
let out: string;
let model: ApiModel;
let client: ClientModule;

beforeAll(async () => {
  dir = await tempDir("standalone");
  ({ model, out } = await generateFromSpec(SPEC, dir));
  client = (await import(pathToFileURL(join(out, "client.ts")).href)) as ClientModule;
}, 60_000);

describe("standalone operations", () => {
  it("call the operation over a base client, and accept createClient's client too", async () => {
    const fake = fakeFetch(() => json({ id: "p1", name: "Rex" }));
    const options: Options = { baseUrl: "https://pets.test/v2", fetch: fake.fetch, retry: false };
    expect(await client.getPet(client.createBaseClient(options), { pet_id: "p1" })).toEqual({ id: "p1", name: "Rex" });
    expect(await client.getPet(client.createClient(options), { pet_id: "p2" })).toEqual({ id: "p1", name: "Rex" });
    expect(await client.createClient(options).pets.get({ pet_id: "p3" })).toEqual({ id: "p1", name: "Rex" });
    expect(fake.requests.map((request) => `${request.method} ${request.url}`)).toEqual([
      "GET https://pets.test/v2/pets/p1",
      "GET https://pets.test/v2/pets/p2",
      "GET https://pets.test/v2/pets/p3",
    ]);
  });

  it("keep auto-pagination: for await walks every page of a standalone list call", async () => {
    const fake = fakeFetch((request) =>
      new URL(request.url).searchParams.has("page_token")
        ? json({ items: [{ id: "o2" }], next_page_token: "" })
        : json({ items: [{ id: "o1" }], next_page_token: "t2" }),
    );
    const base = client.createBaseClient({ baseUrl: "https://pets.test/v2", fetch: fake.fetch, retry: false });
    const items: unknown[] = [];
    for await (const item of client.listOwners(base)) items.push(item);
    expect(items).toEqual([{ id: "o1" }, { id: "o2" }]);
    expect(fake.requests.map((request) => new URL(request.url).search)).toEqual(["", "?page_token=t2"]);
  });

  it("withResponse: true gives { data, response } from the one request, standalone and grouped", async () => {
    const fake = fakeFetch(() =>
      json({ id: "p9" }, { status: 201, headers: { location: "/v2/pets/p9", etag: '"v1"' } }),
    );
    const options: Options = { baseUrl: "https://pets.test/v2", fetch: fake.fetch, retry: false };
    const standalone = (await client.getPet(
      client.createBaseClient(options),
      { pet_id: "p9" },
      { withResponse: true },
    )) as { data: unknown; response: Response };
    expect(standalone.data).toEqual({ id: "p9" });
    expect(standalone.response.headers.get("etag")).toBe('"v1"');
    const grouped = (await client
      .createClient(options)
      .pets.create({ body: { name: "Rex" } }, { withResponse: true })) as { data: unknown; response: Response };
    expect([grouped.response.status, grouped.response.headers.get("location"), grouped.data]).toEqual([
      201,
      "/v2/pets/p9",
      { id: "p9" },
    ]);
    expect(await client.createClient(options).pets.get({ pet_id: "p9" })).toEqual({ id: "p9" });
    expect(fake.requests).toHaveLength(3);
  });

  it("withResponse: true on a list call: the first page with its response, each page of .pages() with its own", async () => {
    const fake = fakeFetch((request) =>
      new URL(request.url).searchParams.has("page_token")
        ? json({ items: [{ id: "o2" }], next_page_token: "" }, { headers: { "x-page": "2" } })
        : json(
            { items: [{ id: "o1" }], next_page_token: "t2" },
            { headers: { "x-page": "1", "x-rate-limit-remaining": "41" } },
          ),
    );
    const options: Options = { baseUrl: "https://pets.test/v2", fetch: fake.fetch, retry: false };
    const first = (await client.listOwners(
      client.createBaseClient(options),
      {},
      { withResponse: true },
    )) as unknown as Page;
    expect([first.data.items, first.response.status, first.response.headers.get("x-rate-limit-remaining")]).toEqual([
      [{ id: "o1" }],
      200,
      "41",
    ]);
    const pages: [unknown, string | null][] = [];
    for await (const page of client.createClient(options).owners.list({}, { withResponse: true }).pages())
      pages.push([page.data.items, page.response.headers.get("x-page")]);
    expect(pages).toEqual([
      [[{ id: "o1" }], "1"],
      [[{ id: "o2" }], "2"],
    ]);
    // Items stay items.
    const items: unknown[] = [];
    for await (const item of client.createClient(options).owners.list({}, { withResponse: true })) items.push(item);
    expect(items).toEqual([{ id: "o1" }, { id: "o2" }]);
    expect(fake.requests).toHaveLength(5);
  });

  it("type-check as a user writes them (strict)", async () => {
    await writeFile(
      join(dir, "usage.ts"),
      `
import { createBaseClient, createClient, getPet, listOwners, type GetPetResult, type WithResponse } from "./client/client.js";
export async function usage(): Promise<void> {
  const base = createBaseClient({ baseUrl: "https://pets.test" });
  const pet: GetPetResult = await getPet(base, { pet_id: "p1" });
  const again: GetPetResult = await getPet(createClient(), { pet_id: pet.id });
  for await (const owner of listOwners(base, {}, { maxPages: 2 })) void owner.id;
  for await (const page of listOwners(base).pages()) void page.items;
  void again;
  const withResponse: WithResponse<GetPetResult> = await getPet(base, { pet_id: "p1" }, { withResponse: true });
  const grouped = await createClient().pets.get({ pet_id: "p1" }, { withResponse: true });
  const status: number = grouped.response.status;
  const data: GetPetResult = grouped.data;
  void withResponse; void status; void data;
  const firstPage = await listOwners(base, {}, { withResponse: true });
  const remaining: string | null = firstPage.response.headers.get("x-rate-limit-remaining");
  for (const owner of firstPage.data.items) void owner.id;
  for await (const page of createClient().owners.list(undefined, { withResponse: true }).pages()) void [page.response.status, page.data.items];
  for await (const owner of createClient().owners.list({}, { withResponse: true })) void owner.id;
  const plain = await listOwners(base, {}, { maxPages: 1 });
  void [remaining, plain.items];
  // @ts-expect-error without withResponse a page is the body alone
  void (await listOwners(base)).response;
  // @ts-expect-error withResponse does not loosen the parameters
  await createClient().pets.get({}, { withResponse: true });
  // @ts-expect-error a required path parameter is missing
  await getPet(base, {});
}
`,
    );
    const result = await typecheck(dir, ["usage.ts"]);
    expect(result.output).toBe("");
  }, 120_000);
});

describe("tree-shaking", () => {
  it("bundling one standalone operation leaves out every other operation's path", async () => {
    const result = await build({
      stdin: {
        contents: `import { createBaseClient, getPet } from "./client.js";\nconsole.log(await getPet(createBaseClient(), { pet_id: "x" }));`,
        resolveDir: out,
        loader: "ts",
      },
      bundle: true,
      minify: true,
      format: "esm",
      target: "es2022",
      write: false,
      logLevel: "silent",
    });
    const code = result.outputFiles[0]?.text ?? "";
    const getPet = model.operations.find((op) => op.id === "getPet");
    expect(getPet).toBeDefined();
    expect(code).toContain(JSON.stringify(getPet?.path));
    const others = [...new Set(model.operations.map((op) => op.path))].filter((path) => path !== getPet?.path);
    expect(others.length).toBeGreaterThan(3);
    expect(others.filter((path) => code.includes(JSON.stringify(path)))).toEqual([]);
  });
});
