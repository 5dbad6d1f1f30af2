// Which branch each discriminator value selects, and when there is no selection to make (the plain oneOf stays).
import { describe, expect, it } from "vitest";
import { discriminatorBranches } from "../../generator/model/discriminator-branches.js";
import { RefResolver } from "../../generator/model/refs.js";

const refs = new RefResolver({
  components: { schemas: { Cat: { type: "object" }, Dog: { type: "object", properties: { kind: { const: "dog" } } } } },
});
const cat = { $ref: "#/components/schemas/Cat" };
const dog = { $ref: "#/components/schemas/Dog" };

describe("discriminatorBranches", () => {
  it("selects by mapping first, then by schema name or the value a branch fixes", () => {
    const selection = discriminatorBranches(
      { oneOf: [cat, dog], discriminator: { propertyName: "kind", mapping: { kitty: "Cat" } } },
      refs,
    );
    expect(selection).toEqual({
      propertyName: "kind",
      keyword: "oneOf",
      branches: [
        { value: "kitty", ref: cat.$ref },
        { value: "dog", ref: dog.$ref },
      ],
    });
  });

  it("makes no selection for a branch no value can name, a mapping to a missing or external schema, or no composition", () => {
    expect(
      discriminatorBranches({ oneOf: [cat, { type: "object" }], discriminator: { propertyName: "kind" } }, refs),
    ).toBeUndefined();
    expect(
      discriminatorBranches({ oneOf: [cat], discriminator: { propertyName: "kind", mapping: { x: "Missing" } } }, refs),
    ).toBeUndefined();
    expect(
      discriminatorBranches(
        { oneOf: [cat], discriminator: { propertyName: "kind", mapping: { x: "https://example.com/x.json" } } },
        refs,
      ),
    ).toBeUndefined();
    expect(discriminatorBranches({ type: "object", discriminator: { propertyName: "kind" } }, refs)).toBeUndefined();
  });
});
