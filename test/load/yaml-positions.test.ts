// The position tree (yaml-positions.ts) must locate every place exactly as a walk over the parsed YAML document
// does: the start of an object member's key, of an array item, else of the deepest node on the way.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { isMap, isPair, isScalar, isSeq, parseDocument, type Node } from "yaml";
import { positionTree } from "../../generator/load/yaml-parse.js";
import { offsetIn } from "../../generator/load/yaml-positions.js";

/** The reference: the document's own nodes, walked by key and index. */
function walkedOffset(contents: unknown, tokens: string[]): number {
  const start = (node: unknown) => (node as Node | undefined)?.range?.[0];
  let node = contents;
  let best = start(node);
  for (const token of tokens) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === token);
      if (!pair) break;
      best = start(pair.key) ?? best;
      node = pair.value;
    } else if (isSeq(node)) {
      const item = node.items[Number(token)];
      if (item === undefined) break;
      best = start(item) ?? best;
      node = item;
    } else break;
  }
  return best ?? 0;
}

/** Every path to a node of the value, and each with a token that names nothing. */
function pathsOf(value: unknown, path: string[] = []): string[][] {
  const children = value !== null && typeof value === "object" ? Object.keys(value) : [];
  return [
    path,
    [...path, "no-such-key"],
    ...children.flatMap((key) => pathsOf((value as Record<string, unknown>)[key], [...path, key])),
  ];
}

describe("YAML position tree", () => {
  it("locates every place of the petstore example as the parsed document does, also through JSON", () => {
    const text = readFileSync(resolve(import.meta.dirname, "../../specs/petstore/v1/openapi.yaml"), "utf8");
    const document = parseDocument(text);
    const tree = JSON.parse(JSON.stringify(positionTree(document)));
    const paths = pathsOf(document.toJS());
    expect(paths.length).toBeGreaterThan(1000);
    for (const tokens of paths) expect(offsetIn(tree, tokens)).toBe(walkedOffset(document.contents, tokens));
  });

  it("agrees on the odd cases: numeric and special keys, a repeated key, aliases, empty items, index tokens", () => {
    const text = [
      "200: { description: ok }",
      "__proto__: { polluted: true }",
      "constructor: 1",
      "constructor: { again: 2 }",
      "list: [a, , { b: 1 }]",
      "anchor: &x { y: 1 }",
      "alias: *x",
      "? [complex, key]",
      ": 2",
      "empty:",
    ].join("\n");
    const document = parseDocument(text, { uniqueKeys: false });
    const tree = JSON.parse(JSON.stringify(positionTree(document)));
    const cases = [
      ["200", "description"],
      ["__proto__", "polluted"],
      ["constructor"],
      ["constructor", "again"],
      ["toString"],
      ["list", "1"],
      ["list", "2", "b"],
      ["list", "01"],
      ["list", ""],
      ["list", "-1"],
      ["list", "x"],
      ["alias", "y"],
      ["anchor", "y"],
      ["complex,key"],
      ["empty", "deeper"],
    ];
    for (const tokens of cases) expect(offsetIn(tree, tokens)).toBe(walkedOffset(document.contents, tokens));
  });
});
