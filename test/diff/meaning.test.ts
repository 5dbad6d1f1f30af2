import { describe, expect, it } from "vitest";
import { api, diffSpecs, getReturning, ids, type Json } from "./fixtures.js";

const petProperties = { id: { type: "string" }, name: { type: "string" } };
const inlinePet = { type: "object", required: ["id"], properties: petProperties };

describe("changes are judged by meaning, not by how the document is written", () => {
  it("moving an inline schema into components under a new name is not a change", async () => {
    const before = api(getReturning(inlinePet));
    const after = api(getReturning({ $ref: "#/components/schemas/Animal" }), {
      components: { schemas: { Animal: inlinePet } },
    });
    expect(ids(await diffSpecs(before, after))).toEqual([]);
  });

  it("renaming a component is not a change", async () => {
    const before = api(getReturning({ $ref: "#/components/schemas/Pet" }), {
      components: { schemas: { Pet: inlinePet } },
    });
    const after = api(getReturning({ $ref: "#/components/schemas/Animal" }), {
      components: { schemas: { Animal: inlinePet } },
    });
    expect(ids(await diffSpecs(before, after))).toEqual([]);
  });

  it("splitting a schema into allOf parts is not a change", async () => {
    const before = api(getReturning(inlinePet));
    const after = api(
      getReturning({
        allOf: [{ $ref: "#/components/schemas/Base" }, { type: "object", properties: { name: { type: "string" } } }],
      }),
      {
        components: { schemas: { Base: { type: "object", required: ["id"], properties: { id: { type: "string" } } } } },
      },
    );
    expect(ids(await diffSpecs(before, after))).toEqual([]);
  });

  it("OpenAPI 3.0 nullable and 3.1 type lists mean the same", async () => {
    const before = {
      ...api(getReturning({ type: "object", properties: { name: { type: "string", nullable: true } } })),
      openapi: "3.0.3",
    };
    const after = api(getReturning({ type: "object", properties: { name: { type: ["string", "null"] } } }));
    expect(ids(await diffSpecs(before, after))).toEqual([]);
  });

  it("renaming a path parameter is not a change", async () => {
    const withParam = (name: string): Json => ({
      [`/pets/{${name}}`]: {
        get: {
          operationId: "getPet",
          parameters: [{ name, in: "path", required: true, schema: { type: "string" } }],
          responses: { "200": { description: "ok" } },
        },
      },
    });
    expect(ids(await diffSpecs(api(withParam("id")), api(withParam("pet_id"))))).toEqual([]);
  });

  it("compares recursive schemas to the end and reports a change deep inside once per operation", async () => {
    const tree = (leaf: Json): Json => ({
      components: {
        schemas: {
          Node: {
            type: "object",
            properties: { label: leaf, children: { type: "array", items: { $ref: "#/components/schemas/Node" } } },
          },
        },
      },
    });
    const before = api(getReturning({ $ref: "#/components/schemas/Node" }), tree({ type: "string" }));
    const after = api(getReturning({ $ref: "#/components/schemas/Node" }), tree({ type: "integer" }));
    const result = await diffSpecs(before, after);
    expect(ids(result)).toEqual(["response-type-changed:breaking"]);
    expect(result.changes[0]!.message).toContain("`label`");
  });

  it("reports a change in a shared schema once for each property that reaches it", async () => {
    const file = (required: string[]) => ({ type: "object", required, properties: { path: { type: "string" } } });
    const holder = {
      type: "object",
      properties: { files: { type: "array", items: { $ref: "#/components/schemas/File" } } },
    };
    const schema = { type: "object", properties: { input: holder, output: { ...holder, description: "results" } } };
    const result = await diffSpecs(
      api(getReturning(schema), { components: { schemas: { File: file(["path"]) } } }),
      api(getReturning(schema), { components: { schemas: { File: file([]) } } }),
    );
    expect(
      result.changes
        .filter((change) => change.id !== "info-version-changed")
        .map((change) => change.message.split("property ")[1]),
    ).toEqual(["`input.files[].path` became optional", "`output.files[].path` became optional"]);
  });

  it("terminates on mutually recursive schemas", async () => {
    const schemas = {
      A: { type: "object", properties: { b: { $ref: "#/components/schemas/B" } } },
      B: { type: "object", properties: { a: { $ref: "#/components/schemas/A" } } },
    };
    const before = api(getReturning({ $ref: "#/components/schemas/A" }), { components: { schemas } });
    const after = api(getReturning({ $ref: "#/components/schemas/B" }), { components: { schemas } });
    // A has `b`, B has `a`: the cycle A -> B -> A must end, with exactly that difference found.
    expect(ids(await diffSpecs(before, after))).toEqual([
      "response-property-added:non-breaking",
      "response-property-removed:breaking",
    ]);
  });

  it("matches /v1/pets with /v2/pets as the same operation", async () => {
    const versioned = (major: number): Json => ({
      openapi: "3.1.0",
      info: { title: "T", version: `${major}.0.0` },
      paths: { [`/v${major}/pets`]: { get: { operationId: "listPets", responses: { "200": { description: "ok" } } } } },
    });
    const result = await diffSpecs(versioned(1), versioned(2));
    expect(ids(result)).toEqual([]);
    expect(result.versioning.old.urlMajor).toBe(1);
    expect(result.versioning.new.urlMajor).toBe(2);
  });

  it("locates a change in both documents", async () => {
    const result = await diffSpecs(
      api(getReturning({ type: "object", properties: { name: { type: "string" } } })),
      api(getReturning({ type: "object", properties: {} })),
    );
    const change = result.changes.find((c) => c.id === "response-property-removed")!;
    expect(change.old?.pointer).toBe(
      "/paths/~1pets~1{id}/get/responses/200/content/application~1json/schema/properties/name",
    );
    expect(change.new?.pointer).toBe(
      "/paths/~1pets~1{id}/get/responses/200/content/application~1json/schema/properties",
    );
    // The fixture is written with 2-space indentation: `name` sits at depth 10 on its own line.
    expect(change.old?.column).toBe(21);
    expect(change.old?.line).toBeGreaterThan(1);
  });
});
