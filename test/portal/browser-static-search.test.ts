// The static site's search (portal/static/static-search.js) in Chromium, over a built site of 60 APIs served as a
// static host serves it (express.static: no portal server behind it). Every expected answer comes from the live
// portal over the same specs (/search.json and its server-rendered index), never from the script under test.
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import express from "express";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningPortal } from "../../portal/server.js";
import { buildStaticSite } from "../../portal/static-site.js";
import { launchChromium, recordProblems } from "./browser-fixture.js";
import { conventionalSpec, generatedSpecs, tinySpec, writeSpec, type GeneratedSpecs } from "./generated-specs.js";
import { startTestPortal } from "./portal-fixture.js";

let specs: GeneratedSpecs;
let site: string;
let portal: RunningPortal;
let host: { server: Server; url: string };
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium(); // first: without chromium the file fails at once, before building anything
  // 60 tiny specs, all with lint errors, every fifth tagged billing; a few changed so each filter has something to
  // tell apart: three clean (one of them billing), two with warnings only, one whose newer version does not load,
  // and one whose description names another API (a hit in the name ranks first on the server).
  specs = await generatedSpecs(60);
  for (const name of ["svc-07", "svc-33"]) await writeSpec(specs.specsDir, name, conventionalSpec(name));
  await writeSpec(specs.specsDir, "svc-45", conventionalSpec("svc-45", { tag: "billing" }));
  for (const name of ["svc-12", "svc-58"])
    await writeSpec(specs.specsDir, name, conventionalSpec(name, { warnings: true }));
  await mkdir(join(specs.specsDir, "svc-41/v2"));
  await writeFile(join(specs.specsDir, "svc-41/v2/openapi.json"), '{ "openapi": "3.1.0", "info": {');
  await writeSpec(specs.specsDir, "svc-03", tinySpec("svc-03", { description: "Superseded by svc-57." }));
  site = join(specs.root, "site");
  await buildStaticSite({ specsDir: specs.specsDir, outDir: site, cacheDir: specs.cacheDir });
  portal = await startTestPortal(specs.specsDir, { cacheDir: specs.cacheDir });
  const server = createServer(express().use(express.static(site)));
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  host = { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}, 120_000);
afterAll(async () => {
  await browser?.close();
  if (host) await new Promise((done) => host.server.close(done));
  await portal?.close();
  await specs?.cleanup();
});

interface Shown {
  /** The API ids of the cards, in order. */
  apis: string[];
  count: string;
  pager: boolean;
}

/** What an index page shows: its cards, the count line, and whether the pager is visible (computed style, not the attribute). */
const shown = (page: Page): Promise<Shown> =>
  page.evaluate(() => ({
    apis: [...document.querySelectorAll("#api-list > li > h2 > small")].map((id) => id.textContent ?? ""),
    count: document.getElementById("api-count")?.textContent ?? "",
    pager: document.querySelector('nav.pager[aria-label="API pages"]')?.checkVisibility() ?? false,
  }));

const cardIds = (html: string) => [...html.matchAll(/<li class="card api" data-api="([^"]+)"/g)].map((m) => m[1]!);

/** A built index page as it loads with no query: its own 20 cards, its count line, its pager. */
async function ownPage(dir: string): Promise<Shown> {
  const html = await readFile(join(site, dir, "index.html"), "utf8");
  return { apis: cardIds(html), count: /id="api-count">([^<]*)</.exec(html)?.[1] ?? "", pager: true };
}

type Fields = { q?: string; tag?: string; lint?: string };

/** The live portal's answer (every page of /search.json): the APIs in its order, the count line of its index. */
async function liveSearch(fields: Fields): Promise<Shown> {
  const apis: string[] = [];
  for (let n = 1; ; n++) {
    const query = new URLSearchParams({ ...fields, page: String(n) });
    const body = await (await fetch(`${portal.url}/search.json?${query}`)).json();
    expect(body.indexing, "the live portal has indexed every spec").toBeNull();
    apis.push(...body.apis.items.map((api: { api: string }) => api.api));
    // The static page shows every hit at once, without a pager.
    if (n >= body.apis.pages) return { apis, count: `${body.apis.total} of ${body.totalApis} APIs`, pager: false };
  }
}

/** Where the live portal's server-rendered cards link, by API (paths from the site root). */
async function liveCardLinks(fields: Fields): Promise<Record<string, string>> {
  const html = await (await fetch(`${portal.url}/?${new URLSearchParams(fields)}`)).text();
  const links = html.matchAll(/<li class="card api" data-api="([^"]+)"[^>]*>\s*<h2><a href="([^"]+)"/g);
  return Object.fromEntries([...links].map((m) => [m[1]!, new URL(m[2]!, portal.url).pathname]));
}

interface Watched {
  page: Page;
  problems: string[];
}

