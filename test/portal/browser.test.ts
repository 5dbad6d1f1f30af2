import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningPortal } from "../../portal/server.js";
import { ACTIVE_EXAMPLES, ACTIVE_MARKER, activeContentSpec } from "./active-content-spec.js";
import { artifact, launchChromium } from "./browser-fixture.js";
import { copyOfSpecs, startTestPortal } from "./portal-fixture.js";

const XSS_MARKER = "XSS-MARKER-RAN";
const PAYLOADS = [
  `<script>console.log("${XSS_MARKER}");window.__xss=1</script>`,
  `<img src=x onerror="console.log('${XSS_MARKER}');window.__xss=1">`,
  `<a href="javascript:console.log('${XSS_MARKER}')">click</a>`,
  `<svg onload="console.log('${XSS_MARKER}')"></svg>`,
].join("\n\n");

/** An API whose every free-text field carries script payloads. */
function xssSpec(): object {
  return {
    openapi: "3.1.0",
    info: { title: `XSS <img src=x onerror="console.log('${XSS_MARKER}')">`, version: "1.0.0", description: PAYLOADS },
    servers: [{ url: "https://api.example.com/v1" }],
    tags: [{ name: "things", description: PAYLOADS }],
    paths: {
      "/things": {
        get: {
          operationId: "listThings",
          tags: ["things"],
          summary: `Things <script>console.log("${XSS_MARKER}")</script>`,
          description: PAYLOADS,
          parameters: [
            {
              name: "q",
              in: "query",
              description: PAYLOADS,
              schema: { type: "string", example: `"><script>console.log("${XSS_MARKER}")</script>` },
            },
          ],
          responses: {
            "200": {
              description: PAYLOADS,
              content: { "application/json": { schema: { type: "object", description: PAYLOADS } } },
            },
          },
        },
      },
    },
  };
}

let specs: { dir: string; cleanup: () => Promise<void> };
let portal: RunningPortal;
let browser: Browser;

beforeAll(async () => {
  specs = await copyOfSpecs();
  await mkdir(join(specs.dir, "xss/v1"), { recursive: true });
  await writeFile(join(specs.dir, "xss/v1/openapi.json"), JSON.stringify(xssSpec(), null, 2));
  await mkdir(join(specs.dir, "active/v1"), { recursive: true });
  await writeFile(join(specs.dir, "active/v1/openapi.json"), JSON.stringify(activeContentSpec(), null, 2));
  portal = await startTestPortal(specs.dir);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await portal?.close();
  await specs?.cleanup();
});

/** A page that records dialogs and console output, to prove no payload ran. */
async function openPage(path: string): Promise<{ page: Page; console: string[]; dialogs: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const log: string[] = [];
  const dialogs: string[] = [];
  page.on("console", (message) => log.push(message.text()));
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(portal.url + path);
  return { page, console: log, dialogs };
}

const redocReady = (page: Page) => page.waitForSelector("#redoc[data-redoc-ready]", { timeout: 60_000 });

