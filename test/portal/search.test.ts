import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningPortal } from "../../portal/server.js";
import { generatedSpecs, tinySpec, writeSpec, type GeneratedSpecs } from "./generated-specs.js";
import { eventually, startTestPortal } from "./portal-fixture.js";

let specs: GeneratedSpecs;
let portal: RunningPortal;

beforeAll(async () => {
  specs = await generatedSpecs(60);
  // A large spec (above the 250 operations of one reference page): its hits link into their tag group's page.
  await writeSpec(specs.specsDir, "github", tinySpec("repos", { title: "GitHub", tag: "issues", operations: 260 }));
  await writeSpec(
    specs.specsDir,
    "hostile",
    tinySpec("hostile", { title: `<script>alert("x")</script> Hostile`, tag: "<b>bold</b>" }),
  );
  await writeSpec(specs.specsDir, "broken", "openapi: 3.1.0\ninfo: [unclosed\n");
  portal = await startTestPortal(specs.specsDir, { cacheDir: specs.cacheDir });
});
afterAll(async () => {
  await portal.close();
  await specs.cleanup();
});

const json = async (path: string) => {
  const response = await fetch(portal.url + path);
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toMatch(/^application\/json/);
  return response.json();
};
const page = async (path: string) => (await fetch(portal.url + path)).text();

describe("search", () => {
  it("finds APIs by name, title, description and tag", async () => {
    expect((await json("/search.json?q=svc-17")).apis.items.map((api: { api: string }) => api.api)).toEqual(["svc-17"]);
    expect((await json("/search.json?q=Handles%20svc-33")).apis.items.map((api: { api: string }) => api.api)).toEqual([
      "svc-33",
    ]);
    const byTag = await json("/search.json?q=billing");
    expect(byTag.apis.total).toBe(12);
    expect(byTag.totalApis).toBe(63);
  });

  it("finds operations across all APIs and links straight to them in the reference", async () => {
    const result = await json("/search.json?q=items7");
    const hit = result.operations.items.find((op: { path: string }) => op.path === "/repos/items7");
    expect(hit).toMatchObject({
      api: "github",
      version: "v1",
      method: "GET",
      operationId: "list-repos-items7",
      reference: "/apis/github/v1/tags/issues/#operation/list-repos-items7",
    });
    const small = (await json("/search.json?q=list-svc-05-items")).operations.items;
    expect(small).toEqual([
      expect.objectContaining({ api: "svc-05", reference: "/apis/svc-05/v1/#operation/list-svc-05-items" }),
    ]);
    // A word that is a whole path segment ranks first.
    const segment = await json("/search.json?q=items");
    expect(segment.operations.items.slice(0, 3).map((op: { path: string }) => op.path)).toEqual([
      "/repos/items",
      "/hostile/items",
      "/svc-00/items",
    ]);
    // The link's page is the one that holds the operation.
    expect(await page("/apis/github/v1/tags/issues/")).toContain("<code>/repos/items7</code>");
  });

  it("paginates APIs and operations", async () => {
    const first = await json("/search.json");
    expect(first.apis).toMatchObject({ page: 1, pages: 4, pageSize: 20, total: 63 });
    expect(first.apis.items).toHaveLength(20);
    const last = await json("/search.json?page=4");
    expect(last.apis.items).toHaveLength(3);
    const names = new Set<string>();
    for (let n = 1; n <= 4; n++)
      for (const api of (await json(`/search.json?page=${n}`)).apis.items) names.add(api.api);
    expect(names.size).toBe(63);
    const ops = await json("/search.json?q=repos&opage=2");
    expect(ops.operations).toMatchObject({ page: 2, total: 260 });
    // Out of range or malformed: the nearest page, never an error.
    expect((await json("/search.json?page=99")).apis.page).toBe(4);
    expect((await json("/search.json?page=-1&opage=x")).apis.page).toBe(1);
  });

  it("filters by tag and by lint status", async () => {
    const billing = await json("/search.json?tag=billing");
    expect(billing.apis.total).toBe(12);
    expect(billing.apis.items.every((api: { tags: string[] }) => api.tags.includes("billing"))).toBe(true);
    const broken = await json("/search.json?lint=broken");
    expect(broken.apis.items.map((api: { api: string }) => api.api)).toEqual(["broken"]);
    const withErrors = await json("/search.json?lint=errors");
    const clean = await json("/search.json?lint=clean");
    const warnings = await json("/search.json?lint=warnings");
    expect(withErrors.apis.total + clean.apis.total + warnings.apis.total + broken.apis.total).toBe(63);
    for (const api of withErrors.apis.items) expect(api.versions[0].lint.errors).toBeGreaterThan(0);
    // Filters and words combine.
    expect((await json("/search.json?tag=billing&q=svc-05")).apis.total).toBe(1);
    expect((await json("/search.json?tag=billing&q=svc-06")).apis.total).toBe(0);
  });

  it("works as HTML without scripts: a GET form, server-side results and page links", async () => {
    const html = await page("/?q=svc-1");
    expect(html).toMatch(/<form class="search" method="get" action="\/"/);
    expect(html).toContain("10 of 63 APIs");
    expect(html).not.toContain("index-filter.js");
    expect(html).not.toMatch(/data-api="svc-2\d"/);
    expect(html).toContain('href="/apis/svc-10/v1/#operation/list-svc-10-items"');
    const index = await page("/");
    expect(index).toContain('<a rel="next" href="/?page=2">');
    const second = await page("/?page=2");
    expect(second).toContain('<a rel="prev" href="/">');
    expect(second).toContain("Page 2 of 4");
    expect(await page("/?tag=billing")).toContain("12 of 63 APIs");
    expect(index).toContain('href="/?tag=billing"');
    expect(await page("/?lint=broken")).toContain("This spec does not load");
  });

  it("escapes what specs say, in the page and in the links", async () => {
    const html = await page("/?q=hostile");
    expect(html).not.toContain('<script>alert("x")</script>');
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Hostile");
    expect(html).not.toContain("<b>bold</b>");
    expect(html).toContain('href="/?tag=%3Cb%3Ebold%3C%2Fb%3E"');
    const reflected = await page(`/?q=${encodeURIComponent('"><script>x</script>')}`);
    expect(reflected).not.toContain("<script>x</script>");
  });
});

describe("a cold start in the background", () => {
  it("answers before indexing and fills in", async () => {
    const cold = await generatedSpecs(30);
    const background = await startTestPortal(cold.specsDir, { cacheDir: cold.cacheDir, indexInBackground: true });
    try {
      const first = await fetch(background.url + "/");
      expect(first.status).toBe(200);
      await eventually(async () => {
        const result = await (await fetch(background.url + "/search.json")).json();
        expect(result).toMatchObject({ indexing: null, totalApis: 30 });
      }, "the index filled in");
    } finally {
      await background.close();
      await cold.cleanup();
    }
  });
});
