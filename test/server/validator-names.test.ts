// Shared validators are named after what they check, never after the operation that met the schema first.
import { describe, expect, it } from "vitest";
import { compileValidators } from "../../generator/emit/server/validators.js";
import { buildModel } from "../../generator/model/build-model.js";

const quiet = () => {};

/** Two operations with the same path parameter and the same body; `firstId` sorts first and so meets them first. */
const spec = (firstId: string) => ({
  openapi: "3.1.0",
  info: { title: "Names", version: "1.0.0" },
  paths: {
    "/pets/{pet_id}": {
      parameters: [{ name: "pet_id", in: "path", required: true, schema: { type: "string" } }],
      put: {
        operationId: firstId,
        tags: ["pets"],
        requestBody: { content: { "application/json": { schema: { $ref: "#/components/schemas/Pet" } } } },
        responses: { "204": { description: "ok" } },
      },
      patch: {
        operationId: "zzzPatchPet",
        tags: ["pets"],
        requestBody: { content: { "application/json": { schema: { $ref: "#/components/schemas/Pet" } } } },
        responses: { "204": { description: "ok" } },
      },
      get: {
        operationId: "zzzGetPet",
        tags: ["pets"],
        parameters: [
          { name: "page_size", in: "query", schema: { type: "integer" } },
          { name: "page_token", in: "query", schema: { type: "string" } },
        ],
        responses: { "204": { description: "ok" } },
      },
    },
    "/owners/{pet_id}": {
      // Same parameter name, another schema: another validator, under a numbered name.
      get: {
        operationId: "zzzOwner",
        tags: ["pets"],
        parameters: [{ name: "pet_id", in: "path", required: true, schema: { type: "integer" } }],
        responses: { "204": { description: "ok" } },
      },
      post: {
        operationId: "zzzNote",
        tags: ["pets"],
        parameters: [{ name: "pet_id", in: "path", required: true, schema: { type: "integer" } }],
        requestBody: {
          content: {
            "application/json": {
              schema: { type: "object", properties: { text: { type: "string" }, "due-at": { type: "string" } } },
            },
          },
        },
        responses: { "204": { description: "ok" } },
      },
    },
    "/math": {
      post: {
        operationId: "zzzMath",
        tags: ["pets"],
        requestBody: { content: { "application/json": { schema: { $ref: "#/components/schemas/Math" } } } },
        responses: { "204": { description: "ok" } },
      },
    },
  },
  components: {
    schemas: { Pet: { type: "object", properties: { name: { type: "string" } } }, Math: { type: "integer" } },
  },
});

const namesOf = (firstId: string) => {
  const compiled = compileValidators(buildModel(spec(firstId), { source: "names.yaml" }), quiet);
  return { exports: compiled.exports, byOperation: Object.fromEntries(compiled.byOperation) };
};

describe("validator names", () => {
  it("say what is checked: the component, or the parameters and their location", () => {
    const { byOperation, exports } = namesOf("aaaPutPet");
    expect(byOperation.aaaPutPet).toEqual({ path: "PetIdPath", bodies: { "application/json": "PetBody" } });
    expect(byOperation.zzzPatchPet).toEqual({ path: "PetIdPath", bodies: { "application/json": "PetBody" } });
    expect(byOperation.zzzGetPet).toEqual({ path: "PetIdPath", query: "PageSizePageTokenQuery" });
    expect(byOperation.zzzNote?.bodies).toEqual({ "application/json": "TextDueAtBody" });
    expect(exports.params).toContain("PetIdPath");
  });

  it("do not change when the operation that used them first is renamed", () => {
    expect(namesOf("aaaPutPet").exports).toEqual(namesOf("abcReplacePet").exports);
  });

  it("are collision-free: same names over a different schema are numbered", () => {
    const { byOperation } = namesOf("aaaPutPet");
    const owner = byOperation.zzzOwner?.path;
    expect(owner).toMatch(/^PetIdPath\d$/);
    expect(byOperation.zzzNote?.path).toBe(owner); // the same schema shares it
  });

  it("never shadow a global of the validators' module (a component named Math)", () => {
    const { byOperation } = namesOf("aaaPutPet");
    expect(byOperation.zzzMath?.bodies?.["application/json"]).not.toBe("Math");
    expect(byOperation.zzzMath?.bodies?.["application/json"]).toMatch(/Body$/);
  });
});
