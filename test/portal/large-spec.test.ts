// A spec with more operations than Redoc renders in reasonable time gets a reference page per tag group.
import { existsSync, readFileSync } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import { LARGE_SPEC_OPERATIONS, operationIndex, specForTag, tagGroups } from "../../portal/catalog/tag-groups.js";
import type { RunningPortal } from "../../portal/server.js";
import { buildStaticSite } from "../../portal/static-site.js";
import { emptySpecsDir, startTestPortal } from "./portal-fixture.js";

/** `perTag` operations under each tag, plus two untagged ones, all sharing one component schema. */
function largeSpec(tags: string[], perTag: number): Record<string, unknown> {
  const paths: Record<string, unknown> = {};
  const ok = {
    "200": { description: "ok", content: { "application/json": { schema: { $ref: "#/components/schemas/Thing" } } } },
  };
  for (const tag of tags)
    for (let i = 0; i < perTag; i++)
      paths[`/v1/${tag.toLowerCase().replace(/\W/g, "")}/${i}`] = {
        get: { operationId: `${tag.replace(/\W/g, "")}${i}`, tags: [tag], summary: `${tag} ${i}`, responses: ok },
      };
  paths["/v1/loose/a"] = { get: { operationId: "looseA", responses: ok } };
  paths["/v1/loose/b"] = {
    parameters: [{ name: "q", in: "query", schema: { type: "string" } }],
    post: { operationId: "looseB", responses: ok },
  };
  return {
    openapi: "3.0.3",
    info: { title: "Big API", version: "1.0.0" },
    tags: [{ name: "Alpha", description: "First group.\nMore text." }, { name: "Beta Tag" }, { name: "Unused" }],
    paths,
    components: { schemas: { Thing: { type: "object", properties: { id: { type: "string" } } } } },
  };
}

const SPEC = largeSpec(["Alpha", "Beta Tag", "gamma"], 90);
/** 602 operations in eight groups: what one group's page holds must not grow with the others. */
const WIDE_TAGS = ["Alpha", "Beta Tag", "gamma", "Delta", "Epsilon", "Zeta"];
const WIDE = largeSpec(WIDE_TAGS, 100);
let specs: { dir: string; cleanup: () => Promise<void> };
let portal: RunningPortal;

beforeAll(async () => {
  specs = await emptySpecsDir();
  await mkdir(join(specs.dir, "big/v1"), { recursive: true });
  await writeFile(join(specs.dir, "big/v1/openapi.json"), JSON.stringify(SPEC));
  await mkdir(join(specs.dir, "wide/v1"), { recursive: true });
  await writeFile(join(specs.dir, "wide/v1/openapi.json"), JSON.stringify(WIDE));
  portal = await startTestPortal(specs.dir);
});
afterAll(async () => {
  await portal?.close();
  await specs?.cleanup();
});

const get = (path: string) => fetch(portal.url + path);
const configOf = (page: string) =>
  JSON.parse(/<script type="application\/json" id="portal-config">(.*?)<\/script>/s.exec(page)![1]!);

