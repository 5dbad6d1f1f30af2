// A spec's server URLs go into the Swagger UI page's connect-src: only plain origins may get there.
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serverOrigins } from "../../portal/security.js";
import type { RunningPortal } from "../../portal/server.js";
import { emptySpecsDir, startTestPortal } from "./portal-fixture.js";

const HOSTILE_SERVERS = [
  "https://x;sandbox",
  "https://*",
  "https://*.example.com",
  "https://a.example.com 'unsafe-eval'",
  "https://b.example.com;script-src *",
  "https://{region}.example.com",
  "ftp://files.example.com",
  "javascript:alert(1)",
  "data:text/html,x",
  "/relative/v1",
];

describe("serverOrigins", () => {
  it("drops wildcards, directive breakers, templates, other schemes and relative URLs", () => {
    expect(serverOrigins(HOSTILE_SERVERS)).toEqual([]);
  });

  it("keeps http(s) origins, serialised as the URL standard does (no path, lowercase, punycode, no default port)", () => {
    expect(
      serverOrigins([
        "https://API.Example.com:443/v1/",
        "http://localhost:3000/v1",
        "https://bücher.example/v1",
        "https://api.example.com/v2",
      ]),
    ).toEqual(["http://localhost:3000", "https://api.example.com", "https://xn--bcher-kva.example"]);
  });
});

describe("the Swagger UI page of a spec with hostile server URLs", () => {
  let specs: { dir: string; cleanup: () => Promise<void> };
  let portal: RunningPortal;
  beforeAll(async () => {
    specs = await emptySpecsDir();
    const spec = {
      openapi: "3.1.0",
      info: { title: "Servers", version: "1.0.0" },
      servers: [...HOSTILE_SERVERS, "https://good.example.com/v1"].map((url) => ({ url })),
      paths: {},
    };
    await mkdir(join(specs.dir, "servers/v1"), { recursive: true });
    await writeFile(join(specs.dir, "servers/v1/openapi.json"), JSON.stringify(spec));
    portal = await startTestPortal(specs.dir);
  });
  afterAll(async () => {
    await portal?.close();
    await specs?.cleanup();
  });

  it("keeps the page's policy whole: connect-src gets the one plain origin and nothing else", async () => {
    const response = await fetch(`${portal.url}/apis/servers/v1/swagger/`);
    expect(response.status).toBe(200);
    const csp = response.headers.get("content-security-policy") ?? "";
    const directives = csp.split("; ");
    expect(directives).toContain("connect-src 'self' https://good.example.com");
    expect(directives.map((directive) => directive.split(" ")[0])).not.toContain("sandbox");
    expect(csp).not.toContain("*");
  });
});