describe("portal in a browser", () => {
  it("lists the example APIs on the index and filters them as you type", async () => {
    const { page } = await openPage("/");
    await expect(page.locator("#api-list > li").count()).resolves.toBe(4);
    await expect(page.locator('li[data-api="petstore"] h2').textContent()).resolves.toContain("Petstore API");
    await expect(page.locator('li[data-api="bookshop"] h2').textContent()).resolves.toContain("Bookshop");
    await page.screenshot({ path: artifact("portal-index.png"), fullPage: true });
    await page.fill("#q", "bookshop");
    await expect(page.locator('li[data-api="petstore"]').isHidden()).resolves.toBe(true);
    await expect(page.locator('li[data-api="bookshop"]').isVisible()).resolves.toBe(true);
    await page.close();
  });

  it("renders an operation with Redoc", async () => {
    const { page } = await openPage("/apis/petstore/v1/");
    await redocReady(page);
    const heading = page.locator("#redoc h2", { hasText: "List pets" }).first();
    await heading.waitFor({ state: "visible", timeout: 30_000 });
    await page.screenshot({ path: artifact("portal-redoc.png") });
    await page.close();
  });

  it("runs Swagger UI's 'try it out' against the mock and gets 200 with a body", async () => {
    const { page } = await openPage("/apis/petstore/v1/swagger/");
    const operation = page.locator("#operations-stores-listStores");
    await operation.waitFor({ timeout: 60_000 });
    await expect(page.locator(".servers select option").first().textContent()).resolves.toContain(
      `${portal.url}/mock/petstore/v1`,
    );
    await operation.locator(".opblock-summary").click();
    // tryItOutEnabled: the operation opens ready to execute.
    await operation.locator("button.execute").click();
    const status = operation.locator(".live-responses-table tr.response .response-col_status").first();
    await status.waitFor({ timeout: 30_000 });
    await expect(status.textContent()).resolves.toContain("200");
    await expect(
      operation.locator(".live-responses-table tr.response .response-col_description").first().textContent(),
    ).resolves.toContain("Petstore Lisboa");
    await page.screenshot({ path: artifact("portal-swagger.png"), fullPage: false });
    await page.close();
  });

  it("moves from v1 to v2 with the version switcher", async () => {
    const { page } = await openPage("/apis/petstore/v1/");
    await page.locator(".version-switcher a", { hasText: "v2" }).click();
    await page.waitForURL(/\/apis\/petstore\/v2\/$/);
    await redocReady(page);
    await expect(page.locator("#redoc").textContent()).resolves.toContain("2.0.0");
    await page.locator(".tabs a", { hasText: "Try it out" }).click();
    await page.waitForURL(/\/apis\/petstore\/v2\/swagger\/$/);
    await page.locator(".version-switcher a", { hasText: "v1" }).click();
    await page.waitForURL(/\/apis\/petstore\/v1\/swagger\/$/);
    await page.close();
  });

  it("runs no script from a spec's descriptions on any page", async () => {
    for (const path of ["/", "/apis/xss/v1/", "/apis/xss/v1/swagger/", "/apis/xss/v1/lint/"]) {
      const { page, console: log, dialogs } = await openPage(path);
      if (path === "/apis/xss/v1/") await redocReady(page);
      if (path.endsWith("/swagger/")) {
        const operation = page.locator("#operations-things-listThings");
        await operation.waitFor({ timeout: 60_000 });
        await operation.locator(".opblock-summary").click();
        await operation.locator(".opblock-body").waitFor();
      }
      // Give onerror/onload handlers a chance to fire if anything was injected.
      await page.waitForLoadState("networkidle");
      expect(
        log.filter((line) => line.includes(XSS_MARKER)),
        path,
      ).toEqual([]);
      expect(dialogs, path).toEqual([]);
      expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss), path).toBeUndefined();
      if (path === "/apis/xss/v1/") await page.screenshot({ path: artifact("portal-xss.png") });
      await page.close();
    }
  });

  it("renders the lint report and the changelog pages", async () => {
    for (const [path, name] of [
      ["/apis/petstore/v1/lint/", "portal-lint.png"],
      ["/apis/petstore/v2/changelog/", "portal-changelog.png"],
    ] as const) {
      const { page } = await openPage(path);
      await expect(page.locator(".api-header h1").textContent()).resolves.toContain("Petstore API");
      await page.screenshot({ path: artifact(name), fullPage: true });
      await page.close();
    }
  });

  it("runs no script from a mock's HTML, SVG or XHTML example opened directly on the portal's origin", async () => {
    for (const path of Object.keys(ACTIVE_EXAMPLES)) {
      const page = await browser.newPage();
      const log: string[] = [];
      page.on("console", (message) => log.push(message.text()));
      // Served as an attachment, the navigation turns into a download and goto reports it as aborted.
      await page.goto(`${portal.url}/mock/active/v1${path}`).catch(() => undefined);
      await page.waitForLoadState("load");
      expect(
        log.filter((line) => line.includes(ACTIVE_MARKER)),
        path,
      ).toEqual([]);
      await page.close();
    }
    // The examples' script writes to the origin's storage: on the portal's origin there is nothing.
    const { page } = await openPage("/");
    expect(await page.evaluate(() => localStorage.getItem("active-content"))).toBeNull();
    await page.close();
  });
});
