import { symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { bundleSpec, loadSpec, SpecLoadError } from "../../generator/load/index.js";
import { writeSpecFiles } from "./temp-spec.js";

const MINIMAL = "openapi: 3.1.0\ninfo: { title: T, version: 1.0.0 }\npaths: {}\n";

async function loadError(path: string, options = {}): Promise<SpecLoadError> {
  try {
    await loadSpec(path, options);
  } catch (error) {
    if (error instanceof SpecLoadError) return error;
    throw error;
  }
  throw new Error("expected a SpecLoadError");
}

describe("loadSpec", () => {
  it("locates a node behind a $ref in another file at its own file, line and column", async () => {
    const dir = writeSpecFiles({
      "openapi.yaml": [
        "openapi: 3.1.0",
        "info: { title: T, version: 1.0.0 }",
        "paths:",
        "  /v1/pets:",
        "    get:",
        "      responses:",
        "        '200':",
        "          description: ok",
        "          content:",
        "            application/json:",
        "              schema: { $ref: './schemas/pet.yaml#/Pet' }",
      ].join("\n"),
      "schemas/pet.yaml": ["# pets", "Pet:", "  type: object", "  properties:", "    name:", "      type: string"].join(
        "\n",
      ),
    });
    const document = await loadSpec(join(dir, "openapi.yaml"));
    const schema = document.child(
      document.root,
      "paths",
      "/v1/pets",
      "get",
      "responses",
      "200",
      "content",
      "application/json",
      "schema",
    )!;
    const target = document.resolve(schema);
    const name = document.child(target, "properties", "name")!;
    expect(document.locate(name.at)).toMatchObject({
      file: join(dir, "schemas/pet.yaml"),
      line: 5,
      column: 5,
      pointer: "/Pet/properties/name",
    });
  });

  it("bundles a multi-file document with external schemas hoisted under their own names", async () => {
    const dir = writeSpecFiles({
      "openapi.yaml":
        "openapi: 3.1.0\ninfo: { title: T, version: 1.0.0 }\npaths:\n  /v1/pets:\n    get:\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema: { $ref: 'pet.yaml#/Pet' }\n",
      "pet.yaml": "Pet:\n  type: object\n  properties:\n    owner: { $ref: '#/Owner' }\nOwner:\n  type: object\n",
    });
    const bundled = (await bundleSpec(await loadSpec(join(dir, "openapi.yaml")))) as {
      components: { schemas: Record<string, unknown> };
    };
    expect(Object.keys(bundled.components.schemas).sort()).toEqual(["Owner", "Pet"]);
    expect(JSON.stringify(bundled)).not.toContain("pet.yaml");
  });

  it("reports a YAML syntax error with its line and a fix", async () => {
    const dir = writeSpecFiles({ "openapi.yaml": "openapi: 3.1.0\ninfo:\n  title: T\n   version: 1\npaths: {}\n" });
    const error = await loadError(join(dir, "openapi.yaml"));
    expect(error.message).toMatch(/YAML syntax error/);
    expect(error.line).toBe(3); // the scalar "T" that swallows the over-indented line below it
    expect(error.fix).not.toBe("");
  });

  it("reports a JSON syntax error with line and column", async () => {
    const dir = writeSpecFiles({
      "openapi.json": '{\n  "openapi": "3.1.0",\n  "info": { "title": "T" "version": "1" }\n}\n',
    });
    const error = await loadError(join(dir, "openapi.json"));
    expect(error.message).toMatch(/JSON syntax error/);
    expect([error.line, error.column]).toEqual([3, 26]);
  });

  it("refuses a document that is not OpenAPI", async () => {
    const dir = writeSpecFiles({ "notes.yaml": "name: my package\nversion: 1.0.0\n" });
    expect((await loadError(join(dir, "notes.yaml"))).message).toMatch(/not an OpenAPI document/);
  });

  it("refuses a missing file with the path in the message", async () => {
    const error = await loadError("/nonexistent/specwright/openapi.yaml");
    expect(error.message).toContain("/nonexistent/specwright/openapi.yaml");
  });

  it("refuses remote $refs unless allowed, at the line of the $ref", async () => {
    const dir = writeSpecFiles({
      "openapi.yaml":
        "openapi: 3.1.0\ninfo: { title: T, version: 1.0.0 }\ncomponents:\n  schemas:\n    Pet: { $ref: 'https://example.invalid/pet.yaml' }\npaths: {}\n",
    });
    const error = await loadError(join(dir, "openapi.yaml"));
    expect(error.message).toMatch(/remote \$ref refused/);
    expect(error.fix).toContain("--allow-remote-refs");
    expect(error.line).toBe(5);
  });

  it("refuses $refs that climb out of the spec's folder", async () => {
    const dir = writeSpecFiles({
      "outside.yaml": "Secret: { type: string }\n",
      "api/openapi.yaml":
        "openapi: 3.1.0\ninfo: { title: T, version: 1.0.0 }\ncomponents:\n  schemas:\n    S: { $ref: '../outside.yaml#/Secret' }\npaths: {}\n",
    });
    expect((await loadError(join(dir, "api/openapi.yaml"))).message).toMatch(/leaves the spec's folder/);
  });

  it("refuses a symlink that points out of the spec's folder", async () => {
    const dir = writeSpecFiles({
      "outside.yaml": "Secret: { type: string }\n",
      "api/openapi.yaml":
        "openapi: 3.1.0\ninfo: { title: T, version: 1.0.0 }\ncomponents:\n  schemas:\n    S: { $ref: './link.yaml#/Secret' }\npaths: {}\n",
    });
    symlinkSync(join(dir, "outside.yaml"), join(dir, "api/link.yaml"));
    expect((await loadError(join(dir, "api/openapi.yaml"))).message).toMatch(/leaves the spec's folder/);
  });

  it("loads circular $refs across files without hanging", async () => {
    const dir = writeSpecFiles({
      "openapi.yaml":
        "openapi: 3.1.0\ninfo: { title: T, version: 1.0.0 }\ncomponents:\n  schemas:\n    Node: { $ref: 'node.yaml#/Node' }\npaths: {}\n",
      "node.yaml":
        "Node:\n  type: object\n  properties:\n    children:\n      type: array\n      items: { $ref: '#/Node' }\n    self: { $ref: 'openapi.yaml#/components/schemas/Node' }\n",
    });
    const document = await loadSpec(join(dir, "openapi.yaml"));
    expect(document.files.size).toBe(2);
    const node = document.resolve(document.child(document.root, "components", "schemas", "Node")!);
    expect(node.at.file).toBe(join(dir, "node.yaml"));
  });

  it("refuses YAML alias expansion bombs", async () => {
    const lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"];
    for (let i = 0; i < 8; i++)
      lines.push(
        `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10)
          .fill("*" + String.fromCharCode(97 + i))
          .join(", ")}]`,
      );
    const dir = writeSpecFiles({
      "openapi.yaml": MINIMAL + "x-bomb:\n" + lines.map((l) => "  " + l).join("\n") + "\n",
    });
    expect((await loadError(join(dir, "openapi.yaml"))).message).toMatch(/YAML/);
  });

  it("refuses a file over the size limit before reading it", async () => {
    const dir = writeSpecFiles({ "openapi.yaml": MINIMAL + "x-padding: '" + "p".repeat(4096) + "'\n" });
    const error = await loadError(join(dir, "openapi.yaml"), { maxFileBytes: 1024 });
    expect(error.message).toMatch(/over the 0 MiB limit|over the .* limit/);
    expect(error.fix).toContain("--max-file-size");
  });

  it("upgrades OpenAPI 2.0 and maps positions back to the 2.0 source", async () => {
    const dir = writeSpecFiles({
      "swagger.yaml":
        'swagger: "2.0"\ninfo: { title: T, version: 1.0.0 }\nbasePath: /v1\npaths: {}\ndefinitions:\n  Pet:\n    type: object\n    properties:\n      id: { type: string }\n',
    });
    const document = await loadSpec(join(dir, "swagger.yaml"));
    expect(document.specVersion).toBe("2.0");
    expect(document.root.value.openapi).toMatch(/^3\.0/);
    const id = document.child(document.root, "components", "schemas", "Pet", "properties", "id")!;
    expect(document.locate(id.at)).toMatchObject({ line: 9, column: 7 });
  });

  it("reports schema violations with their place instead of failing the load", async () => {
    const dir = writeSpecFiles({
      "openapi.yaml":
        "openapi: 3.0.3\ninfo: { title: T, version: 1.0.0 }\npaths:\n  /v1/pets:\n    get:\n      summary: no responses here\n",
    });
    const document = await loadSpec(join(dir, "openapi.yaml"));
    const problem = document.structuralProblems.find((p) => p.message.includes('"responses"'));
    expect(problem).toBeDefined();
    expect(document.locate(problem!.at).line).toBe(5);
  });

  it("refuses a spec whose JSON nests 10,000 levels deep with a clear error, not a stack overflow", async () => {
    const deep = "[".repeat(10_000) + "]".repeat(10_000);
    const dir = writeSpecFiles({
      "openapi.json": `{"openapi":"3.1.0","info":{"title":"T","version":"1"},"paths":{},"x-deep":${deep}}`,
    });
    writeFileSync(join(dir, "unused.txt"), "");
    const error = await loadError(join(dir, "openapi.json"));
    expect(error.message).toMatch(/^nests more than 256 levels deep \(at \/x-deep\/0\/0/);
    expect(error.line).toBe(1);
  });
});
