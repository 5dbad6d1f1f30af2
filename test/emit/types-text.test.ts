// types.ts is printed a slice of paths at a time (generator/emit/types-text.ts): the text must be exactly what
// openapi-typescript prints in one go, footer (`operations`, `WithRequired`) and placeholders included.
import { describe, expect, it } from "vitest";
import { astToString, transformSchema, type OpenAPI3 } from "openapi-typescript";
import { typesContext, typesDocument } from "../../generator/emit/types.js";
import { transformSchemaText } from "../../generator/emit/types-text.js";

function inOneGo(document: Record<string, unknown>): string {
  const copy = typesDocument(document);
  return astToString(transformSchema(copy as unknown as OpenAPI3, typesContext(copy)));
}

function sliced(document: Record<string, unknown>): string {
  const copy = typesDocument(document);
  const context = typesContext(copy);
  return transformSchemaText(copy, () => ({ ...context, injectFooter: [] }));
}

const pet = {
  type: "object",
  required: ["id"],
  properties: { id: { type: "integer" }, name: { type: "string", description: "the pet's name\nsecond line" } },
};

/** 150 paths (three slices), one operation each; every tenth reads a schema whose `required` needs WithRequired. */
function manyPaths(): Record<string, unknown> {
  const paths: Record<string, unknown> = {};
  for (let i = 0; i < 150; i++) {
    const schema = i % 10 === 9 ? { allOf: [{ $ref: "#/components/schemas/Pet" }], required: ["name"] } : pet;
    paths[`/pets${i}/{id}`] = {
      parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
      get: {
        operationId: `getPet${i}`,
        summary: `pet ${i}`,
        responses: { "200": { description: "ok", content: { "application/json": { schema } } } },
      },
      ...(i % 7 === 0 ? { delete: { responses: { "204": { description: "gone" } } } } : {}),
    };
  }
  return paths;
}

describe("types.ts printed slice by slice", () => {
  it("matches openapi-typescript's text over several slices, with WithRequired and webhook operations", () => {
    const document = {
      openapi: "3.1.0",
      info: { title: "t", version: "1" },
      paths: manyPaths(),
      webhooks: {
        petAdopted: {
          post: { operationId: "petAdopted", responses: { "200": { description: "ok" } } },
        },
      },
      components: { schemas: { Pet: pet } },
    };
    const text = sliced(document);
    expect(text).toContain("export interface operations {");
    expect(text).toContain("WithRequired");
    expect(text).toBe(inOneGo(document));
  });

  it("matches it without paths, and with paths but no operations (the `operations` placeholder)", () => {
    const noPaths = { openapi: "3.1.0", info: { title: "t", version: "1" }, components: { schemas: { Pet: pet } } };
    const noOperations = { ...noPaths, paths: { "/pets": {} } };
    for (const document of [noPaths, noOperations]) {
      const text = sliced(document);
      expect(text).toContain("export type operations = Record<string, never>;");
      expect(text).toBe(inOneGo(document));
    }
  });
});
