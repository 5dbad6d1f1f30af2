// In a browser (Debian chromium via playwright-core): a running generated server's /docs/swagger renders Swagger
// UI from the installed package under its CSP, and "try it out" on one operation calls this server and gets 200.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { artifact, launchChromium } from "../portal/browser-fixture.js";
import { serveDocs } from "./docs-fixture.js";
import type { DocsServer } from "./docs-fixture.js";

let served: DocsServer;
let browser: Browser;

beforeAll(async () => {
  served = await serveDocs("docs-browser");
  browser = await launchChromium();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await served?.close();
});

describe("the generated server's docs in a browser", () => {
  it("runs Swagger UI's 'try it out' against the server itself and gets 200", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const violations: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    const outside: string[] = [];
    page.on("request", (request) => {
      if (!request.url().startsWith(served.url)) outside.push(request.url());
    });
    await page.goto(`${served.url}/v1/docs/swagger`);
    const operation = page.locator("#operations-default-getGreeting");
    await operation.waitFor({ timeout: 60_000 });
    await expect(page.locator(".servers select option").first().textContent()).resolves.toBe("/v1 - This server");
    await operation.locator(".opblock-summary").click();
    await operation.locator('tr[data-param-name="name"] input').fill("ann");
    await operation.locator("button.execute").click();
    const status = operation.locator(".live-responses-table tr.response .response-col_status").first();
    await status.waitFor({ timeout: 30_000 });
    await expect(status.textContent()).resolves.toContain("200");
    await expect(operation.locator(".live-responses-table").textContent()).resolves.toContain("Hello, ann!");
    await expect(operation.locator(".request-url").textContent()).resolves.toContain(`${served.url}/v1/greetings/ann`);
    await page.screenshot({ path: artifact("server-docs-swagger.png") });
    expect(violations).toEqual([]);
    expect(outside).toEqual([]);
    await page.close();
  });

  it("renders the Redoc reference", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${served.url}/v1/docs`);
    await page.waitForSelector("#redoc[data-redoc-ready]", { timeout: 60_000 });
    await page
      .locator("#redoc h2", { hasText: "Greet someone" })
      .first()
      .waitFor({ state: "visible", timeout: 30_000 });
    await page.close();
  });
});
