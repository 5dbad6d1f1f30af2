// The details validators are imported after the router is built (start-up does not wait for them), yet the very
// first invalid request still gets every error: requests wait while they load.
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import express from "express";
import { describe, expect, it } from "vitest";
import { benchSpec } from "../../bench/server-spec.js";
import { generateApi, TMP_DIR } from "./e2e-harness.js";
import { listen } from "./listen.js";

describe("details validators loaded after start-up", () => {
  it("server.ts does not import them; the first invalid request right after createRouter lists every error", async () => {
    const spec = join(TMP_DIR, "details-loading.json");
    await writeFile(spec, JSON.stringify(benchSpec));
    const outDir = await generateApi(spec, "details-loading", { client: false });
    const serverTs = await readFile(join(outDir, "server.ts"), "utf8");
    expect(serverTs).not.toMatch(/^import .*details\.js/m);
    expect(serverTs).toContain('await import("./validators/bodies-details.js")');

    const { createRouter } = await import(pathToFileURL(join(outDir, "server.ts")).href);
    const server = await listen(
      express().use(
        createRouter(
          { createItem: () => ({ status: 201 }), listItems: () => ({ status: 200 }) },
          { pageTokenSecret: "x".repeat(32) },
        ),
      ),
    );
    try {
      const response = await fetch(`${server.url}/v1/items`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ name: 42, category: "toys", price: -1, tags: [] }),
      });
      // The bench spec's error schema has no errors[] member: the field errors are told in `detail`.
      const problem = (await response.json()) as { detail: string };
      expect(response.status).toBe(400);
      expect(problem.detail.match(/\b(name|category|price):/g)).toEqual(["name:", "category:", "price:"]);
    } finally {
      await server.close();
    }
  });
});
