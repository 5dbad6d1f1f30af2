// In a real browser: a call to an API that does not allow the page's origin (no CORS headers) fails with a
// NetworkError that names the likely cause (CORS, or a wrong base URL) with the page's origin and the base URL, and is
// not retried: the server sees the request once (a simple GET), or only its preflight (a PUT with a JSON body).
import { createServer, type Server } from "node:http";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../portal/browser-fixture.js";
import { closeServers, listen, serveRuntimePage, type Runtime } from "./browser-runtime-page.js";

describe("a CORS refusal in Chromium", () => {
  let browser: Browser;
  let pageOrigin = "";
  let apiOrigin = "";
  const seen: string[] = [];
  // An API without any CORS header: the browser hides every answer from the page.
  const api = createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    res.writeHead(200, { "content-type": "application/json" }).end('{"ok":true}');
  });
  let site: Server | undefined;

  beforeAll(async () => {
    apiOrigin = await listen(api, "127.0.0.1");
    ({ server: site, origin: pageOrigin } = await serveRuntimePage());
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await closeServers(site ? [site, api] : [api]);
  });

  /** Sends `op` from the page (default retries: 2, quick) and returns the error's name and message. */
  async function failure(
    op: { method: string; path: string; body?: string },
    input: object = {},
  ): Promise<{ name: string; message: string }> {
    const page = await browser.newPage();
    try {
      await page.goto(pageOrigin + "/");
      await page.waitForFunction(() => "createTransport" in globalThis);
      return await page.evaluate(
        async ([baseUrl, spec, values]) => {
          const { createTransport } = globalThis as unknown as Runtime;
          const transport = createTransport({ baseUrl, retry: { baseDelayMs: 1, maxDelayMs: 5 } });
          return transport.send(spec, values).then(
            () => ({ name: "resolved", message: "" }),
            (error: Error) => ({ name: error.name, message: error.message }),
          );
        },
        [apiOrigin + "/v1", op, input] as const,
      );
    } finally {
      await page.close();
    }
  }

  it("a simple GET: a NetworkError naming CORS, the page's origin and the base URL; the server saw it once", async () => {
    seen.length = 0;
    const error = await failure({ method: "GET", path: "/pets" });
    expect(error.name).toBe("NetworkError");
    expect(error.message).toContain(`GET ${apiOrigin}/v1/pets`);
    expect(error.message).toContain(`cross-origin request from ${pageOrigin}`);
    expect(error.message).toContain("CORS");
    expect(error.message).toContain(`the base URL ${apiOrigin}/v1 is wrong`);
    expect(error.message).toContain("not retried");
    expect(seen).toEqual(["GET /v1/pets"]);
  });

  it("a PUT with a JSON body (idempotent, preflighted): only its preflight reached the server, once", async () => {
    seen.length = 0;
    const error = await failure(
      { method: "PUT", path: "/pets/p1", body: "application/json" },
      { body: { name: "Rex" } },
    );
    expect(error.name).toBe("NetworkError");
    expect(error.message).toContain(pageOrigin);
    expect(seen).toEqual(["OPTIONS /v1/pets/p1"]);
  });
});
