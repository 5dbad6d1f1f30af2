import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { RunningPortal } from "../../portal/server.js";
import { copyOfSpecs, eventually, startTestPortal } from "./portal-fixture.js";

let specs: { dir: string; cleanup: () => Promise<void> };
let portal: RunningPortal;

beforeEach(async () => {
  specs = await copyOfSpecs();
  portal = await startTestPortal(specs.dir, { watch: true });
});
afterEach(async () => {
  await portal.close();
  await specs.cleanup();
});

const text = async (path: string) => (await fetch(portal.url + path)).text();

describe("live reload", () => {
  it("shows an edited title without a restart", async () => {
    const file = join(specs.dir, "bookshop/v1/openapi.yaml");
    const source = await readFile(file, "utf8");
    await writeFile(file, source.replace(/^  title: .*$/m, "  title: Renamed Bookshop"));
    await eventually(async () => expect(await text("/")).toContain("Renamed Bookshop"), "the new title on the index");
    const spec = JSON.parse(await text("/specs/bookshop/v1/openapi.json"));
    expect(spec.info.title).toBe("Renamed Bookshop");
  });

  it("reloads a multi-file spec when one of its $ref'd files changes", async () => {
    const file = join(specs.dir, "petstore/v2/schemas/pet.yaml");
    const source = await readFile(file, "utf8");
    await writeFile(file, source.replace(/^(\s+)description: /m, "$1description: Edited through a $ref. "));
    await eventually(
      async () => expect(await text("/specs/petstore/v2/openapi.json")).toContain("Edited through a $ref."),
      "the edited schema in the download",
    );
  });

  it("shows a broken edit as an error card and keeps serving the last good version", async () => {
    const file = join(specs.dir, "petstore/v1/openapi.yaml");
    const good = await readFile(file, "utf8");
    await writeFile(file, good.replace("paths:\n", "paths:\n  /broken: [unclosed\n"));
    const page = await eventually(async () => {
      const body = await text("/apis/petstore/v1/");
      expect(body).toContain("This spec does not load");
      return body;
    }, "the error card");
    expect(page).toMatch(/petstore\/v1\/openapi\.yaml:\d+:\d+/);
    expect(page).toContain("The last version that loaded is still served below.");
    const spec = JSON.parse(await text("/specs/petstore/v1/openapi.json"));
    expect(spec.info.title).toBe("Petstore API");
    expect(await (await fetch(portal.url + "/healthz")).json()).toMatchObject({ broken: 1 });

    await writeFile(file, good);
    await eventually(
      async () => expect(await text("/apis/petstore/v1/")).not.toContain("This spec does not load"),
      "the error card going away",
    );
  });

  it("picks up a new API version and forgets a deleted one", async () => {
    const source = await readFile(join(specs.dir, "bookshop/v1/openapi.yaml"), "utf8");
    const { mkdir, rm } = await import("node:fs/promises");
    await mkdir(join(specs.dir, "bookshop/v3"));
    await writeFile(
      join(specs.dir, "bookshop/v3/openapi.yaml"),
      source.replace(/^  version: .*$/m, "  version: 3.0.0"),
    );
    await eventually(
      async () => expect(await text("/")).toContain('href="/apis/bookshop/v3/"'),
      "the new version on the index",
    );
    await rm(join(specs.dir, "bookshop/v3"), { recursive: true });
    await eventually(
      async () => expect(await text("/")).not.toContain('href="/apis/bookshop/v3/"'),
      "the deleted version leaving the index",
    );
  });
});
