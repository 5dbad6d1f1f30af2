// A kept example validator is named by what its schema reaches: an edit elsewhere keeps the name, an edit of a
// schema it reaches through `$ref` changes it, and a schema whose resolution may reach further is not kept.
import { describe, expect, it } from "vitest";
import { schemaClosureKey } from "../../../../generator/conventions/rules/oas/schema-closure-key.js";

function doc(petName: object, description = "pets") {
  return {
    info: { description },
    components: {
      schemas: {
        Pets: { type: "array", items: { $ref: "#/components/schemas/Pet" } },
        Pet: { type: "object", properties: { name: petName } },
        Other: { type: "string" },
      },
    },
  };
}
const PETS = "/components/schemas/Pets";

describe("schemaClosureKey", () => {
  it("stays the same when only what the schema does not reach changes", () => {
    const before = schemaClosureKey(doc({ type: "string" }), PETS);
    expect(before).toBeDefined();
    const edited = doc({ type: "string" }, "edited");
    edited.components.schemas.Other = { type: "integer" };
    expect(schemaClosureKey(edited, PETS)).toBe(before);
  });

  it("changes when a schema reached through $ref changes", () => {
    expect(schemaClosureKey(doc({ type: "integer" }), PETS)).not.toBe(schemaClosureKey(doc({ type: "string" }), PETS));
  });

  it("differs by where the schema sits, even with the same content", () => {
    const value = doc({ type: "string" });
    expect(schemaClosureKey(value, "/components/schemas/Other")).not.toBe(
      schemaClosureKey({ ...value, x: { type: "string" } }, "/x"),
    );
  });

  it("is undefined for a reference to another file, an unresolved one, or a key that moves resolution", () => {
    expect(schemaClosureKey(doc({ $ref: "other.yaml#/Name" }), PETS)).toBeUndefined();
    expect(schemaClosureKey(doc({ $ref: "#/components/schemas/Missing" }), PETS)).toBeUndefined();
    expect(schemaClosureKey(doc({ $id: "https://example.com/name", type: "string" }), PETS)).toBeUndefined();
    expect(schemaClosureKey(doc({ type: "string" }), "/components/schemas/Missing")).toBeUndefined();
  });
});
