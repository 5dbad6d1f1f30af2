// schemaRootOf: what the IR's schemas reach through $ref, at its own place, and nothing else of the document.
import { describe, expect, it } from "vitest";
import { schemaRootOf } from "../../generator/model/schema-root.js";

describe("schemaRootOf", () => {
  const document = () => ({
    openapi: "3.1.0",
    paths: { "/a": { get: { parameters: [{ name: "q", in: "query", schema: { type: "string" } }] } } },
    components: {
      schemas: {
        Pet: {
          type: "object",
          properties: {
            owner: { $ref: "#/components/schemas/Owner" },
            tag: { $ref: "#/components/schemas/Pet/properties/name" },
            name: { type: "string" },
          },
        },
        Owner: { type: "object", properties: { pets: { type: "array", items: { $ref: "#/components/schemas/Pet" } } } },
        ["__proto__"]: { type: "integer" }, // computed: an own key, not the prototype
        "a/b c": { type: "boolean" },
        Unused: { type: "null" },
      },
    },
  });

  it("holds the targets transitively, each where its pointer says, and nothing unreferenced", () => {
    const doc = document();
    const root = schemaRootOf(doc, [{ $ref: "#/components/schemas/Pet" }]);
    expect(Object.keys(root)).toEqual(["components"]);
    const schemas = (root.components as { schemas: Record<string, unknown> }).schemas;
    expect(Object.keys(schemas).sort()).toEqual(["Owner", "Pet"]);
    expect(schemas.Pet).toBe(doc.components.schemas.Pet); // shared, not copied
    expect(schemas.Owner).toBe(doc.components.schemas.Owner);
  });

  it("decodes pointers as URI fragments, keeps __proto__ an own key, and follows refs into arrays", () => {
    const doc = document();
    const root = schemaRootOf(doc, [
      { $ref: "#/components/schemas/__proto__" },
      { $ref: "#/components/schemas/a~1b%20c" },
      { $ref: "#/paths/~1a/get/parameters/0/schema" },
      { $ref: "#/components/schemas/Missing" },
    ]);
    const schemas = (root.components as { schemas: Record<string, unknown> }).schemas;
    expect(Object.hasOwn(schemas, "__proto__")).toBe(true);
    expect(Object.getPrototypeOf(schemas)).toBe(Object.prototype);
    expect(schemas["a/b c"]).toEqual({ type: "boolean" });
    expect(
      (root.paths as Record<string, Record<string, { parameters: Record<string, { schema: unknown }> }>>)["/a"]?.get
        ?.parameters["0"]?.schema,
    ).toEqual({ type: "string" });
    expect(Object.hasOwn(schemas, "Missing")).toBe(false);
  });

  it("never writes into the document when one target lies inside another", () => {
    const doc = document();
    const before = JSON.stringify(doc);
    const root = schemaRootOf(doc, [
      { $ref: "#/components/schemas/Pet/properties/name" },
      { $ref: "#/components/schemas/Pet" },
    ]);
    expect(JSON.stringify(doc)).toBe(before);
    expect((root.components as { schemas: Record<string, unknown> }).schemas.Pet).toBe(doc.components.schemas.Pet);
  });
});
