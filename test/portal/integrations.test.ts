// The portal as the CLI starts it: changelogs from `specwright diff`, mocks served by the generated server.
import { existsSync, readdirSync } from "node:fs";
import { mkdir, utimes } from "node:fs/promises";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { portalIntegrations } from "../../portal/integrations.js";
import type { RunningPortal } from "../../portal/server.js";
import { REPO_SPECS, startTestPortal } from "./portal-fixture.js";

let portal: RunningPortal;
const bearer = { authorization: "Bearer any-token" };

// A generated mock folder nobody has used for ten days: the portal removes it before it serves a mock.
const MOCKS = resolve(import.meta.dirname, "../../node_modules/.cache/specwright/mocks");
const stale = join(MOCKS, `stale-${process.pid}`);

beforeAll(async () => {
  await mkdir(join(stale, "runtime"), { recursive: true });
  const tenDaysAgo = new Date(Date.now() - 10 * 24 * 60 * 60 * 1000);
  await utimes(stale, tenDaysAgo, tenDaysAgo);
  portal = await startTestPortal(REPO_SPECS, portalIntegrations());
});
afterAll(() => portal?.close());

const get = (path: string, headers: Record<string, string> = {}) => fetch(portal.url + path, { headers });

describe("changelog between petstore v1 and v2", () => {
  it("lists the breaking changes first, each with the operation and the file:line:col in v2", async () => {
    const page = await (await get("/apis/petstore/v2/changelog/")).text();
    const items = [...page.matchAll(/<li class="([a-z-]+)">(.*?)<\/li>/gs)].map((match) => ({
      kind: match[1],
      text: match[2] ?? "",
    }));
    expect(items.length).toBeGreaterThan(5);
    // v2 makes store_id a required query parameter of GET /pets (specs/petstore/v2/openapi.yaml).
    expect(items.find((item) => item.text.includes("store_id") && item.text.includes("GET /pets"))?.kind).toBe(
      "breaking",
    );
    const firstNonBreaking = items.findIndex((item) => item.kind !== "breaking");
    expect(items.slice(firstNonBreaking).some((item) => item.kind === "breaking")).toBe(false);
    expect(page).toMatch(/<code>(GET|POST|PUT|PATCH|DELETE) \/[^<]* · [\w/.-]+\.yaml:\d+:\d+<\/code>/);
  });
});

describe("mocks served by the generated server", () => {
  it("answers a public operation from the spec's examples", async () => {
    const response = await get("/mock/petstore/v1/stores");
    expect(response.status).toBe(200);
    expect((await response.json()).items[0].name).toBe("Petstore Lisboa");
  });

  it("refuses a protected operation without credentials with a 401 problem", async () => {
    const response = await get("/mock/petstore/v1/pets");
    expect(response.status).toBe(401);
    expect(response.headers.get("content-type")).toContain("application/problem+json");
  });

  it("validates parameters as the real server would: 400 problem naming the field", async () => {
    const response = await get("/mock/petstore/v1/pets?page_size=lots", bearer);
    expect(response.status).toBe(400);
    const problem = await response.json();
    expect(problem.errors.map((error: { field: string }) => error.field)).toContain("query.page_size");
  });

  it("validates request bodies and answers a valid create with 201 and a Location under the mock", async () => {
    const post = (body: unknown) =>
      fetch(`${portal.url}/mock/petstore/v1/pets`, {
        method: "POST",
        headers: { ...bearer, "content-type": "application/json" },
        body: JSON.stringify(body),
      });
    expect((await post({ name: 42 })).status).toBe(400);
    const created = await post({ name: "Rex", species: "dog" });
    expect(created.status).toBe(201);
    expect(created.headers.get("location")).toMatch(/^\/mock\/petstore\/v1\/pets\/[\w-]+$/);
  });

  it("answers an unknown route with a 404 problem, not a 500", async () => {
    const response = await get("/mock/petstore/v1/nothing-here", bearer);
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toContain("problem+json");
  });

  it("removes generated mock folders unused for a week, and keeps the ones in use", async () => {
    expect((await get("/mock/petstore/v1/stores")).status).toBe(200);
    expect(existsSync(stale)).toBe(false);
    expect(readdirSync(MOCKS).some((name) => existsSync(join(MOCKS, name, "mock.ts")))).toBe(true);
  });
});
