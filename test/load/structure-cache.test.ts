// The OpenAPI schema check's verdict is kept per document content (structure-cache.ts): a lint of an unchanged
// document reports the same structural problems, at the same places, from the stored verdict or a damaged one.
import { randomUUID } from "node:crypto";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { loadSpec } from "../../generator/load/index.js";
import { writeSpecFiles } from "./temp-spec.js";

const VERDICTS = resolve(import.meta.dirname, "../../node_modules/.cache/specwright/structure");

describe("stored OpenAPI schema verdicts", () => {
  it("give the same problems as a fresh check, and a damaged one is checked again", async () => {
    const dir = writeSpecFiles({
      "openapi.yaml": [
        `# ${randomUUID()}`,
        "openapi: 3.0.3",
        "info: { title: T, version: 1.0.0 }",
        "paths:",
        "  /v1/a:",
        "    get:",
        "      responses: { 200: { description: ok } }",
        "      parameters: [{ name: q, in: nowhere, schema: { type: string } }]",
      ].join("\n"),
    });
    const problems = async () => (await loadSpec(join(dir, "openapi.yaml"))).structuralProblems;
    const fresh = await problems();
    expect(fresh.map((problem) => problem.at.pointer)).toEqual(["/paths/~1v1~1a/get/parameters/0/in"]);
    const stored = readdirSync(VERDICTS)
      .map((name) => join(VERDICTS, name))
      .filter((file) => readFileSync(file, "utf8").includes("/paths/~1v1~1a/get/parameters/0/in"));
    expect(stored.length).toBeGreaterThan(0);
    expect(await problems()).toEqual(fresh);
    for (const file of stored) writeFileSync(file, '[{"message": 1}]');
    expect(await problems()).toEqual(fresh);
  });
});
