// In a real browser: a cross-origin redirect must not deliver the API-key header. A browser answers redirect: "manual"
// with an opaque response and, when it follows a redirect itself, drops only Authorization (Fetch Standard,
// HTTP-redirect fetch); it forwards X-Api-Key to any origin whose CORS preflight allows it, as this peer's does.
import { createServer, type Server } from "node:http";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../portal/browser-fixture.js";
import { closeServers, listen, serveRuntimePage, type Runtime } from "./browser-runtime-page.js";

interface Seen {
  method: string | undefined;
  authorization: string | undefined;
  apiKey: string | undefined;
}

describe("the client runtime in Chromium", () => {
  let browser: Browser;
  let pageOrigin = "";
  let peerOrigin = "";
  const seen: Seen[] = [];
  // The other origin welcomes every header, as a hostile one would.
  const peer = createServer((req, res) => {
    seen.push({
      method: req.method,
      authorization: req.headers.authorization,
      apiKey: req.headers["x-api-key"] as string | undefined,
    });
    res
      .writeHead(200, {
        "access-control-allow-origin": "*",
        "access-control-allow-headers": "authorization, x-api-key",
        "content-type": "application/json",
      })
      .end('{"peer":true}');
  });
  let moved = 0;
  let site: Server | undefined;

  beforeAll(async () => {
    peerOrigin = await listen(peer, "127.0.0.1");
    ({ server: site, origin: pageOrigin } = await serveRuntimePage((req, res) => {
      if (req.url === "/v1/moved" && ++moved) return res.writeHead(302, { location: `${peerOrigin}/landing` }).end();
      res.writeHead(404).end();
    }));
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await closeServers(site ? [site, peer] : [peer]);
  });

  it("a 302 to another origin reaches it without the API-key header or the bearer token", async () => {
    const page = await browser.newPage();
    await page.goto(pageOrigin + "/");
    await page.waitForFunction(() => "createTransport" in globalThis);
    const data = await page.evaluate(async (baseUrl) => {
      const { createTransport } = globalThis as unknown as Runtime;
      const schemes = { bearer: { type: "bearer" }, key: { type: "apiKey", in: "header", name: "X-Api-Key" } } as const;
      const transport = createTransport({ baseUrl, auth: { bearer: "token-1", apiKey: "key-1" } }, schemes);
      return (await transport.send({ method: "GET", path: "/moved", security: [["bearer", "key"]] })).data;
    }, pageOrigin + "/v1");
    expect(data).toEqual({ peer: true });
    expect(seen.filter((request) => request.method === "GET")).toEqual([
      { method: "GET", authorization: undefined, apiKey: undefined },
    ]);
    // Once with redirect: "manual" (an opaque redirect for the script), once resent for the browser to follow.
    expect(moved).toBe(2);
  });
});
