// End to end, issue 13: a generated server with `docs: true` serves Redoc, Swagger UI, their assets (from the
// installed packages) and the bundled document, with a CSP on the pages and the router's CORS allow list applied.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { ALLOWED_ORIGIN, serveDocs } from "./docs-fixture.js";
import type { DocsServer } from "./docs-fixture.js";

let served: DocsServer;

beforeAll(async () => {
  served = await serveDocs("docs");
}, 120_000);
afterAll(() => served?.close());

const get = (path: string, origin?: string) =>
  fetch(served.url + path, { headers: origin === undefined ? {} : { origin } });

describe("docs: true", () => {
  it("serves a Redoc page with a CSP and no inline script, loading its assets from this server", async () => {
    const response = await get("/v1/docs");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/html");
    const csp = response.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*(unsafe-inline|https?:)/);
    const html = await response.text();
    expect(html).toContain("<title>Greetings API – Reference</title>");
    const scripts = [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.map((match) => match[1])).toEqual([
      ' src="/v1/docs/assets/redoc.standalone.js"',
      ' src="/v1/docs/assets/redoc-init.js"',
    ]);
    expect(scripts.every((match) => match[2] === "")).toBe(true);
    expect(html).toContain('data-spec-url="/v1/openapi.json"');
  });

  it("serves Swagger UI pointed at this server's base URL, relative", async () => {
    const response = await get("/v1/docs/swagger");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-security-policy")).toContain("connect-src 'self'");
    const html = await response.text();
    expect(html).toContain('data-server-url="/v1"');
    expect(html).toContain('href="/v1/docs/assets/swagger-ui.css"');
    expect(html).toContain('src="/v1/docs/assets/swagger-ui-bundle.js"');
  });

  it("serves the assets byte for byte from the installed packages, and nothing else under assets", async () => {
    const pairs: [string, string][] = [
      ["redoc.standalone.js", "node_modules/redoc/bundles/redoc.standalone.js"],
      ["swagger-ui-bundle.js", "node_modules/swagger-ui-dist/swagger-ui-bundle.js"],
      ["swagger-ui.css", "node_modules/swagger-ui-dist/swagger-ui.css"],
    ];
    for (const [asset, file] of pairs) {
      const response = await get(`/v1/docs/assets/${asset}`);
      expect(response.status).toBe(200);
      expect(Buffer.from(await response.arrayBuffer()).equals(await readFile(file))).toBe(true);
    }
    const init = await get("/v1/docs/assets/swagger-init.js");
    expect(init.headers.get("content-type")).toContain("javascript");
    expect(await init.text()).toContain("SwaggerUIBundle");
    expect((await get("/v1/docs/assets/package.json")).status).toBe(404);
    expect((await get("/v1/docs/assets/..%2F..%2Fpackage.json")).status).toBe(404);
  });

  it("serves the bundled document as JSON and YAML, inert in a browser", async () => {
    const expected = JSON.parse(await readFile(join(served.outDir, "openapi.json"), "utf8")) as unknown;
    const json = await get("/v1/openapi.json");
    expect(json.headers.get("content-type")).toContain("application/json");
    expect(json.headers.get("content-security-policy")).toBe("default-src 'none'; sandbox");
    expect(await json.json()).toEqual(expected);
    const yaml = await get("/v1/openapi.yaml");
    expect(yaml.headers.get("content-type")).toContain("application/yaml");
    expect(parseYaml(await yaml.text())).toEqual(expected);
  });

  it("applies the CORS allow list to the docs: headers for an allowed origin, none for another", async () => {
    for (const path of ["/v1/docs", "/v1/openapi.json", "/v1/docs/assets/redoc-init.js"]) {
      expect((await get(path, ALLOWED_ORIGIN)).headers.get("access-control-allow-origin")).toBe(ALLOWED_ORIGIN);
      expect((await get(path, "https://evil.example")).headers.get("access-control-allow-origin")).toBeNull();
    }
    const preflight = await fetch(`${served.url}/v1/openapi.json`, {
      method: "OPTIONS",
      headers: { origin: ALLOWED_ORIGIN, "access-control-request-method": "GET" },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-methods")).toBe("GET,HEAD,OPTIONS");
  });

  it("answers other methods on a docs path with 405, and keeps the API itself working", async () => {
    const post = await fetch(`${served.url}/v1/docs`, { method: "POST" });
    expect([post.status, post.headers.get("allow")]).toEqual([405, "GET, HEAD, OPTIONS"]);
    const greeting = await get("/v1/greetings/ann");
    expect(await greeting.json()).toEqual({ message: "Hello, ann!" });
  });

  it("is off by default", async () => {
    const app = express().use(served.server.createRouter(served.handlers));
    const { listen } = await import("./listen.js");
    const other = await listen(app);
    try {
      expect((await fetch(`${other.url}/v1/docs`)).status).toBe(404);
      expect((await fetch(`${other.url}/v1/openapi.json`)).status).toBe(404);
    } finally {
      await other.close();
    }
  });

  it("moves with docs.path, builds links from the mount point, and refuses a spec path in the way", async () => {
    const app = express().use("/mounted", served.server.createRouter(served.handlers, { docs: { path: "/_docs" } }));
    const { listen } = await import("./listen.js");
    const other = await listen(app);
    try {
      const html = await (await fetch(`${other.url}/mounted/v1/_docs/swagger`)).text();
      expect(html).toContain('data-server-url="/mounted/v1"');
      expect(html).toContain('src="/mounted/v1/_docs/assets/swagger-ui-bundle.js"');
      const css = await fetch(`${other.url}/mounted/v1/_docs/assets/swagger-ui.css`);
      await css.arrayBuffer();
      expect(css.status).toBe(200);
    } finally {
      await other.close();
    }
    expect(() => served.server.createRouter(served.handlers, { docs: { path: "/greetings" } })).toThrow(
      /docs serves \/greetings, but the spec has the path \/greetings\/\{name\}; pass docs: \{ path: "\/_docs" \}/,
    );
  });
});
