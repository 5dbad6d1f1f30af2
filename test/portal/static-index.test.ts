import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningPortal } from "../../portal/server.js";
import { buildStaticSite } from "../../portal/static-site.js";
import { generatedSpecs, type GeneratedSpecs } from "./generated-specs.js";
import { startTestPortal } from "./portal-fixture.js";

let specs: GeneratedSpecs;
let site: string;
let portal: RunningPortal;

beforeAll(async () => {
  specs = await generatedSpecs(60);
  site = join(specs.root, "site");
  await buildStaticSite({ specsDir: specs.specsDir, outDir: site, cacheDir: specs.cacheDir });
  portal = await startTestPortal(specs.specsDir, { cacheDir: specs.cacheDir });
}, 120_000);
afterAll(async () => {
  await portal.close();
  await specs.cleanup();
});

const staticPage = (dir: string) => readFile(join(site, dir, "index.html"), "utf8");
const cardsOf = (html: string) => [...html.matchAll(/<li class="card api" data-api="([^"]+)"/g)].map((m) => m[1]);
const hrefs = (html: string, rel: "prev" | "next") =>
  [...html.matchAll(new RegExp(`<a rel="${rel}" href="([^"]*)"`, "g"))].map((m) => m[1]);

describe("portal build of a catalog larger than one index page", () => {
  it("pages the index as the live portal does: the same APIs on page N as at /?page=N", async () => {
    for (const [n, dir] of [
      [1, ""],
      [2, "page/2"],
      [3, "page/3"],
    ] as const) {
      const built = await staticPage(dir);
      const live = await (await fetch(`${portal.url}/?page=${n}`)).text();
      expect(cardsOf(built)).toHaveLength(20);
      expect(cardsOf(built)).toEqual(cardsOf(live));
      expect(built).toContain(`Page ${n} of 3`);
      // No hidden cards: a page holds its own 20 APIs, not the whole catalog.
      expect(built).not.toMatch(/data-api="[^"]+" data-search="[^"]*" hidden/);
    }
    expect(existsSync(join(site, "page/4/index.html"))).toBe(false);
  });

  it("links the pages with paths a static host serves, relative to each page", async () => {
    const first = await staticPage("");
    expect(hrefs(first, "prev")).toEqual([]);
    expect(hrefs(first, "next")).toEqual(["./page/2/"]);
    const second = await staticPage("page/2");
    expect(hrefs(second, "prev")).toEqual(["../../"]);
    expect(hrefs(second, "next")).toEqual(["../../page/3/"]);
    expect(second).toContain('href="../../apis/svc-20/v1/"');
    expect(hrefs(await staticPage("page/3"), "next")).toEqual([]);
  });

  it("writes the search JSON of every API for the page script, with links that resolve in the site", async () => {
    const first = await staticPage("");
    expect(first).toContain('data-search-index="./search.json"');
    expect(first).toContain('src="./assets/portal/static-search.js"');
    expect(first).not.toContain("index-filter.js");
    expect(existsSync(join(site, "assets/portal/static-search.js"))).toBe(true);
    const index = JSON.parse(await readFile(join(site, "search.json"), "utf8"));
    expect(index.totalApis).toBe(60);
    expect(index.apis.items).toHaveLength(60);
    const billing = index.apis.items.find((api: { api: string }) => api.api === "svc-05");
    expect(billing).toMatchObject({ title: "Service svc-05", tags: ["billing"] });
    expect(billing.versions[0].reference).toBe("apis/svc-05/v1/");
    expect(existsSync(join(site, billing.versions[0].reference, "index.html"))).toBe(true);
    expect(existsSync(join(site, billing.versions[0].download))).toBe(true);
  });
});
