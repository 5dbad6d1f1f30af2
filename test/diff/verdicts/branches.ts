import { doc, I, obj, req, res, S, v, type Verdict } from "./build.js";
import type { Json } from "../fixtures.js";

const tagged = (kind: string, extra: Json = {}, required: string[] = []) =>
  obj({ kind: { const: kind }, ...extra }, ["kind", ...required]);
const both = obj({ foo: S, bar: S }, ["foo", "bar"]);
const either = (keyword: string) => ({ [keyword]: [obj({ foo: S }, ["foo"]), obj({ bar: S }, ["bar"])] });
const withPets = (schema: Json, schemas: Json, direction: "req" | "res"): Json => {
  const paths =
    direction === "req"
      ? {
          "/pets": {
            post: {
              operationId: "createPet",
              requestBody: { required: true, content: { "application/json": { schema } } },
              responses: { "201": { description: "created" } },
            },
          },
        }
      : {
          "/pets": {
            get: {
              operationId: "listPets",
              responses: { "200": { description: "ok", content: { "application/json": { schema } } } },
            },
          },
        };
  return doc(paths, { components: { schemas } });
};
const dogCat = {
  oneOf: [{ $ref: "#/components/schemas/Dog" }, { $ref: "#/components/schemas/Cat" }],
  discriminator: { propertyName: "petType" },
};
const dog = obj({ petType: S, bark: S }, ["petType"]);
const cat = obj({ petType: S, meow: S }, ["petType"]);

