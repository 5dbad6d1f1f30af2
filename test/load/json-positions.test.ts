import { describe, expect, it } from "vitest";
import { locateJsonPointers } from "../../generator/load/json-positions.js";

const TEXT = `{
  "paths": {
    "/pets/{id}": { "get": { "tags": ["a", "b\\"]"] } },
    "skip": { "deep": [[[{"x": "}"}]]] }
  },
  "a~b": [10, {"k\\u0041": true}]
}`;

const offsetOf = (needle: string, from = 0) => TEXT.indexOf(needle, from);

describe("locateJsonPointers", () => {
  it("finds object members at their key and array items at their value", () => {
    const found = locateJsonPointers(TEXT, [
      "/paths/~1pets~1{id}/get/tags/1",
      "/a~0b/1/kA",
      "/paths/~1pets~1{id}",
      "/a~0b/0",
    ]);
    expect(found.get("/paths/~1pets~1{id}/get/tags/1")).toBe(offsetOf('"b\\"]"'));
    expect(found.get("/a~0b/1/kA")).toBe(offsetOf('"k\\u0041"'));
    expect(found.get("/paths/~1pets~1{id}")).toBe(offsetOf('"/pets/{id}"'));
    expect(found.get("/a~0b/0")).toBe(offsetOf("10"));
  });

  it("falls back to the deepest existing ancestor for a missing pointer", () => {
    expect(locateJsonPointers(TEXT, ["/paths/missing/x"]).get("/paths/missing/x")).toBe(offsetOf('"paths"'));
  });

  it("skips deep unrelated containers, including brackets inside strings", () => {
    expect(locateJsonPointers(TEXT, ["/a~0b"]).get("/a~0b")).toBe(offsetOf('"a~b"'));
  });

  it("skips 100,000 levels of unrelated nesting without recursion", () => {
    const deep = `{"x": ${"[".repeat(100_000)}${"]".repeat(100_000)}, "y": 1}`;
    expect(locateJsonPointers(deep, ["/y"]).get("/y")).toBe(deep.indexOf('"y"'));
  });
});

describe("JsonPositionIndex", () => {
  it("answers later lookups from what earlier ones passed, with the same offsets as a fresh scan", async () => {
    const { JsonPositionIndex } = await import("../../generator/load/json-positions.js");
    const index = new JsonPositionIndex(TEXT);
    const pointers = ["/paths/skip/deep/0/0/0/x", "/paths/~1pets~1{id}/get", "/a~0b/1/kA", "/a~0b/0", "/paths/nope"];
    for (const pointer of pointers)
      expect(index.locate([pointer]).get(pointer)).toBe(locateJsonPointers(TEXT, [pointer]).get(pointer));
    expect(index.locate(["/paths/skip/deep/0/0/0/x"]).get("/paths/skip/deep/0/0/0/x")).toBe(offsetOf('"x"'));
  });
});

describe("SourceFile.releasePositionIndexes", () => {
  it("lets go of the indexes and finds the same places when asked again", async () => {
    const { SourceFile } = await import("../../generator/load/source-file.js");
    const file = await SourceFile.parse("/specs/spec.json", TEXT);
    const pointers = ["/paths/~1pets~1{id}/get/tags/1", "/a~0b/1/kA", "/paths/missing/x"];
    const before = file.locateMany(pointers);
    expect(before.get("/a~0b/1/kA")).toEqual({ line: 6, column: 16 });
    file.releasePositionIndexes();
    expect(file.locateMany(pointers)).toEqual(before);
  });
});
