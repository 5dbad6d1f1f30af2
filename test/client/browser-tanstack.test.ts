// In a real browser (issue 14): a React 19 page bundled with esbuild, using @tanstack/react-query over the generated
// TanStack adapter against the generated mock on another origin (CORS allowing the page's), loads every page of two
// infinite lists (a nested next-page token; Link rel="next", read from a cross-origin response's exposed header)
// and shows the typed problem of a failing query.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { build } from "esbuild";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../portal/browser-fixture.js";
import { serveGeneratedMock, type ServedMock } from "../server/e2e-harness.js";
import { generateTanstackApi } from "./tanstack-harness.js";

const HTML = `<!doctype html><title>tasks</title><div id="root"></div><script type="module" src="/page.js"></script>`;

describe("the TanStack adapter in Chromium, with @tanstack/react-query", () => {
  let browser: Browser;
  let mock: ServedMock;
  let site: Server;
  let pageOrigin = "";
  let script = "";

  beforeAll(async () => {
    const outDir = await generateTanstackApi("tanstack-browser");
    const bundle = await build({
      entryPoints: [join(outDir, "page.ts")],
      bundle: true,
      format: "esm",
      write: false,
      logLevel: "silent",
      define: { "process.env.NODE_ENV": '"production"' },
    });
    script = bundle.outputFiles[0]?.text ?? "";
    site = createServer((req, res) => {
      if (req.url?.startsWith("/?") || req.url === "/")
        return res.writeHead(200, { "content-type": "text/html" }).end(HTML);
      if (req.url === "/page.js") return res.writeHead(200, { "content-type": "text/javascript" }).end(script);
      res.writeHead(404).end();
    });
    // The page on localhost, the API on 127.0.0.1: every call is cross-origin and needs the mock's CORS answer.
    pageOrigin = await new Promise<string>((done) =>
      site.listen(0, "localhost", () => done(`http://localhost:${(site.address() as AddressInfo).port}`)),
    );
    mock = await serveGeneratedMock(outDir, { cors: { origins: [pageOrigin] } });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await mock?.close();
    site?.closeAllConnections();
    await new Promise<void>((done) => (site ? site.close(() => done()) : done()));
    expect(mock.serverErrors).toEqual([]);
  });

  it("loads every page of the infinite lists and shows the failing query's typed problem", async () => {
    const page = await browser.newPage();
    const failures: string[] = [];
    page.on("pageerror", (error) => failures.push(error.message));
    await page.goto(`${pageOrigin}/?api=${encodeURIComponent(mock.url)}`);
    await page.waitForFunction(() =>
      ["tasks-status", "repos-status", "task-error"].every(
        (id) => !document.getElementById(id)?.textContent?.startsWith("loading"),
      ),
    );
    const text = (id: string) => page.locator(`#${id}`).textContent();

    const tasks = await page.locator("#tasks li").allTextContents();
    const taskRequests = mock.requests.filter((request) => request.startsWith("GET /v1/tasks?"));
    expect(await text("tasks-status")).toBe(`done: ${tasks.length} tasks in ${taskRequests.length} pages`);
    // The mock's dataset is three copies of the example's two tasks (string ids are kept as the example has them).
    expect(tasks).toEqual(["t1 one", "t2 two", "t1 one", "t2 two", "t1 one", "t2 two"]);
    expect(taskRequests).toHaveLength(3);

    const repoRequests = mock.requests.filter((request) => request.startsWith("GET /v1/repos?"));
    expect(repoRequests.length).toBeGreaterThan(2);
    expect(await text("repos-status")).toMatch(/^done: 100,101,(\d+,){3,}\d+$/);

    expect(await text("task-error")).toBe("BadRequestError 400 validation_failed path.task_id");
    expect(failures).toEqual([]);
  });
});