export const branchVerdicts: Verdict[] = [
  v(
    "request object split into a oneOf both old bodies match",
    req(both),
    req(either("oneOf")),
    "breaking",
    "{foo, bar} matches both branches, oneOf rejects it",
    "request-oneof-ambiguous",
  ),
  v(
    "request object split into an anyOf",
    req(both),
    req(either("anyOf")),
    "non-breaking",
    "{foo, bar} matches a branch",
  ),
  v(
    "request oneOf of required variants around shared properties",
    req(both),
    req({ type: "object", properties: { foo: S, bar: S }, oneOf: [{ required: ["foo"] }, { required: ["bar"] }] }),
    "breaking",
    "old bodies have both, matching both variants",
    "request-oneof-ambiguous",
  ),
  v(
    "request tagged branch removed",
    req({ oneOf: [tagged("dog"), tagged("cat")] }),
    req({ oneOf: [tagged("dog")] }),
    "breaking",
    "cat bodies are rejected",
    "request-branch-removed",
  ),
  v(
    "request tagged branch added",
    req({ oneOf: [tagged("dog")] }),
    req({ oneOf: [tagged("dog"), tagged("cat")] }),
    "non-breaking",
    "dog bodies still match exactly one",
    "request-branch-added",
  ),
  v(
    "request branch gains a required property",
    req({ oneOf: [tagged("dog"), tagged("cat")] }),
    req({ oneOf: [tagged("dog"), tagged("cat", { lives: I }, ["lives"])] }),
    "breaking",
    "old cat bodies lack lives",
    "request-required-property-added",
  ),
  v(
    "request branch gains an optional property",
    req({ oneOf: [tagged("dog"), tagged("cat")] }),
    req({ oneOf: [tagged("dog"), tagged("cat", { lives: I })] }),
    "non-breaking",
    "old cat bodies still valid",
    "request-property-added",
  ),
  v(
    "request oneOf to anyOf over tagged branches",
    req({ oneOf: [tagged("dog"), tagged("cat")] }),
    req({ anyOf: [tagged("dog"), tagged("cat")] }),
    "non-breaking",
    "anyOf accepts everything the disjoint oneOf did",
  ),
  v(
    "request anyOf to oneOf over tagged branches",
    req({ anyOf: [tagged("dog"), tagged("cat")] }),
    req({ oneOf: [tagged("dog"), tagged("cat")] }),
    "non-breaking",
    "the tags keep the branches disjoint",
  ),
  v(
    "request anyOf to oneOf over overlapping strings",
    req({ anyOf: [S, { ...S, maxLength: 5 }] }),
    req({ oneOf: [S, { ...S, maxLength: 5 }] }),
    "breaking",
    '"abc" matches both',
    "request-oneof-ambiguous",
  ),
  v(
    "request oneOf flattened into one schema accepting both",
    req({ oneOf: [tagged("dog"), tagged("cat")] }),
    req(obj({ kind: { ...S, enum: ["dog", "cat"] } }, ["kind"])),
    "non-breaking",
    "both kinds are accepted",
  ),
  v(
    "request single schema to oneOf of it and another type",
    req(obj({ name: S })),
    req({ oneOf: [obj({ name: S }), S] }),
    "non-breaking",
    "old bodies match the object branch only",
  ),
  v(
    "request branch type removed",
    req({ oneOf: [S, I] }),
    req({ oneOf: [S] }),
    "breaking",
    "numbers are rejected",
    "request-branch-removed",
  ),
  v(
    "response tagged branch added",
    res({ oneOf: [tagged("dog"), tagged("cat")] }),
    res({ oneOf: [tagged("dog"), tagged("cat"), tagged("bird")] }),
    "non-breaking",
    "an object of a new kind may come (a warning)",
    "response-branch-added",
  ),
  v(
    "response branch of a new JSON type added",
    res({ oneOf: [tagged("dog")] }),
    res({ oneOf: [tagged("dog"), S] }),
    "breaking",
    "a string where clients decode an object",
    "response-type-widened",
  ),
  v(
    "response branch removed",
    res({ oneOf: [tagged("dog"), tagged("cat")] }),
    res({ oneOf: [tagged("dog")] }),
    "non-breaking",
    "a subset of what was promised",
    "response-branch-removed",
  ),
  v(
    "response branch property removed",
    res({ oneOf: [tagged("dog", { bark: S }), tagged("cat")] }),
    res({ oneOf: [tagged("dog"), tagged("cat")] }),
    "breaking",
    "dog readers lose bark",
    "response-property-removed",
  ),
  v(
    "response object becomes a oneOf with a string",
    res(obj({ name: S })),
    res({ oneOf: [obj({ name: S }), S] }),
    "breaking",
    "a string may come where an object was promised",
    "response-type-widened",
  ),
  v(
    "response discriminated branch property made optional",
    withPets(dogCat, { Dog: dog, Cat: obj({ petType: S, meow: S }, ["petType", "meow"]) }, "res"),
    withPets(dogCat, { Dog: dog, Cat: cat }, "res"),
    "breaking",
    "cat readers may miss meow",
    "response-property-became-optional",
  ),
  v(
    "request discriminated branch removed",
    withPets(dogCat, { Dog: dog, Cat: cat }, "req"),
    withPets(
      { oneOf: [{ $ref: "#/components/schemas/Dog" }], discriminator: { propertyName: "petType" } },
      { Dog: dog, Cat: cat },
      "req",
    ),
    "breaking",
    "petType Cat is rejected",
    "request-branch-removed",
  ),
  v(
    "request discriminated branch renamed",
    withPets(dogCat, { Dog: dog, Cat: cat }, "req"),
    withPets(
      {
        oneOf: [{ $ref: "#/components/schemas/Dog" }, { $ref: "#/components/schemas/Feline" }],
        discriminator: { propertyName: "petType" },
      },
      { Dog: dog, Feline: cat },
      "req",
    ),
    "breaking",
    "the implicit discriminator value is the schema name: Cat is no longer a value",
    "request-branch-removed",
  ),
  v(
    "request discriminated branch renamed with a mapping kept",
    withPets(
      {
        ...dogCat,
        discriminator: {
          propertyName: "petType",
          mapping: { dog: "#/components/schemas/Dog", cat: "#/components/schemas/Cat" },
        },
      },
      { Dog: dog, Cat: cat },
      "req",
    ),
    withPets(
      {
        oneOf: [{ $ref: "#/components/schemas/Dog" }, { $ref: "#/components/schemas/Feline" }],
        discriminator: {
          propertyName: "petType",
          mapping: { dog: "#/components/schemas/Dog", cat: "#/components/schemas/Feline" },
        },
      },
      { Dog: dog, Feline: cat },
      "req",
    ),
    "non-breaking",
    "petType cat still selects the same shape",
  ),
  v(
    "response nullable oneOf",
    res({ oneOf: [tagged("dog"), tagged("cat")] }),
    res({ oneOf: [tagged("dog"), tagged("cat"), { type: "null" }] }),
    "breaking",
    "null may come",
    "response-became-nullable",
  ),
];
