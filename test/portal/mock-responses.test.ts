// Mock responses carry the spec author's content on the portal's origin: whatever the mock writes, they go out inert.
import { mkdir, writeFile } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { portalIntegrations } from "../../portal/integrations.js";
import { inertResponses } from "../../portal/mock/inert-responses.js";
import type { RunningPortal } from "../../portal/server.js";
import { ACTIVE_EXAMPLES, activeContentSpec } from "./active-content-spec.js";
import { emptySpecsDir, startTestPortal } from "./portal-fixture.js";

const INERT_CSP = "default-src 'none'; sandbox";
let specs: { dir: string; cleanup: () => Promise<void> };
const portals: Record<"examples" | "generated", RunningPortal | undefined> = {
  examples: undefined,
  generated: undefined,
};
const warnings: string[] = [];

beforeAll(async () => {
  specs = await emptySpecsDir();
  await mkdir(join(specs.dir, "active/v1"), { recursive: true });
  await writeFile(join(specs.dir, "active/v1/openapi.json"), JSON.stringify(activeContentSpec(), null, 2));
  portals.examples = await startTestPortal(specs.dir);
  const { mockFactory } = portalIntegrations();
  // A generated mock that failed would fall back to examples and test the same thing twice: record that.
  portals.generated = await startTestPortal(specs.dir, {
    mockFactory: (loaded, key) =>
      mockFactory(loaded, key).catch((error: unknown) => (warnings.push(String(error)), Promise.reject(error))),
  });
}, 120_000);
afterAll(async () => {
  await portals.examples?.close();
  await portals.generated?.close();
  await specs?.cleanup();
});

function expectInert(response: Response, where: string): void {
  expect(response.headers.get("content-security-policy"), where).toBe(INERT_CSP);
  expect(response.headers.get("x-content-type-options"), where).toBe("nosniff");
}

describe.each(["examples", "generated"] as const)("mock answered from %s", (kind) => {
  const get = (path: string, init?: RequestInit) => fetch(portals[kind]!.url + path, init);

  it.each(Object.entries(ACTIVE_EXAMPLES))(
    "serves the active example of %s as an inert attachment, with its body",
    async (path, { example }) => {
      const response = await get(`/mock/active/v1${path}`);
      expect(response.status).toBe(200);
      expectInert(response, path);
      expect(response.headers.get("content-disposition")).toBe("attachment");
      // The mock's own business whether a type listing JSON gets the example JSON-encoded; the content is there.
      expect(await response.text()).toContain(example);
    },
  );

  it("serves JSON inline, with the same policy", async () => {
    const response = await get("/mock/active/v1/data");
    expect(response.status).toBe(200);
    expectInert(response, "/data");
    expect(response.headers.get("content-disposition")).toBeNull();
    expect(await response.json()).toEqual({ ok: true });
  });

  it("puts the policy on error answers too: unknown route, undocumented method, unknown API", async () => {
    for (const [path, method, status] of [
      ["/mock/active/v1/nothing-here", "GET", 404],
      ["/mock/active/v1/page", "DELETE", 405],
      ["/mock/nope/v1/page", "GET", 404],
    ] as const) {
      const response = await get(path, { method });
      expect(response.status, `${method} ${path}`).toBe(status);
      expectInert(response, `${method} ${path}`);
      expect(response.headers.get("content-type"), path).toContain("problem+json");
    }
  });

  it("built the mock it was meant to", () => {
    expect(warnings).toEqual([]);
  });
});

describe("inert responses", () => {
  it("holds against a mock that sets its own policy and type in writeHead, as an object or a raw list", async () => {
    const app = express();
    app.use(inertResponses);
    app.get("/object", (_req, res) => {
      res.setHeader("Content-Type", "application/json");
      res
        .writeHead(200, "OK", {
          "Content-Type": "text/html",
          "Content-Security-Policy": "script-src *",
          "X-Content-Type-Options": "off",
        })
        .end("<script></script>");
    });
    app.get(
      "/raw",
      (_req, res) =>
        void res.writeHead(200, ["Content-Type", "image/svg+xml", "Content-Disposition", "inline"]).end("<svg/>"),
    );
    app.get("/none", (_req, res) => void res.end("<script></script>"));
    const server = app.listen(0, "127.0.0.1");
    await new Promise((resolve) => server.once("listening", resolve));
    try {
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      for (const path of ["/object", "/raw", "/none"]) {
        const response = await fetch(base + path);
        expectInert(response, path);
        expect(response.headers.get("content-disposition"), path).toBe("attachment");
      }
    } finally {
      server.close();
    }
  });
});

describe("spec downloads", () => {
  it("cannot be rendered as active content: JSON or YAML, nosniff, the inert policy", async () => {
    for (const [file, type] of [
      ["openapi.json", "application/json"],
      ["openapi.yaml", "application/yaml"],
    ] as const) {
      const response = await fetch(`${portals.examples!.url}/specs/active/v1/${file}`);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe(`${type}; charset=utf-8`);
      expectInert(response, file);
    }
  });
});
