// A discriminator selects the oneOf/anyOf branch a request body is validated against (OpenAPI 3.0.3 §4.7.24, 3.1
// §4.8.25; issue 13), over HTTP: a body that fits several branches through their shared base is accepted by its
// discriminator value (plain oneOf refuses it: it matches more than one), by `mapping` or by the implicit schema
// name, and a missing or unknown value is a 400 naming the property and the allowed values.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rawCall, serveSpecText } from "./e2e-harness.js";
import type { ServedSpec } from "./e2e-harness.js";

const SPEC = `
openapi: 3.0.3
info: { title: Pets, version: 1.0.0 }
paths:
  /pets:
    post:
      operationId: createPet
      requestBody:
        required: true
        content:
          application/json:
            schema:
              oneOf: [{ $ref: "#/components/schemas/Cat" }, { $ref: "#/components/schemas/Dog" }]
              discriminator: { propertyName: pet_type }
      responses: { "200": { description: echo, content: { application/json: { schema: { type: object } } } } }
  /mapped-pets:
    post:
      operationId: createMappedPet
      requestBody:
        required: true
        content:
          application/json:
            schema:
              anyOf: [{ $ref: "#/components/schemas/Cat" }, { $ref: "#/components/schemas/Dog" }, { $ref: "#/components/schemas/Lizard" }]
              discriminator: { propertyName: pet_type, mapping: { cat: "#/components/schemas/Cat", dog: Dog } }
      responses: { "200": { description: echo, content: { application/json: { schema: { type: object } } } } }
  /owners:
    post:
      operationId: createOwner
      requestBody:
        required: true
        content:
          application/json:
            schema: { type: object, required: [pet], properties: { pet: { $ref: "#/components/schemas/AnyPet" } } }
      responses: { "200": { description: echo, content: { application/json: { schema: { type: object } } } } }
components:
  schemas:
    Pet:
      type: object
      required: [pet_type, name]
      properties: { pet_type: { type: string }, name: { type: string } }
    Cat:
      allOf: [{ $ref: "#/components/schemas/Pet" }, { type: object, properties: { lives: { type: integer, maximum: 9 } } }]
    Dog:
      allOf: [{ $ref: "#/components/schemas/Pet" }, { type: object, properties: { bark: { type: string, enum: [loud, soft] } } }]
    Lizard:
      allOf: [{ $ref: "#/components/schemas/Pet" }, { type: object, properties: { scales: { type: integer } } }]
    Bird:
      allOf: [{ $ref: "#/components/schemas/Pet" }, { type: object, properties: { pet_type: { type: string, enum: [bird] } } }]
    AnyPet:
      oneOf: [{ $ref: "#/components/schemas/Cat" }, { $ref: "#/components/schemas/Dog" }, { $ref: "#/components/schemas/Bird" }]
      discriminator: { propertyName: pet_type }
`;

describe("discriminators in request validation", () => {
  let served: ServedSpec | undefined;
  beforeAll(async () => {
    served = await serveSpecText("discriminator", SPEC, (_op, { body }) => ({ status: 200, body: { body } }));
  }, 120_000);
  afterAll(async () => served?.close());
  const post = (path: string, body: unknown) =>
    rawCall(`${served?.url ?? ""}${path}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });

  it("accepts a body that fits both branches through the shared base, by its implicit discriminator value", async () => {
    // Both Cat and Dog accept {pet_type, name}: a plain oneOf would refuse it for matching two branches.
    expect((await post("/pets", { pet_type: "Cat", name: "Tom" })).body).toEqual({
      body: { pet_type: "Cat", name: "Tom" },
    });
    expect((await post("/pets", { pet_type: "Dog", name: "Rex", bark: "loud" })).status).toBe(200);
  });

  it("validates the body against the selected branch only", async () => {
    const cat = await post("/pets", { pet_type: "Cat", name: "Tom", lives: 10 });
    expect([cat.status, cat.body.errors]).toEqual([
      400,
      [expect.objectContaining({ field: "lives", code: "too_large" })],
    ]);
    // bark: "meow" would fail Dog; selected as a Cat, Dog's rules do not apply.
    expect((await post("/pets", { pet_type: "Cat", name: "Tom", bark: "meow" })).status).toBe(200);
    expect((await post("/pets", { pet_type: "Dog", name: "Rex", bark: "meow" })).status).toBe(400);
  });

  it("refuses a missing or unknown discriminator value with a 400 naming the property and the allowed values", async () => {
    for (const body of [{ name: "Tom" }, { pet_type: "Cow", name: "Daisy" }, { pet_type: 3, name: "Tom" }]) {
      const answer = await post("/pets", body);
      expect([answer.status, answer.body.errors]).toEqual([
        400,
        [
          {
            field: "pet_type",
            code: "invalid_discriminator",
            message: 'selects the variant; it must be one of the allowed values: "Cat", "Dog"',
          },
        ],
      ]);
    }
  });

  it("selects by mapping (a reference or a schema name), with implicit names for the branches it leaves out (anyOf)", async () => {
    expect((await post("/mapped-pets", { pet_type: "cat", name: "Tom", lives: 3 })).status).toBe(200);
    expect((await post("/mapped-pets", { pet_type: "dog", name: "Rex", bark: "soft" })).status).toBe(200);
    expect((await post("/mapped-pets", { pet_type: "Lizard", name: "Liz", scales: 4 })).status).toBe(200);
    expect((await post("/mapped-pets", { pet_type: "dog", name: "Rex", bark: "meow" })).status).toBe(400);
    const unknown = await post("/mapped-pets", { pet_type: "Cat", name: "Tom" });
    expect([unknown.status, unknown.body.errors?.[0]?.message]).toEqual([
      400,
      'selects the variant; it must be one of the allowed values: "cat", "dog", "Lizard"',
    ]);
  });

  it("applies a discriminator of a component schema nested in the body, naming the nested field", async () => {
    expect((await post("/owners", { pet: { pet_type: "Cat", name: "Tom" } })).status).toBe(200);
    const unknown = await post("/owners", { pet: { pet_type: "Cow", name: "Daisy" } });
    expect([unknown.status, unknown.body.errors?.[0]?.field]).toEqual([400, "pet.pet_type"]);
  });

  it("selects a branch that fixes the property (enum) by those values rather than by its name, which it refuses", async () => {
    expect((await post("/owners", { pet: { pet_type: "bird", name: "Tweety" } })).status).toBe(200);
    const byName = await post("/owners", { pet: { pet_type: "Bird", name: "Tweety" } });
    expect([byName.status, byName.body.errors?.[0]?.message]).toEqual([
      400,
      'selects the variant; it must be one of the allowed values: "Cat", "Dog", "bird"',
    ]);
  });
});
