import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningPortal } from "../../portal/server.js";
import { emptySpecsDir, startTestPortal } from "./portal-fixture.js";

const XSS_TITLE = `Evil <script>window.__xss=1</script> API`;
let specs: { dir: string; cleanup: () => Promise<void> };
let portal: RunningPortal;

beforeAll(async () => {
  specs = await emptySpecsDir();
  await mkdir(join(specs.dir, "good/v1"), { recursive: true });
  await writeFile(
    join(specs.dir, "good/v1/openapi.yaml"),
    `openapi: 3.1.0\ninfo: { title: Good API, version: 1.0.0 }\npaths: {}\n`,
  );
  await mkdir(join(specs.dir, "broken/v1"), { recursive: true });
  await writeFile(
    join(specs.dir, "broken/v1/openapi.yaml"),
    `openapi: 3.1.0\ninfo:\n  title: Broken\n  version: [1.0\npaths: {}\n`,
  );
  await mkdir(join(specs.dir, "evil/v1"), { recursive: true });
  await writeFile(
    join(specs.dir, "evil/v1/openapi.json"),
    JSON.stringify({
      openapi: "3.1.0",
      info: { title: XSS_TITLE, version: "1.0.0", description: `<img src=x onerror="alert(1)">` },
      paths: {},
    }),
  );
  await writeFile(
    join(specs.dir, "loose.yaml"),
    `openapi: 3.0.3\ninfo: { title: Loose file, version: 2.1.0 }\npaths: {}\n`,
  );
  portal = await startTestPortal(specs.dir);
});
afterAll(async () => {
  await portal.close();
  await specs.cleanup();
});

describe("a spec that fails to load", () => {
  it("shows an error card with file, line and fix while the rest of the portal works", async () => {
    const page = await (await fetch(portal.url + "/")).text();
    expect(page).toContain("This spec does not load");
    expect(page).toMatch(/broken\/v1\/openapi\.yaml:\d+:\d+/);
    expect(page).toContain("Good API");
    expect((await fetch(portal.url + "/apis/good/v1/")).status).toBe(200);
    expect((await fetch(portal.url + "/specs/broken/v1/openapi.json")).status).toBe(404);
    expect(await (await fetch(portal.url + "/healthz")).json()).toEqual({ status: "ok", apis: 4, broken: 1 });
  });

  it("shows its own page with the error card", async () => {
    const response = await fetch(portal.url + "/apis/broken/v1/");
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("This spec does not load");
  });
});

describe("spec text in pages", () => {
  it("is escaped: markup in a title or description never becomes markup", async () => {
    for (const path of ["/", "/apis/evil/v1/", "/apis/evil/v1/swagger/", "/apis/evil/v1/lint/"]) {
      const page = await (await fetch(portal.url + path)).text();
      expect(page, path).not.toContain("<script>window.__xss");
      expect(page, path).not.toContain("<img src=x");
      expect(page, path).toContain("Evil &lt;script&gt;window.__xss=1&lt;/script&gt; API");
    }
  });
});

describe("a spec outside the <api>/v<N>/ layout", () => {
  it("is listed under its file name with the major version of info.version", async () => {
    const page = await (await fetch(portal.url + "/")).text();
    expect(page).toContain('href="/apis/loose/v2/"');
    expect(page).toContain("Loose file");
  });
});
