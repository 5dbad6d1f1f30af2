// The value of a YAML file is kept as JSON between runs (yaml-value-cache.ts): a file read from the cache must be the
// same value, locate the same places, and anything JSON cannot give back exactly must not be cached.
import { randomUUID } from "node:crypto";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { SourceFile } from "../../generator/load/source-file.js";

const VALUES = resolve(import.meta.dirname, "../../node_modules/.cache/specwright/yaml-values");

/** A YAML text no other test (or earlier run) has parsed, so its first parse is a cache miss. */
const fresh = (body: string) => `# ${randomUUID()}\n${body}`;

/** The cache file holding a text's value, found by the unique marker in the value. */
function storedFileWith(marker: string): string | undefined {
  return readdirSync(VALUES)
    .map((name) => join(VALUES, name))
    .find((file) => file.endsWith(".json") && readFileSync(file, "utf8").includes(marker));
}

describe("YAML values kept between runs", () => {
  it("give the same value and the same positions as a fresh parse", async () => {
    const marker = randomUUID();
    const text = fresh(
      `openapi: 3.1.0\ninfo:\n  title: "${marker}"\n  version: 1.0.0\npaths:\n  /v1/pets:\n    get: {}\n`,
    );
    const first = await SourceFile.parse("a.yaml", text);
    expect(storedFileWith(marker)).toBeDefined();
    const second = await SourceFile.parse("a.yaml", text);
    expect(second.value).toEqual(first.value);
    expect(second.locate("/paths/~1v1~1pets/get")).toEqual({ line: 8, column: 5 });
    expect(second.locate("/paths/~1v1~1pets/get")).toEqual(first.locate("/paths/~1v1~1pets/get"));
  });

  it("parse the YAML again when the stored value is damaged", async () => {
    const marker = randomUUID();
    const text = fresh(`name: "${marker}"\n`);
    await SourceFile.parse("a.yaml", text);
    writeFileSync(storedFileWith(marker)!, '{"name": "cut sho');
    expect((await SourceFile.parse("a.yaml", text)).value).toEqual({ name: marker });
  });

  it("parse the YAML again when the stored positions are damaged", async () => {
    const marker = randomUUID();
    const text = fresh(`info:\n  title: "${marker}"\n  version: 1.0.0\n`);
    const first = (await SourceFile.parse("a.yaml", text)).locate("/info/version");
    writeFileSync(storedFileWith(marker)!.replace(/\.json$/, "-positions.json"), "[1, {");
    expect((await SourceFile.parse("a.yaml", text)).locate("/info/version")).toEqual(first);
    expect(first).toEqual({ line: 4, column: 3 });
  });

  it("keep an alias one shared object, not a copy", async () => {
    const text = fresh("a: &shared { x: 1 }\nb: *shared\n");
    await SourceFile.parse("a.yaml", text);
    const value = (await SourceFile.parse("a.yaml", text)).value as { a: object; b: object };
    expect(value.b).toBe(value.a);
  });

  it("keep numbers JSON has no form for", async () => {
    const text = fresh("big: .inf\nsmall: -.inf\nnothing: .nan\nminusZero: -0.0\n");
    await SourceFile.parse("a.yaml", text);
    const value = (await SourceFile.parse("a.yaml", text)).value as Record<string, number>;
    expect(value.big).toBe(Number.POSITIVE_INFINITY);
    expect(value.small).toBe(Number.NEGATIVE_INFINITY);
    expect(value.nothing).toBeNaN();
    expect(Object.is(value.minusZero, -0)).toBe(true);
  });
});
