// The example check keeps its verdicts per document content: linting an unchanged spec again gives the same problems
// without compiling a single schema (ajv is not even loaded), and an edited spec is checked afresh.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadSpec } from "../../../../generator/load/index.js";
import { ExampleValidator } from "../../../../generator/conventions/rules/oas/example-validator.js";

const dir = mkdtempSync(join(tmpdir(), "specwright-example-verdicts-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function spec(nonce: string): string {
  return `openapi: 3.1.0
info: { title: Pets ${nonce}, version: 1.0.0 }
paths: {}
components:
  schemas:
    Pet: { type: object, required: [count], properties: { count: { type: integer } } }
`;
}

async function judge(file: string): Promise<{ verdicts: unknown[]; compiled: number }> {
  const document = await loadSpec(file);
  const validator = new ExampleValidator(document);
  const at = { file: document.rootFile, pointer: "/components/schemas/Pet" };
  const verdicts = [validator.validate(at, { count: 1 }), validator.validate(at, { count: "one" })];
  validator.save();
  return { verdicts, compiled: validator.compiledCount };
}

describe("stored example verdicts", () => {
  it("judge an unchanged document again without compiling, and the same way", async () => {
    const file = join(dir, "openapi.yaml");
    writeFileSync(file, spec(`${process.pid}-${Date.now()}`));
    const first = await judge(file);
    expect(first.compiled).toBe(1);
    expect(first.verdicts).toEqual([undefined, { instancePath: "/count", message: "must be integer" }]);
    const again = await judge(file);
    expect(again).toEqual({ verdicts: first.verdicts, compiled: 0 });
  });

  it("check an edited document afresh", async () => {
    const file = join(dir, "edited.yaml");
    writeFileSync(file, spec(`a-${process.pid}-${Date.now()}`));
    await judge(file);
    writeFileSync(file, spec(`b-${process.pid}-${Date.now()}`));
    expect((await judge(file)).compiled).toBe(1);
  });
});