describe("tag groups", () => {
  it("groups operations by first tag in the declared order, skips empty tags, and gives unique URL slugs", () => {
    const groups = tagGroups(SPEC);
    expect(groups.map((group) => [group.name, group.slug, group.operations.length])).toEqual([
      ["Alpha", "alpha", 90],
      ["Beta Tag", "beta-tag", 90],
      ["gamma", "gamma", 90],
      ["(untagged)", "untagged", 2],
    ]);
    // Once per bundled document (one per load): every page and download of the spec asks for them.
    expect(tagGroups(SPEC)).toBe(groups);
    const clash = tagGroups({ paths: { "/a": { get: { tags: ["A b"] } }, "/b": { get: { tags: ["a-b"] } } } });
    expect(clash.map((group) => group.slug)).toEqual(["a-b", "a-b-2"]);
  });

  it("cuts a document down to one group, keeping path-level parameters and the components", () => {
    const untagged = tagGroups(SPEC).find((group) => group.slug === "untagged")!;
    const cut = specForTag(SPEC, untagged) as {
      paths: Record<string, Record<string, unknown>>;
      components: unknown;
      tags: unknown[];
    };
    expect(Object.keys(cut.paths)).toEqual(["/v1/loose/a", "/v1/loose/b"]);
    expect(cut.paths["/v1/loose/b"]!.parameters).toBeDefined();
    expect(cut.components).toEqual(SPEC.components);
    expect(cut.tags).toEqual([]);
  });

  it("keeps only the components the group reaches, following $refs between components", () => {
    const spec = {
      paths: {
        "/a": { get: { tags: ["a"], responses: { "200": { $ref: "#/components/responses/AList" } } } },
        "/b": {
          get: {
            tags: ["b"],
            responses: {
              "200": {
                description: "b",
                content: { "application/json": { schema: { $ref: "#/components/schemas/B" } } },
              },
            },
          },
        },
      },
      components: {
        responses: {
          AList: {
            description: "a",
            content: { "application/json": { schema: { type: "array", items: { $ref: "#/components/schemas/A" } } } },
          },
        },
        schemas: {
          A: { properties: { owner: { $ref: "#/components/schemas/Owner" } } },
          Owner: { type: "object" },
          B: { type: "object" },
        },
        securitySchemes: { key: { type: "apiKey", in: "header", name: "x-key" } },
      },
    };
    const cut = specForTag(spec, tagGroups(spec).find((group) => group.name === "a")!) as {
      components: Record<string, Record<string, unknown>>;
    };
    expect(Object.keys(cut.components.schemas!).sort()).toEqual(["A", "Owner"]);
    expect(Object.keys(cut.components.responses!)).toEqual(["AList"]);
    expect(cut.components.securitySchemes).toEqual(spec.components.securitySchemes);
  });

  it("leaves out webhooks (3.1 and x-webhooks), so no $ref of the cut points at a dropped component", () => {
    const hook = {
      post: {
        requestBody: { content: { "application/json": { schema: { $ref: "#/components/schemas/Event" } } } },
        responses: { "200": { description: "ok" } },
      },
    };
    const spec = {
      ...SPEC,
      webhooks: { ping: hook },
      "x-webhooks": { push: hook },
      components: { schemas: { ...(SPEC.components as any).schemas, Event: { type: "object" } } },
    };
    const cut = specForTag(spec, tagGroups(spec)[0]!) as Record<string, any>;
    expect(cut.webhooks).toBeUndefined();
    expect(cut["x-webhooks"]).toBeUndefined();
    const refs = JSON.stringify(cut).match(/"#\/components\/[^"]+"/g) ?? [];
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of new Set(refs))
      expect(cut.components.schemas[JSON.parse(ref).split("/").pop()], ref).toBeDefined();
  });

  it("gives the webhooks a group of their own, last, cut to the webhooks and what they reach", () => {
    const hook = {
      post: {
        operationId: "onPing",
        requestBody: { content: { "application/json": { schema: { $ref: "#/components/schemas/Event" } } } },
        responses: { "200": { description: "ok" } },
      },
    };
    const spec = {
      ...SPEC,
      webhooks: { ping: hook },
      "x-webhooks": { push: { post: { summary: "push", responses: { "200": { description: "ok" } } } } },
      components: { schemas: { ...(SPEC.components as any).schemas, Event: { type: "object" } } },
    };
    const groups = tagGroups(spec);
    const hooks = groups.at(-1)!;
    expect([hooks.name, hooks.slug, hooks.webhooks, hooks.operations.map((op) => `${op.method} ${op.path}`)]).toEqual([
      "Webhooks",
      "webhooks",
      true,
      ["POST ping", "POST push"],
    ]);
    const cut = specForTag(spec, hooks) as Record<string, any>;
    expect(cut.paths).toEqual({});
    expect(Object.keys(cut.webhooks)).toEqual(["ping"]);
    expect(Object.keys(cut["x-webhooks"])).toEqual(["push"]);
    expect(Object.keys(cut.components.schemas)).toEqual(["Event"]);
  });

  it("indexes where each operation is, by operationId and by method and path, for links between groups", () => {
    const index = operationIndex(tagGroups(SPEC));
    expect(index.operations.BetaTag3).toBe("beta-tag");
    expect(index.operations["post /v1/loose/b"]).toBe("untagged");
    expect(index.tags["Beta Tag"]).toBe("beta-tag");
  });
});

