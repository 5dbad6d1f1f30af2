import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadSpec } from "../../../generator/load/index.js";
import { objectProperties } from "../../../generator/conventions/helpers/list-operation.js";
import { writeSpecFiles } from "../../load/temp-spec.js";

/** `Level0: allOf: [Level1, Level1]`, ... down to a schema with the real properties: 2^depth paths, depth schemas. */
function doubledAllOfChain(depth: number): string {
  const lines = ["openapi: 3.1.0", "info: { title: T, version: 1.0.0 }", "paths: {}", "components:", "  schemas:"];
  for (let i = 0; i < depth; i++)
    lines.push(
      `    Level${i}:`,
      `      allOf: [{ $ref: '#/components/schemas/Level${i + 1}' }, { $ref: '#/components/schemas/Level${i + 1}' }]`,
    );
  lines.push(
    `    Level${depth}:`,
    "      type: object",
    "      properties:",
    "        next_page_token: { type: string }",
  );
  return lines.join("\n") + "\n";
}

describe("objectProperties", () => {
  it("finds properties through 40 levels of doubled allOf, reading each schema once", async () => {
    const dir = writeSpecFiles({ "openapi.yaml": doubledAllOfChain(40) });
    const document = await loadSpec(join(dir, "openapi.yaml"));
    const top = document.child(document.root, "components", "schemas", "Level0")!;
    const properties = objectProperties(document, top);
    expect([...properties.keys()]).toEqual(["next_page_token"]);
    expect(properties.get("next_page_token")!.at.pointer).toBe(
      "/components/schemas/Level40/properties/next_page_token",
    );
  });
});
