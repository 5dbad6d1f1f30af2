import { existsSync } from "node:fs";
import { readFile, utimes, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SpecCatalog } from "../../portal/catalog/catalog.js";
import { SpecCache } from "../../portal/catalog/spec-cache.js";
import { eventually } from "./portal-fixture.js";
import { generatedSpecs, tinySpec, writeSpec, type GeneratedSpecs } from "./generated-specs.js";

let specs: GeneratedSpecs;
beforeEach(async () => {
  specs = await generatedSpecs(60);
});
afterEach(async () => {
  await specs.cleanup();
});

const catalogOf = () => new SpecCatalog(specs.specsDir, { cacheDir: specs.cacheDir });

describe("the persistent index", () => {
  it("is built on a cold start and written under the cache folder", async () => {
    const catalog = catalogOf();
    await catalog.refresh();
    expect(catalog.entries()).toHaveLength(60);
    expect(catalog.progress).toMatchObject({ running: false, indexed: 60, queued: 60 });
    // A bulk index records what it read and lets the specs go: memory is for the ones readers ask for.
    expect(catalog.memory().specs).toBe(0);
    expect(catalog.indexFile?.startsWith(join(specs.cacheDir, "portal-index"))).toBe(true);
    expect(existsSync(catalog.indexFile!)).toBe(true);
    const entry = catalog.find("svc-07", "v1")!;
    expect(entry.record).toMatchObject({
      version: "v1",
      operationCount: 1,
      summary: { title: "Service svc-07", tags: ["general"] },
    });
    expect(entry.record?.operations).toEqual([
      { method: "GET", path: "/svc-07/items", summary: "List the svc-07 items", operationId: "list-svc-07-items" },
    ]);
    expect(entry.record?.lint).toEqual({ errors: expect.any(Number), warnings: expect.any(Number) });
  });

  it("links a spec's operations to tag groups above portal.tagGroupThreshold, and re-indexes when it changes", async () => {
    await writeSpec(specs.specsDir, "mid", tinySpec("mid", { tag: "things", operations: 8 }));
    const groupsWith = async (tagGroupThreshold?: number) => {
      const catalog = new SpecCatalog(specs.specsDir, { cacheDir: specs.cacheDir, tagGroupThreshold });
      await catalog.refresh();
      return new Set(catalog.find("mid", "v1")?.record?.operations.map((op) => op.group));
    };
    // 8 operations: one reference page under the default 250, one page per tag group above a threshold of 5.
    expect(await groupsWith()).toEqual(new Set([undefined]));
    expect(await groupsWith(5)).toEqual(new Set(["things"]));
    expect(await groupsWith(20)).toEqual(new Set([undefined]));
  });

  it("serves a warm start from disk before scanning, and reads no unchanged spec", async () => {
    await catalogOf().refresh();
    const warm = catalogOf();
    await warm.open();
    expect(warm.entries()).toHaveLength(60);
    expect(warm.find("svc-42", "v1")?.record?.summary.title).toBe("Service svc-42");
    expect(warm.memory().specs).toBe(0);
    await warm.refresh();
    expect(warm.progress.queued).toBe(0);
    expect(warm.memory().specs).toBe(0);
  });

  it("re-indexes only the file whose content changed; a touched but unchanged file is not read again", async () => {
    await catalogOf().refresh();
    const file = join(specs.specsDir, "svc-03/v1/openapi.json");
    await writeFile(file, tinySpec("svc-03", { title: "Renamed service" }));
    const touched = join(specs.specsDir, "svc-04/v1/openapi.json");
    const later = new Date(Date.now() + 60_000);
    await utimes(touched, later, later);
    const warm = catalogOf();
    await warm.refresh();
    expect(warm.progress.queued).toBe(1);
    expect(warm.find("svc-03", "v1")?.record?.summary.title).toBe("Renamed service");
    // The hash matched, so the new mtime is kept: the next start does not hash the file again.
    const stored = JSON.parse(await readFile(warm.indexFile!, "utf8")).specs[touched];
    expect(Math.round(stored.files[0].mtimeMs)).toBe(later.getTime());
  });

  it("adds new specs, forgets deleted ones and records a broken one with its error", async () => {
    await catalogOf().refresh();
    const { rm } = await import("node:fs/promises");
    await rm(join(specs.specsDir, "svc-10"), { recursive: true });
    await writeSpec(specs.specsDir, "fresh", tinySpec("fresh"));
    await writeFile(join(specs.specsDir, "svc-11/v1/openapi.json"), '{"openapi": "3.1.0", "info": ');
    const warm = catalogOf();
    await warm.refresh();
    expect(warm.progress.queued).toBe(2);
    expect(warm.find("svc-10", "v1")).toBeUndefined();
    expect(warm.find("fresh", "v1")?.record?.summary.title).toBe("Service fresh");
    expect(warm.find("svc-11", "v1")?.problem?.message).toBeTruthy();
    // Stored too: the next start shows the error without reading the file.
    const again = catalogOf();
    await again.open();
    expect(again.find("svc-11", "v1")?.problem?.message).toBe(warm.find("svc-11", "v1")?.problem?.message);
  });

  it("watches the folder and re-indexes only the spec an edit touches", async () => {
    const catalog = catalogOf();
    await catalog.refresh();
    catalog.watch();
    try {
      // One write can reach the watcher as several events: each refresh that changed something re-read one spec.
      const readPerChange: number[] = [];
      catalog.on("change", () => readPerChange.push(catalog.progress.queued));
      await writeFile(join(specs.specsDir, "svc-30/v1/openapi.json"), tinySpec("svc-30", { title: "Watched edit" }));
      await eventually(
        async () => expect(catalog.find("svc-30", "v1")?.record?.summary.title).toBe("Watched edit"),
        "the edit indexed",
      );
      await eventually(async () => expect(readPerChange.length).toBeGreaterThan(0), "the change event");
      expect(readPerChange.every((read) => read === 1)).toBe(true);
    } finally {
      catalog.close();
    }
  });

  it("forgets a spec whose file is deleted while watched", async () => {
    const catalog = catalogOf();
    await catalog.refresh();
    catalog.watch();
    try {
      const { rm } = await import("node:fs/promises");
      await rm(join(specs.specsDir, "svc-31/v1/openapi.json"));
      await eventually(async () => expect(catalog.find("svc-31", "v1")).toBeUndefined(), "the deleted spec forgotten");
      expect(catalog.entries()).toHaveLength(59);
    } finally {
      catalog.close();
    }
  });

  it("rebuilds from the specs when the index file is corrupt", async () => {
    const cold = catalogOf();
    await cold.refresh();
    await writeFile(cold.indexFile!, "{ not json");
    const warm = catalogOf();
    await warm.refresh();
    expect(warm.progress.queued).toBe(60);
    expect(warm.entries()).toHaveLength(60);
  });

  it("without a cache folder keeps the index in memory and writes nothing", async () => {
    const catalog = new SpecCatalog(specs.specsDir);
    await catalog.refresh();
    expect(catalog.indexFile).toBeUndefined();
    expect(existsSync(specs.cacheDir)).toBe(false);
    await catalog.refresh();
    expect(catalog.progress.queued).toBe(0);
  });
});