describe("the reference of a spec with more than LARGE_SPEC_OPERATIONS operations", () => {
  it("is a server-rendered list of groups that loads no Redoc", async () => {
    expect(tagGroups(SPEC).reduce((sum, group) => sum + group.operations.length, 0)).toBeGreaterThan(
      LARGE_SPEC_OPERATIONS,
    );
    const page = await (await get("/apis/big/v1/")).text();
    expect(page).toContain('href="/apis/big/v1/tags/alpha/"');
    expect(page).toContain('href="/apis/big/v1/tags/beta-tag/"');
    expect(page).toContain('href="/apis/big/v1/tags/untagged/"');
    expect(page).not.toContain("redoc.standalone.js");
  });

  it("has a Redoc page per group, fed with that group's operations only", async () => {
    const page = await (await get("/apis/big/v1/tags/beta-tag/")).text();
    expect(page).toContain("redoc.standalone.js");
    expect(page).toContain('"specUrl":"/specs/big/v1/tags/beta-tag/reference.json"');
    const reference = await (await get("/specs/big/v1/tags/beta-tag/reference.json")).json();
    expect(Object.keys(reference.paths)).toHaveLength(90);
    expect(Object.values(reference.paths).every((item: any) => item.get["x-codeSamples"].length === 2)).toBe(true);
    const response = await fetch(`${portal.url}/specs/big/v1/tags/beta-tag/openapi.json`, {
      headers: { origin: "http://localhost:3000" },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("access-control-allow-origin")).toBe("http://localhost:3000");
    const cut = await response.json();
    expect(Object.keys(cut.paths)).toHaveLength(90);
    expect(Object.values(cut.paths).every((item: any) => item.get.tags[0] === "Beta Tag")).toBe(true);
  });

  it("passes the page its own group's anchors and where to fetch the index of the others", async () => {
    const page = await (await get("/apis/big/v1/tags/alpha/")).text();
    expect(page).toContain("tag-links.js");
    const config = configOf(page);
    expect(config.grouped.group).toBe("alpha");
    expect(config.grouped.groupsUrl).toBe("/apis/big/v1/tags/");
    expect(config.grouped.indexUrl).toBe("/specs/big/v1/tags/index.json");
    expect(config.grouped.own.operations).toContain("Alpha7");
    expect(config.grouped.own.operations).toContain("get /v1/alpha/7");
    expect(config.grouped.own.operations).not.toContain("gamma7");
    expect(config.grouped.own.tags).toEqual(["Alpha"]);
    const list = configOf(await (await get("/apis/big/v1/")).text());
    expect(list.grouped).toMatchObject({ group: null, indexUrl: "/specs/big/v1/tags/index.json" });
  });

  it("embeds no other group's operations in a tag page, and serves the index that resolves links across groups", async () => {
    const page = await (await get("/apis/wide/v1/tags/beta-tag/")).text();
    for (const tag of WIDE_TAGS.filter((name) => name !== "Beta Tag"))
      for (const id of [`${tag}0`, `${tag}99`]) expect(page, id).not.toMatch(new RegExp(`"${id}"|>${id}<`));
    expect(page).toContain('"BetaTag99"');
    // One group of 100 operations: the index of all 602 alone would be about 30 kB.
    expect(page.length).toBeLessThan(25_000);

    const url = configOf(page).grouped.indexUrl;
    const response = await get(url);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    const index = await response.json();
    expect(index.operations.Zeta42).toBe("zeta");
    expect(index.operations["get /v1/delta/3"]).toBe("delta");
    expect(index.tags["Beta Tag"]).toBe("beta-tag");
    expect(response.headers.get("etag")).toMatch(/^"/);
    expect((await get("/specs/nope/v1/tags/index.json")).status).toBe(404);
  });

  it("takes the threshold from portal.tagGroupThreshold", async () => {
    const { renderRedocPage } = await import("../../portal/pages/redoc-page.js");
    const { Links } = await import("../../portal/pages/links.js");
    const { defaultPortalSettings } = await import("../../generator/config/index.js");
    const loaded = portal.catalog.find("big", "v1")!.current!;
    const input = {
      current: { api: "big", version: "v1", summary: loaded.summary, problem: undefined, lint: undefined },
      versions: [],
      loaded,
      links: new Links("/"),
    };
    const page = (threshold: number) =>
      renderRedocPage({ ...input, frame: { brand: { ...defaultPortalSettings(), tagGroupThreshold: threshold } } });
    expect(page(1000)).toContain("redoc.standalone.js");
    expect(page(1000)).not.toContain('class="tag-groups"');
    expect(page(100)).toContain('class="tag-groups"');
  });

  it("answers 404 for a group that does not exist", async () => {
    expect((await get("/apis/big/v1/tags/nope/")).status).toBe(404);
    expect((await get("/specs/big/v1/tags/nope/openapi.json")).status).toBe(404);
  });

  it("is written as one page and one spec file per group by the static build", async () => {
    const out = await mkdtemp(join(tmpdir(), "specwright-large-site-"));
    onTestFinished(() => rm(out, { recursive: true, force: true }));
    await buildStaticSite({ specsDir: specs.dir, outDir: out });
    for (const slug of ["alpha", "beta-tag", "gamma", "untagged"]) {
      expect(existsSync(join(out, `apis/big/v1/tags/${slug}/index.html`)), slug).toBe(true);
      expect(existsSync(join(out, `specs/big/v1/tags/${slug}/openapi.json`)), slug).toBe(true);
      expect(existsSync(join(out, `specs/big/v1/tags/${slug}/reference.json`)), slug).toBe(true);
    }
    const page = readFileSync(join(out, "apis/big/v1/tags/alpha/index.html"), "utf8");
    expect(page).toContain('"specUrl":"../../../../../specs/big/v1/tags/alpha/reference.json"');
    // The index the page fetches, at its URL relative to the page, with the same content as the live portal's.
    const indexUrl = new URL(configOf(page).grouped.indexUrl, "http://site/apis/big/v1/tags/alpha/");
    expect(indexUrl.pathname).toBe("/specs/big/v1/tags/index.json");
    const index = JSON.parse(readFileSync(join(out, indexUrl.pathname), "utf8"));
    expect(index).toEqual(await (await get("/specs/big/v1/tags/index.json")).json());
    expect(index.operations.gamma7).toBe("gamma");
  });
});
