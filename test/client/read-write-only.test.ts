// readOnly / writeOnly (issue 14, item 3): a request type leaves out readOnly properties, a response type leaves out
// writeOnly ones, nested, through $ref and allOf; `Pet` is the response view, `PetInput` the request view, exported
// only for schemas whose views differ. User code is type-checked; each @ts-expect-error line must be an error.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { generateFromSpecText, typecheckUsage } from "./generated-project.js";

const SPEC = `openapi: 3.1.0
info: { title: Pets, version: 1.0.0 }
servers: [{ url: "https://pets.test/v1" }]
paths:
  /pets:
    post:
      operationId: createPet
      requestBody: { required: true, content: { application/json: { schema: { $ref: "#/components/schemas/Pet" } } } }
      responses:
        "201": { description: made, content: { application/json: { schema: { $ref: "#/components/schemas/Pet" } } } }
  /pets/{pet_id}:
    get:
      operationId: getPet
      parameters: [{ name: pet_id, in: path, required: true, schema: { type: string } }]
      responses:
        "200": { description: ok, content: { application/json: { schema: { type: object, required: [pet], properties: { pet: { $ref: "#/components/schemas/Pet" } } } } } }
  /owners/{owner_id}:
    put:
      operationId: replaceOwner
      parameters: [{ name: owner_id, in: path, required: true, schema: { type: string } }]
      requestBody: { required: true, content: { application/json: { schema: { type: object, required: [name], properties: { id: { type: string, readOnly: true }, name: { type: string } } } } } }
      responses:
        "200": { description: ok, content: { application/json: { schema: { $ref: "#/components/schemas/Owner" } } } }
  /notes:
    post:
      operationId: createNote
      requestBody: { required: true, content: { application/json: { schema: { $ref: "#/components/schemas/Audited" } } } }
      responses:
        "201": { description: made, content: { application/json: { schema: { $ref: "#/components/schemas/Audited" } } } }
  /plain:
    get:
      operationId: getPlain
      responses:
        "200": { description: ok, content: { application/json: { schema: { $ref: "#/components/schemas/Plain" } } } }
components:
  schemas:
    Pet:
      type: object
      required: [id, name, password]
      properties:
        id: { type: string, readOnly: true }
        name: { type: string }
        password: { type: string, writeOnly: true }
        owner: { $ref: "#/components/schemas/Owner" }
        tags: { type: array, items: { type: object, required: [label], properties: { id: { type: integer, readOnly: true }, label: { type: string } } } }
        secret: { $ref: "#/components/schemas/Secret" }
    Owner:
      type: object
      required: [id, name]
      properties: { id: { type: string, readOnly: true }, name: { type: string } }
    Base:
      type: object
      required: [created_at]
      properties: { created_at: { type: string, readOnly: true } }
    Audited:
      allOf:
        - { $ref: "#/components/schemas/Base" }
        - { type: object, required: [note], properties: { note: { type: string } } }
    Draft:
      allOf: [{ $ref: "#/components/schemas/Owner" }]
      required: [id, name]
    Secret:
      type: object
      properties: { value: { type: string, writeOnly: true }, label: { type: string } }
    Plain:
      type: object
      properties: { label: { type: string } }
`;

const USAGE = `
import { createBaseClient, createNote, createPet, getPet, replaceOwner, type Audited, type AuditedInput, type Draft, type DraftInput, type Owner, type Pet, type PetInput, type Plain, type Secret, type SecretInput } from "./client/client.js";

const client = createBaseClient();

export async function usage(): Promise<void> {
  const input: PetInput = { name: "Rex", password: "s3cret", owner: { name: "Ann" }, tags: [{ label: "good" }], secret: { value: "v", label: "l" } };
  const pet: Pet = await createPet(client, { body: input });
  const id: string = pet.id;
  const name: string = pet.name;
  const ownerId: string | undefined = pet.owner?.id;
  const tagId: number | undefined = pet.tags?.[0]?.id;
  // @ts-expect-error a response leaves out the writeOnly password
  void pet.password;
  // @ts-expect-error nested through $ref: a response's Secret has no writeOnly value
  void pet.secret?.value;
  // @ts-expect-error a request leaves out the readOnly id
  const withId: PetInput = { id: "p1", name: "Rex", password: "s3cret" };
  // @ts-expect-error nested through $ref: the owner's readOnly id is not sent
  const withOwnerId: PetInput = { name: "Rex", password: "s3cret", owner: { id: "o1", name: "Ann" } };
  // @ts-expect-error nested inline in an array: a tag's readOnly id is not sent
  const withTagId: PetInput = { name: "Rex", password: "s3cret", tags: [{ id: 1, label: "good" }] };
  // @ts-expect-error the writeOnly password is required in a request
  const noPassword: PetInput = { name: "Rex" };
  const got = await getPet(client, { pet_id: "p1" });
  // @ts-expect-error an inline response body naming Pet has the response view
  void got.pet.password;
  const owner: Owner = await replaceOwner(client, { owner_id: "o1", body: { name: "Ann" } });
  // @ts-expect-error an inline request body leaves out its readOnly id
  await replaceOwner(client, { owner_id: "o1", body: { id: "o1", name: "Ann" } });
  // allOf: Base's readOnly created_at is required in the response and absent from the request.
  const note: AuditedInput = { note: "hi" };
  const made: Audited = await createNote(client, { body: note });
  const created: string = made.created_at;
  // @ts-expect-error allOf through $ref: created_at is not sent
  const noteWithDate: AuditedInput = { note: "hi", created_at: "2026-01-01" };
  // writeOnly only: the response view loses value, the input keeps it.
  const secret: Secret = { label: "l" };
  const secretInput: SecretInput = { label: "l", value: "v" };
  // @ts-expect-error Secret (response) has no value
  const secretWithValue: Secret = { label: "l", value: "v" };
  const plain: Plain = { label: "x" };
  // allOf with the names it requires: the request view requires name only (id is readOnly in Owner).
  const draft: DraftInput = { name: "Ann" };
  // @ts-expect-error the response view requires id
  const draftOut: Draft = { name: "Ann" };
  // @ts-expect-error name stays required in the request view
  const draftNoName: DraftInput = {};
  void [id, name, ownerId, tagId, withId, withOwnerId, withTagId, noPassword, owner, created, noteWithDate, secret, secretInput, secretWithValue, plain, draft, draftOut, draftNoName];
}
`;

let dir: string;
let out: string;

beforeAll(async () => {
  ({ dir, out } = await generateFromSpecText("read-write-only", SPEC));
}, 60_000);

describe("readOnly and writeOnly", () => {
  it("type-check in user code: requests without readOnly, responses without writeOnly, nested, via $ref and allOf", async () => {
    expect(await typecheckUsage(dir, USAGE)).toBe("");
  }, 120_000);

  it("names the request view <Name>Input only where the views differ", async () => {
    const schemas = await readFile(join(out, "schemas.ts"), "utf8");
    const names = [...schemas.matchAll(/^export type (\w+) =/gm)].map((match) => match[1]);
    expect(names).toEqual([
      "Audited",
      "AuditedInput",
      "Base",
      "BaseInput",
      "Draft",
      "DraftInput",
      "Owner",
      "OwnerInput",
      "Pet",
      "PetInput",
      "Plain",
      "Secret",
      "SecretInput",
    ]);
    expect(schemas).toContain(`export type Plain = components["schemas"]["Plain"];`);
    expect(schemas).toContain(`export type DraftInput = WithRequired$<OwnerInput, "name">;`);
  });
});