describe("specs on demand", () => {
  it("keeps loaded specs within the memory budget and reloads an evicted one", async () => {
    // Each tiny spec is ~400 bytes of source, estimated at twelve times that: a 6 KB budget holds one.
    const catalog = new SpecCatalog(specs.specsDir, { memoryBudgetMb: 6 / 1024 });
    await catalog.refresh();
    const budget = catalog.memory().budgetBytes;
    expect(catalog.memory().bytes).toBeLessThanOrEqual(budget);
    const first = catalog.find("svc-00", "v1")!;
    const loaded = await catalog.load(first);
    expect(loaded?.summary.title).toBe("Service svc-00");
    for (const api of ["svc-01", "svc-02", "svc-03", "svc-04"]) await catalog.load(catalog.find(api, "v1")!);
    expect(catalog.memory().bytes).toBeLessThanOrEqual(budget);
    expect(catalog.memory().specs).toBeLessThan(5);
    expect(first.current).toBeUndefined();
    const reloaded = await catalog.load(first);
    expect(reloaded).not.toBe(loaded);
    expect(reloaded?.bundled).toEqual(loaded?.bundled);
  });

  it("shares one load between concurrent asks", async () => {
    const catalog = new SpecCatalog(specs.specsDir, { memoryBudgetMb: 3 / 1024 });
    await catalog.refresh();
    const entry = catalog.find("svc-20", "v1")!;
    const [one, two] = await Promise.all([catalog.load(entry), catalog.load(entry)]);
    expect(one).toBeDefined();
    expect(one).toBe(two);
  });
});

describe("SpecCache", () => {
  it("evicts the least recently used first and never the item just added", () => {
    const evicted: string[] = [];
    const cache = new SpecCache<string, number>(100, (key) => evicted.push(key));
    cache.set("a", 1, 40);
    cache.set("b", 2, 40);
    cache.get("a");
    cache.set("c", 3, 40);
    expect(evicted).toEqual(["b"]);
    expect(cache.bytes).toBe(80);
    cache.set("huge", 4, 500);
    expect(evicted).toEqual(["b", "a", "c"]);
    expect(cache.keys()).toEqual(["huge"]);
  });

  it("makes room before a load, oldest first", () => {
    const evicted: string[] = [];
    const cache = new SpecCache<string, number>(100, (key) => evicted.push(key));
    cache.set("a", 1, 30);
    cache.set("b", 2, 30);
    cache.set("c", 3, 30);
    cache.makeRoom(50);
    expect(evicted).toEqual(["a", "b"]);
    expect(cache.bytes).toBe(30);
  });
});
