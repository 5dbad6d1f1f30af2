import { statSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SpecLoadError } from "../../generator/load/index.js";
import { ALL_RULES, presetConfig } from "../../generator/conventions/index.js";
import { SpecCatalog, portalLintConfig } from "../../portal/catalog/catalog.js";
import { IndexPool } from "../../portal/catalog/index-pool.js";
import { generatedSpecs, tinySpec, writeSpec, type GeneratedSpecs } from "./generated-specs.js";

let specs: GeneratedSpecs;
beforeEach(async () => {
  specs = await generatedSpecs(20);
  await writeSpec(specs.specsDir, "big", tinySpec("repos", { title: "Big", tag: "issues", operations: 260 }));
  await writeSpec(specs.specsDir, "broken", "openapi: 3.1.0\ninfo: [unclosed\n");
});
afterEach(async () => {
  await specs.cleanup();
});

const lintConfig = portalLintConfig(presetConfig("recommended", ALL_RULES));

describe("indexing in worker threads", () => {
  it("runs in this checkout", () => {
    expect(IndexPool.available()).toBe(true);
  });

  it("answers a spec's record from a worker, and its load error as a SpecLoadError with place and fix", async () => {
    const pool = new IndexPool(1);
    try {
      const file = `${specs.specsDir}/svc-03/v1/openapi.json`;
      const { record, files } = await pool.index({
        file,
        placeVersion: "v1",
        lintConfig,
        tagGroupThreshold: undefined,
      });
      expect(files).toEqual([file]);
      expect(record).toMatchObject({ version: "v1", operationCount: 1, summary: { title: "Service svc-03" } });
      const broken = pool.index({
        file: `${specs.specsDir}/broken/v1/openapi.json`,
        placeVersion: "v1",
        lintConfig,
        tagGroupThreshold: undefined,
      });
      await expect(broken).rejects.toBeInstanceOf(SpecLoadError);
      await expect(broken).rejects.toMatchObject({ line: 1, fix: expect.stringContaining("JSON") });
    } finally {
      pool.close();
    }
  });

  it("replaces a worker that has read a large spec (its heap stays grown), and keeps one that has not", async () => {
    const request = (name: string) => ({
      file: `${specs.specsDir}/${name}/v1/openapi.json`,
      placeVersion: "v1",
      lintConfig,
      tagGroupThreshold: undefined,
    });
    const names = ["svc-01", "svc-02", "svc-03"];
    const keeping = new IndexPool(1);
    const recycling = new IndexPool(1, 1);
    try {
      for (const name of names) await keeping.index(request(name));
      for (const name of names) await recycling.index(request(name));
      expect(keeping.started).toBe(1);
      expect(recycling.started).toBe(3);
    } finally {
      keeping.close();
      recycling.close();
    }
  });

  it("indexes a large spec alone, in a fresh worker: it waits for the spec in progress, and the next waits for it", async () => {
    const file = (name: string) => `${specs.specsDir}/${name}/v1/openapi.json`;
    const small = statSync(file("svc-01")).size;
    const large = statSync(file("big")).size;
    expect(large).toBeGreaterThan(small * 4);
    const pool = new IndexPool(2, Number.POSITIVE_INFINITY, (small + large) / 2);
    const answered: string[] = [];
    try {
      await Promise.all(
        ["svc-01", "big", "svc-02"].map((name) =>
          pool
            .index({ file: file(name), placeVersion: "v1", lintConfig, tagGroupThreshold: undefined })
            .then(() => answered.push(name)),
        ),
      );
      // With two workers and nothing alone, svc-02 would start beside "big" and, being tiny, be answered first.
      expect(answered).toEqual(["svc-01", "big", "svc-02"]);
      // "big" got a fresh worker, the one that read svc-01 stopped; svc-02 went to big's (no recycling here).
      expect(pool.started).toBe(2);
    } finally {
      pool.close();
    }
  });

  it("gives a bulk index the same records and problems as indexing on the main thread", async () => {
    const inWorkers = new SpecCatalog(specs.specsDir, { indexInWorkers: true });
    const onMainThread = new SpecCatalog(specs.specsDir, { indexInWorkers: false });
    await Promise.all([inWorkers.refresh(), onMainThread.refresh()]);
    const view = (catalog: SpecCatalog) =>
      catalog.entries().map(({ api, version, record, problem }) => ({ api, version, record, problem }));
    expect(view(inWorkers)).toHaveLength(22);
    expect(view(inWorkers)).toEqual(view(onMainThread));
    expect(inWorkers.find("big", "v1")?.record?.operations[0]?.group).toBe("issues");
    expect(inWorkers.find("broken", "v1")?.problem).toMatchObject({
      file: "broken/v1/openapi.json",
      line: 1,
      fix: expect.stringContaining("JSON"),
    });
    // Loaded on demand afterwards, on the main thread, as before.
    expect(await inWorkers.load(inWorkers.find("svc-04", "v1")!)).toBeDefined();
  });
});
