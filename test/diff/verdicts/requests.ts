import { doc, I, N, obj, req, S, v, type Verdict } from "./build.js";
import type { Json } from "../fixtures.js";

const pet = (properties: Json = { name: S }, required: string[] = [], more: Json = {}) => obj(properties, required, more);
const body = (content: Json, required = true): Json => doc({ "/pets": { post: { operationId: "createPet", requestBody: { required, content }, responses: { "201": { description: "created" } } } } });
const noBody = doc({ "/pets": { post: { operationId: "createPet", responses: { "201": { description: "created" } } } } });
const json = (schema?: Json): Json => ({ "application/json": schema ? { schema } : {} });

export const requestVerdicts: Verdict[] = [
  v("required property added", req(pet()), req(pet({ name: S, store: S }, ["store"])), "breaking", "old bodies lack store", "request-required-property-added"),
  v("optional property added", req(pet()), req(pet({ name: S, store: S })), "non-breaking", "old bodies stay valid", "request-property-added"),
  v("property became required", req(pet()), req(pet({ name: S }, ["name"])), "breaking", "bodies without name are rejected", "request-property-became-required"),
  v("property became optional", req(pet({ name: S }, ["name"])), req(pet()), "non-breaking", "bodies with name stay valid", "request-property-became-optional"),
  v("property removed", req(pet({ name: S, age: I })), req(pet()), "non-breaking", "an open object still accepts age (a warning: it is ignored)", "request-property-removed"),
  v("property type string to integer", req(pet({ age: S })), req(pet({ age: I })), "breaking", "\"3\" is no longer a valid JSON value here", "request-type-changed"),
  v("property integer to number", req(pet({ age: I })), req(pet({ age: N })), "non-breaking", "every integer is a number", "request-type-widened"),
  v("property number to integer", req(pet({ age: N })), req(pet({ age: I })), "breaking", "2.5 is rejected", "request-type-narrowed"),
  v("additionalProperties closed", req(pet()), req(pet({ name: S }, [], { additionalProperties: false })), "breaking", "bodies with extra fields are rejected", "request-additional-properties-closed"),
  v("additionalProperties opened", req(pet({ name: S }, [], { additionalProperties: false })), req(pet()), "non-breaking", "accepts more", "request-additional-properties-opened"),
  v("body became required", body(json(pet()), false), body(json(pet()), true), "breaking", "requests without a body are rejected", "request-body-became-required"),
  v("body became optional", body(json(pet()), true), body(json(pet()), false), "non-breaking", "bodies are still accepted"),
  v("required body added", noBody, body(json(pet()), true), "breaking", "old requests have no body", "request-body-required-added"),
  v("optional body added", noBody, body(json(pet()), false), "non-breaking", "old requests stay valid", "request-body-optional-added"),
  v("body removed", body(json(pet()), false), noBody, "non-breaking", "the server ignores it (a warning)", "request-body-removed"),
  v("media type removed", body(json(pet())), body({ "application/xml": { schema: pet() } }), "breaking", "JSON bodies get 415", "request-media-type-removed"),
  v("media type added", body(json(pet())), body({ ...json(pet()), "application/xml": { schema: pet() } }), "non-breaking", "JSON is still accepted", "request-media-type-added"),
  v("schema added to a media type without one", body(json()), body(json(pet({ name: S }, ["name"])), true), "breaking", "anything was accepted, now only objects with name", "request-schema-added"),
  v("schema removed from a media type", body(json(pet())), body(json()), "non-breaking", "anything is accepted now", "request-schema-removed"),
  v("enum value removed in a property", req(pet({ size: { ...S, enum: ["s", "m"] } })), req(pet({ size: { ...S, enum: ["s"] } })), "breaking", "size m is rejected", "request-enum-value-removed"),
  v("enum value added in a property", req(pet({ size: { ...S, enum: ["s"] } })), req(pet({ size: { ...S, enum: ["s", "m"] } })), "non-breaking", "s is still valid", "request-enum-value-added"),
  v("nullable removed", req(pet({ name: { type: ["string", "null"] } })), req(pet({ name: S })), "breaking", "name: null is rejected", "request-became-non-nullable"),
  v("nullable added", req(pet({ name: S })), req(pet({ name: { type: ["string", "null"] } })), "non-breaking", "accepts more", "request-became-nullable"),
  v("readOnly required property added", req(pet()), req(pet({ name: S, id: { ...S, readOnly: true } }, ["id"])), "non-breaking", "readOnly properties are not sent by clients"),
  v("required property added inside array items", req({ type: "array", items: pet() }), req({ type: "array", items: pet({ name: S, tag: S }, ["tag"]) }), "breaking", "old items lack tag", "request-required-property-added"),
  v("maxItems lowered", req({ type: "array", items: S, maxItems: 10 }), req({ type: "array", items: S, maxItems: 2 }), "breaking", "3 items are rejected", "request-constraint-tightened"),
  v("minItems removed", req({ type: "array", items: S, minItems: 1 }), req({ type: "array", items: S }), "non-breaking", "accepts more", "request-constraint-loosened"),
  v("uniqueItems added", req({ type: "array", items: S }), req({ type: "array", items: S, uniqueItems: true }), "breaking", "duplicates are rejected", "request-constraint-tightened"),
  v("multipleOf 2 to 4", req(pet({ n: { ...I, multipleOf: 2 } })), req(pet({ n: { ...I, multipleOf: 4 } })), "breaking", "6 is rejected", "request-constraint-tightened"),
  v("multipleOf 4 to 2", req(pet({ n: { ...I, multipleOf: 4 } })), req(pet({ n: { ...I, multipleOf: 2 } })), "non-breaking", "every multiple of 4 is a multiple of 2", "request-constraint-loosened"),
  v("const changed in a request", req(pet({ kind: { const: "pet" } })), req(pet({ kind: { const: "animal" } })), "breaking", "kind: pet is rejected", "request-const-changed"),
  v("maxLength raised", req(pet({ name: { ...S, maxLength: 10 } })), req(pet({ name: { ...S, maxLength: 20 } })), "non-breaking", "accepts more", "request-constraint-loosened"),
  v("format date-time to date", req(pet({ at: { ...S, format: "date-time" } })), req(pet({ at: { ...S, format: "date" } })), "breaking", "old date-time values are not dates", "request-format-changed"),
  v("nested object property type changed", req(pet({ owner: pet({ id: I }) })), req(pet({ owner: pet({ id: S }) })), "breaking", "owner.id 7 is no longer a string", "request-type-changed"),
  v("inline schema moved to components", req(pet()), doc({ "/pets": { post: { operationId: "createPet", requestBody: { required: true, content: { "application/json": { schema: { $ref: "#/components/schemas/Pet" } } } }, responses: { "201": { description: "created" } } } } }, { components: { schemas: { Pet: pet() } } }), "non-breaking", "same schema, written elsewhere"),
  v("split into allOf", req(pet({ name: S, age: I }, ["name"])), req({ allOf: [pet({ name: S }, ["name"]), pet({ age: I })] }), "non-breaking", "allOf of the parts accepts the same bodies"),
  v("3.0 nullable to 3.1 type list", { ...req(pet({ name: { ...S, nullable: true } })), openapi: "3.0.3" }, req(pet({ name: { type: ["string", "null"] } })), "non-breaking", "the same meaning in both versions"),
  v("default changed on a property", req(pet({ n: { ...I, default: 1 } })), req(pet({ n: { ...I, default: 2 } })), "non-breaking", "valid bodies stay valid (a warning)", "request-default-changed"),
];
