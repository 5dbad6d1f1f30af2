// In a real browser: a cross-origin redirect must not deliver the API-key header. A browser answers redirect: "manual"
// with an opaque response and, when it follows a redirect itself, drops only Authorization (Fetch Standard,
// HTTP-redirect fetch); it forwards X-Api-Key to any origin whose CORS preflight allows it, as this peer's does.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { resolve } from "node:path";
import { build } from "esbuild";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../portal/browser-fixture.js";

interface Seen {
  method: string | undefined;
  authorization: string | undefined;
  apiKey: string | undefined;
}

// The page exposes the bundled runtime's createTransport to the test.
const PAGE = `<!doctype html><title>client</title><script type="module">import { createTransport } from "/runtime.js"; window.createTransport = createTransport;</script>`;
type Runtime = typeof import("../../templates/runtime/client/transport.js");

const listen = (server: Server, host: string) => new Promise<string>((done) => server.listen(0, host, () => done(`http://${host}:${(server.address() as AddressInfo).port}`)));

describe("the client runtime in Chromium", () => {
  let browser: Browser;
  let pageOrigin = "";
  let peerOrigin = "";
  const seen: Seen[] = [];
  // The other origin welcomes every header, as a hostile one would.
  const peer = createServer((req, res) => {
    seen.push({ method: req.method, authorization: req.headers.authorization, apiKey: req.headers["x-api-key"] as string | undefined });
    res.writeHead(200, { "access-control-allow-origin": "*", "access-control-allow-headers": "authorization, x-api-key", "content-type": "application/json" }).end('{"peer":true}');
  });
  let runtime = "";
  let moved = 0;
  const site = createServer((req, res) => {
    if (req.url === "/") return res.writeHead(200, { "content-type": "text/html" }).end(PAGE);
    if (req.url === "/runtime.js") return res.writeHead(200, { "content-type": "text/javascript" }).end(runtime);
    if (req.url === "/v1/moved" && ++moved) return res.writeHead(302, { location: `${peerOrigin}/landing` }).end();
    res.writeHead(404).end();
  });

  beforeAll(async () => {
    const bundle = await build({ entryPoints: [resolve("templates/runtime/client/transport.ts")], bundle: true, format: "esm", write: false, logLevel: "silent" });
    runtime = bundle.outputFiles[0]?.text ?? "";
    peerOrigin = await listen(peer, "127.0.0.1");
    pageOrigin = await listen(site, "localhost");
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    for (const server of [site, peer]) {
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
    }
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
    expect(seen.filter((request) => request.method === "GET")).toEqual([{ method: "GET", authorization: undefined, apiKey: undefined }]);
    // Once with redirect: "manual" (an opaque redirect for the script), once resent for the browser to follow.
    expect(moved).toBe(2);
  });
});