async function open(path: string): Promise<Watched> {
  const page = await browser.newPage();
  const problems = recordProblems(page);
  const response = await page.goto(`${host.url}/${path}`);
  expect(response?.status(), path).toBe(200);
  return { page, problems };
}

/** Zero console errors and zero failed requests on the page, once it is quiet. */
async function closeClean({ page, problems }: Watched): Promise<void> {
  await page.waitForLoadState("networkidle");
  expect(problems).toEqual([]);
  await page.context().close();
}

/** Fills the form as a reader does, field by field (each change searches). */
async function fill(page: Page, fields: Fields): Promise<void> {
  await page.fill("#q", fields.q ?? "");
  await page.fill("#tag", fields.tag ?? "");
  await page.selectOption("#lint", fields.lint ?? "");
}

const showsEventually = (page: Page, expected: Shown, what: string) =>
  expect.poll(() => shown(page), { message: what, timeout: 10_000 }).toEqual(expected);

describe("the static site's search in a browser", () => {
  it("has fixtures the live portal tells apart: lint statuses, and a hit in the name ranked above one in a description", async () => {
    expect((await liveSearch({ lint: "clean" })).apis).toEqual(["svc-07", "svc-33", "svc-45"]);
    expect((await liveSearch({ lint: "warnings" })).apis).toEqual(["svc-12", "svc-58"]);
    expect((await liveSearch({ lint: "broken" })).apis).toEqual(["svc-41"]);
    expect((await liveSearch({ lint: "errors" })).apis).toHaveLength(55);
    expect((await liveSearch({ q: "svc-57" })).apis).toEqual(["svc-57", "svc-03"]);
    expect(await liveCardLinks({ q: "svc-41" })).toEqual({ "svc-41": "/apis/svc-41/v1/" });
  });

  it("replaces the page's cards with every matching API of the catalog as you type, and brings them back when cleared", async () => {
    for (const dir of ["", "page/2/"]) {
      const own = await ownPage(dir);
      expect(own.apis).toHaveLength(20);
      const watched = await open(dir);
      await showsEventually(watched.page, own, `${dir || "page 1"} before a search`);
      for (const q of ["billing", "svc-4", "Billing SVC-5", "svc-57", "handles", "no-such-api"]) {
        const expected = await liveSearch({ q });
        await watched.page.fill("#q", q);
        await showsEventually(watched.page, expected, `${dir || "page 1"}: ${q}`);
      }
      // Hits from the whole catalog, not only this page's 20.
      const billing = await liveSearch({ q: "billing" });
      expect(billing.apis.filter((api) => !own.apis.includes(api)).length).toBeGreaterThan(0);
      await watched.page.fill("#q", "");
      await showsEventually(watched.page, own, `${dir || "page 1"} after clearing`);
      await closeClean(watched);
    }
  });

  it("narrows by tag and by lint status as the live portal does, alone and with words", async () => {
    const watched = await open("page/3/");
    for (const fields of [
      { tag: "billing" },
      { tag: " Billing " },
      { tag: "bill" },
      { lint: "clean" },
      { lint: "warnings" },
      { lint: "errors" },
      { lint: "broken" },
      { tag: "billing", lint: "clean" },
      { q: "svc-4", lint: "errors" },
      { q: "svc-4", lint: "broken" },
      { q: "svc-1", tag: "general", lint: "warnings" },
    ]) {
      const expected = await liveSearch(fields);
      await fill(watched.page, fields);
      await showsEventually(watched.page, expected, JSON.stringify(fields));
    }
    await fill(watched.page, {});
    await showsEventually(watched.page, await ownPage("page/3"), "page 3 after clearing every field");
    await closeClean(watched);
  });

  it("applies ?q=, ?tag= and ?lint= on load, on the first page and the others, with the form showing them", async () => {
    for (const [dir, fields] of [
      ["index.html", { q: "billing" }],
      ["page/2/", { q: "svc-57" }],
      ["page/3/", { tag: "billing", lint: "clean" }],
      ["page/2/", { q: "svc-4", lint: "broken" }],
    ] as const) {
      const expected = await liveSearch(fields);
      const watched = await open(`${dir}?${new URLSearchParams(fields)}`);
      await showsEventually(watched.page, expected, `${dir} ${JSON.stringify(fields)}`);
      const form = await watched.page.evaluate(() =>
        ["q", "tag", "lint"].map((id) => (document.getElementById(id) as HTMLInputElement).value),
      );
      expect(form).toEqual([fields.q ?? "", fields.tag ?? "", fields.lint ?? ""]);
      await closeClean(watched);
    }
    // A status the server does not know filters nothing there, nor here.
    const watched = await open("?lint=bogus");
    await showsEventually(watched.page, await ownPage(""), "?lint=bogus");
    expect(Object.keys(await liveCardLinks({ lint: "bogus" }))).toEqual((await ownPage("")).apis);
    await closeClean(watched);
  });

  it("searches on the form's submit without leaving the page", async () => {
    const watched = await open("page/2/");
    const { page } = watched;
    await page.evaluate(() => {
      (window as unknown as { stayed: boolean }).stayed = true;
      // Set without input events, as autofill or a script might: only the submit can start the search.
      (document.getElementById("q") as HTMLInputElement).value = "svc-1";
      (document.getElementById("tag") as HTMLInputElement).value = "general";
    });
    await page.click('form.search button[type="submit"]');
    await showsEventually(page, await liveSearch({ q: "svc-1", tag: "general" }), "after submit");
    await expect(page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).resolves.toBe(true);
    // Still page 2, with the search in its address, as the live portal's form leaves it.
    expect(page.url()).toBe(`${host.url}/page/2/?q=svc-1&tag=general`);
    await closeClean(watched);
  });

  it("links each hit to the reference page the live portal's card links to, and that page loads", async () => {
    const watched = await open("page/2/");
    const { page } = watched;
    for (const q of ["billing", "svc-41"]) {
      await page.fill("#q", q);
      const expected = await liveSearch({ q });
      await showsEventually(page, expected, q);
      const links = await page.evaluate(() =>
        [...document.querySelectorAll("#api-list > li > h2")].map((h2) => [
          h2.querySelector("small")?.textContent ?? "",
          new URL((h2.querySelector("a") as HTMLAnchorElement).href).pathname,
        ]),
      );
      expect(Object.fromEntries(links)).toEqual(await liveCardLinks({ q }));
    }
    const reference = page.waitForResponse((response) => response.url() === `${host.url}/apis/svc-41/v1/`);
    await page.click("#api-list > li > h2 > a");
    expect((await reference).status()).toBe(200);
    await page.waitForSelector("#redoc[data-redoc-ready]", { timeout: 60_000 });
    await expect(page.locator("h1").first().textContent()).resolves.toContain("Service svc-41");
    await closeClean(watched);
  });

  it("keeps the page's cards when the search index arrives after the box was cleared", async () => {
    const watched = await open("");
    const { page } = watched;
    let release = () => {};
    const held = new Promise<void>((done) => {
      release = done;
    });
    let asked = () => {};
    const requested = new Promise<void>((done) => {
      asked = done;
    });
    await page.route("**/search.json", async (route) => {
      asked();
      await held;
      await route.continue();
    });
    await page.fill("#q", "svc-4");
    await requested;
    await page.fill("#q", "");
    // Every change of the list from here on: the index's answer to "svc-4" must not be one of them.
    await page.evaluate(() => {
      const list = document.getElementById("api-list")!;
      const changes: string[][] = [];
      (window as unknown as { changes: string[][] }).changes = changes;
      new MutationObserver(() =>
        changes.push([...list.querySelectorAll("li > h2 > small")].map((id) => id.textContent ?? "")),
      ).observe(list, { childList: true });
    });
    release();
    // A later search waits on the same index, after the answer to "svc-4": once it shows, that answer has been handled.
    await page.fill("#q", "svc-41");
    await showsEventually(page, await liveSearch({ q: "svc-41" }), "svc-41");
    const changes = await page.evaluate(() => (window as unknown as { changes: string[][] }).changes);
    expect(changes).toEqual([["svc-41"]]);
    await closeClean(watched);
  });

  it("keeps the search in the address as you type, so a reload or a shared link shows the same hits", async () => {
    const watched = await open("page/3/");
    const { page } = watched;
    await fill(page, { q: "svc-2", lint: "errors" });
    const expected = await liveSearch({ q: "svc-2", lint: "errors" });
    await showsEventually(page, expected, "typed");
    expect(new URL(page.url()).searchParams.toString()).toBe("q=svc-2&lint=errors");
    await page.reload();
    await showsEventually(page, expected, "after a reload");
    await fill(page, {});
    expect(page.url()).toBe(`${host.url}/page/3/`);
    await showsEventually(page, await ownPage("page/3"), "cleared");
    await closeClean(watched);
  });

  it("says the search is unavailable when search.json does not load, keeps the page's cards, and asks again later", async () => {
    const page = await browser.newPage();
    let failing = true;
    await page.route("**/search.json", (route) => (failing ? route.abort() : route.continue()));
    await page.goto(`${host.url}/`);
    const own = await ownPage("");
    await page.fill("#q", "billing");
    await showsEventually(page, { ...own, count: "Search is unavailable: search.json did not load." }, "failed");
    failing = false;
    await page.fill("#q", "svc-45");
    await showsEventually(page, await liveSearch({ q: "svc-45" }), "asked again");
    await page.context().close();
  });
});
