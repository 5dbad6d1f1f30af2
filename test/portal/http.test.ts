import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import type { RunningPortal } from "../../portal/server.js";
import { REPO_SPECS, startTestPortal } from "./portal-fixture.js";

let portal: RunningPortal;

beforeAll(async () => {
  portal = await startTestPortal(REPO_SPECS, { corsOrigins: ["https://app.example.com"] });
});
afterAll(() => portal.close());

const get = (path: string, headers: Record<string, string> = {}) => fetch(portal.url + path, { headers });

/** A request sent exactly as written (fetch would normalise `..` and add cache headers to conditional requests). */
function rawGet(path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  const url = new URL(portal.url);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path, method: "GET", headers }, (res) => {
      let body = "";
      res.on("data", (chunk) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("pages", () => {
  it("lists every example API with its versions and lint status on the index", async () => {
    const response = await get("/");
    expect(response.status).toBe(200);
    const page = await response.text();
    expect(page).toContain("Petstore API");
    expect(page).toContain("Bookshop");
    expect(page).toContain('href="/apis/petstore/v1/"');
    expect(page).toContain('href="/apis/petstore/v2/"');
    expect(page).toContain('href="/apis/bookshop/v1/"');
    expect(page).toMatch(/clean|\d+ errors?, \d+ warnings?/);
  });

  it("filters the index by name or tag through ?q= without scripts", async () => {
    const page = await (await get("/?q=vaccinations")).text();
    expect(page).toMatch(/<li class="card api" data-api="petstore"[^>]*>/);
    expect(page).not.toMatch(/<li class="card api" data-api="petstore"[^>]* hidden>/);
    expect(page).toMatch(/<li class="card api" data-api="bookshop"[^>]* hidden>/);
    expect(page).toContain("1 of 2 APIs");
  });

  it("serves the Redoc page with an outline that reads without scripts, and links to the other views", async () => {
    const page = await (await get("/apis/petstore/v1/")).text();
    expect(page).toContain("/assets/redoc/redoc.standalone.js");
    expect(page).toContain("<code>/pets</code>");
    expect(page).toContain('href="/apis/petstore/v1/swagger/"');
    expect(page).toContain('href="/apis/petstore/v2/"');
  });

  it("offers the mock and allows the spec's real servers in the Swagger UI page's CSP", async () => {
    const response = await get("/apis/petstore/v1/swagger/");
    const page = await response.text();
    expect(page).toContain('"mockUrl":"/mock/petstore/v1"');
    expect(response.headers.get("content-security-policy")).toContain(
      "connect-src 'self' http://localhost:3000 https://petstore.example.com",
    );
  });

  it("shows a lint report and the rule docs it links to", async () => {
    const page = await (await get("/apis/petstore/v1/lint/")).text();
    expect(page).toContain("Lint report");
    const rules = await (await get("/rules/")).text();
    expect(rules).toContain('id="versioning-major-in-path"');
  });

  it("shows the changelog page of v2 against v1 and says v1 is the first", async () => {
    expect(await (await get("/apis/petstore/v1/changelog/")).text()).toContain("first version of this API");
    expect((await get("/apis/petstore/v2/changelog/")).status).toBe(200);
  });

  it("answers /healthz", async () => {
    expect(await (await get("/healthz")).json()).toEqual({ status: "ok", apis: 3, broken: 0 });
  });

  it("sends a strict CSP and the usual security headers on pages", async () => {
    const response = await get("/");
    const csp = response.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("referrer-policy")).toBe("no-referrer");
    expect(response.headers.get("x-powered-by")).toBeNull();
  });
});

describe("spec downloads", () => {
  it("serves the bundled multi-file spec as one JSON document with no external $ref", async () => {
    const response = await get("/specs/petstore/v2/openapi.json");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("application/json");
    const text = await response.text();
    const spec = JSON.parse(text);
    expect(spec.info.version).toBe("2.0.0");
    expect(Object.keys(spec.paths)).toContain("/pets/{pet_id}/vaccinations/{vaccination_id}");
    expect(text).not.toMatch(/"\$ref":\s*"[^#]/);
  });

  it("serves the same document as YAML", async () => {
    const json = await (await get("/specs/petstore/v2/openapi.json")).json();
    const response = await get("/specs/petstore/v2/openapi.yaml");
    expect(response.headers.get("content-type")).toContain("application/yaml");
    expect(parse(await response.text())).toEqual(json);
  });

  it("gzips when asked, and answers 304 to a matching If-None-Match", async () => {
    const response = await get("/specs/petstore/v1/openapi.json", { "accept-encoding": "gzip" });
    expect(response.headers.get("content-encoding")).toBe("gzip");
    const etag = response.headers.get("etag");
    expect(etag).toBeTruthy();
    const again = await rawGet("/specs/petstore/v1/openapi.json", { "if-none-match": etag! });
    expect(again.status).toBe(304);
  });

  it("is 404 for an unknown API, version or file name", async () => {
    for (const path of [
      "/specs/nope/v1/openapi.json",
      "/specs/petstore/v9/openapi.json",
      "/specs/petstore/v1/openapi.xml",
      "/specs/petstore/v1/pet.yaml",
    ]) {
      expect((await get(path)).status, path).toBe(404);
    }
  });
});

describe("CORS", () => {
  it("lets a --cors-origin read a spec download, echoing the origin by name", async () => {
    const response = await get("/specs/petstore/v1/openapi.json", { origin: "https://app.example.com" });
    expect(response.headers.get("access-control-allow-origin")).toBe("https://app.example.com");
    expect(response.headers.get("vary")).toMatch(/Origin/i);
  });

  it("lets any localhost origin read a spec download", async () => {
    const response = await get("/specs/petstore/v1/openapi.yaml", { origin: "http://localhost:3000" });
    expect(response.headers.get("access-control-allow-origin")).toBe("http://localhost:3000");
  });

  it("gives no CORS grant to an origin not in the allow list", async () => {
    const response = await get("/specs/petstore/v1/openapi.json", { origin: "https://evil.example.net" });
    expect(response.headers.get("access-control-allow-origin")).toBeNull();
    const mock = await get("/mock/petstore/v1/stores", { origin: "https://evil.example.net" });
    expect(mock.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("answers a preflight for a mock API with the methods and the requested headers", async () => {
    const response = await fetch(`${portal.url}/mock/petstore/v1/pets`, {
      method: "OPTIONS",
      headers: {
        origin: "https://app.example.com",
        "access-control-request-method": "POST",
        "access-control-request-headers": "content-type,authorization",
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-origin")).toBe("https://app.example.com");
    expect(response.headers.get("access-control-allow-methods")).toContain("POST");
    expect(response.headers.get("access-control-allow-headers")).toBe("content-type,authorization");
    expect(response.headers.get("access-control-allow-credentials")).toBe("true");
  });

  it("never pairs '*' with credentials when every origin is allowed", async () => {
    const open = await startTestPortal(REPO_SPECS, { corsOrigins: ["*"] });
    try {
      const response = await fetch(`${open.url}/mock/petstore/v1/pets`, {
        method: "OPTIONS",
        headers: { origin: "https://anyone.example.org", "access-control-request-method": "GET" },
      });
      expect(response.headers.get("access-control-allow-origin")).toBe("https://anyone.example.org");
      expect(response.headers.get("access-control-allow-credentials")).toBeNull();
    } finally {
      await open.close();
    }
  });
});

describe("mock backends", () => {
  it("answers a documented operation from the spec's examples", async () => {
    const response = await get("/mock/petstore/v1/stores");
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(Array.isArray(body.items)).toBe(true);
    expect(body.items[0].name).toBe("Petstore Lisboa");
  });

  it("answers unknown routes with a 404 problem, not a 500", async () => {
    const response = await get("/mock/petstore/v1/nothing-here");
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toContain("problem+json");
  });
});

describe("path traversal", () => {
  const attempts = [
    "/assets/../package.json",
    "/assets/..%2f..%2fpackage.json",
    "/assets/%2e%2e/%2e%2e/package.json",
    "/assets/redoc/..%2f..%2f..%2fpackage.json",
    "/assets/portal/..%2f..%2fapp.ts",
    "/specs/..%2f..%2fpackage.json/v1/openapi.json",
    "/specs/petstore/v1/..%2f..%2f..%2fpackage.json",
    "/specs/petstore/v1/..%2fv1%2fopenapi.yaml",
    "/specs/petstore%2fv1/openapi.yaml",
    "/apis/..%2f..%2f/v1/",
    "/apis/petstore/..%2fv1/lint/",
    "/mock/..%2f..%2f/v1/stores",
    "/specs/petstore/v1/openapi.yaml%00.json",
    "/%2e%2e/%2e%2e/etc/passwd",
    "/..%5c..%5cpackage.json",
  ];
  it.each(attempts)("%s is 404 and leaks no file", async (path) => {
    const response = await rawGet(path);
    expect(response.status).toBe(404);
    expect(response.body).not.toContain('"devDependencies"');
    expect(response.body).not.toContain("root:");
    expect(response.body).not.toContain("openapi: 3.1.0");
  });

  it("answers a malformed URL escape with 400, not 500", async () => {
    expect((await rawGet("/apis/%E0%A4%A/v1/")).status).toBe(400);
  });
});
