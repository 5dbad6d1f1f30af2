import { doc, hdr, I, N, obj, res, S, v, type Verdict } from "./build.js";
import type { Json } from "../fixtures.js";

const pet = (properties: Json = { name: S }, required: string[] = ["name"], more: Json = {}) => obj(properties, required, more);
const statuses = (responses: Json): Json => doc({ "/pets": { get: { operationId: "listPets", responses } } });
const content = (media: Json): Json => ({ description: "ok", content: media });
const json = (schema?: Json): Json => ({ "application/json": schema ? { schema } : {} });

export const responseVerdicts: Verdict[] = [
  v("property removed", res(pet({ name: S, age: I })), res(pet()), "breaking", "clients reading age get undefined", "response-property-removed"),
  v("property added", res(pet()), res(pet({ name: S, age: I })), "non-breaking", "clients ignore what they do not read", "response-property-added"),
  v("required property became optional", res(pet()), res(pet({ name: S }, [])), "breaking", "name may be missing", "response-property-became-optional"),
  v("optional property became required", res(pet({ name: S }, [])), res(pet()), "non-breaking", "it is now always there", "response-property-became-required"),
  v("property type changed", res(pet({ name: S, age: I }, ["age"])), res(pet({ name: S, age: S }, ["age"])), "breaking", "clients parse a number", "response-type-changed"),
  v("integer widened to number", res(pet({ n: I }, ["n"])), res(pet({ n: N }, ["n"])), "breaking", "an integer client type cannot hold 1.5", "response-type-widened"),
  v("number narrowed to integer", res(pet({ n: N }, ["n"])), res(pet({ n: I }, ["n"])), "non-breaking", "every integer is a number", "response-type-narrowed"),
  v("became nullable", res(pet()), res(pet({ name: { type: ["string", "null"] } })), "breaking", "clients get null where they expect a string", "response-became-nullable"),
  v("became nullable through anyOf", res(pet()), res(pet({ name: { anyOf: [S, { type: "null" }] } })), "breaking", "null is now sent", "response-became-nullable"),
  v("no longer nullable", res(pet({ name: { type: ["string", "null"] } })), res(pet()), "non-breaking", "a subset of what was promised", "response-became-non-nullable"),
  v("enum value added", res(pet({ s: { ...S, enum: ["a"] } }, ["s"])), res(pet({ s: { ...S, enum: ["a", "b"] } }, ["s"])), "non-breaking", "the value still decodes; clients switching on it may not know b (a warning)", "response-enum-value-added"),
  v("enum value removed", res(pet({ s: { ...S, enum: ["a", "b"] } }, ["s"])), res(pet({ s: { ...S, enum: ["a"] } }, ["s"])), "non-breaking", "a subset of what was promised", "response-enum-value-removed"),
  v("const changed", res(pet({ kind: { const: "pet" } }, ["kind"])), res(pet({ kind: { const: "animal" } }, ["kind"])), "breaking", "the one value clients could rely on is never sent again", "response-const-changed"),
  v("only enum value changed", res(pet({ kind: { ...S, enum: ["pet"] } }, ["kind"])), res(pet({ kind: { ...S, enum: ["animal"] } }, ["kind"])), "breaking", "as a const", "response-const-changed"),
  v("maxLength removed", res(pet({ name: { ...S, maxLength: 10 } })), res(pet()), "non-breaking", "still a string; longer ones may come (a warning)", "response-constraint-loosened"),
  v("minimum lowered", res(pet({ n: { ...I, minimum: 1 } }, ["n"])), res(pet({ n: { ...I, minimum: 0 } }, ["n"])), "non-breaking", "still an integer (a warning)", "response-constraint-loosened"),
  v("maximum lowered", res(pet({ n: { ...I, maximum: 10 } }, ["n"])), res(pet({ n: { ...I, maximum: 5 } }, ["n"])), "non-breaking", "a subset", "response-constraint-tightened"),
  v("success status removed", statuses({ "200": content(json(pet())) }), statuses({ "201": content(json(pet())) }), "breaking", "clients handling 200 get 201", "response-success-status-removed"),
  v("error status removed", statuses({ "200": content(json(pet())), "404": { description: "none" } }), statuses({ "200": content(json(pet())) }), "non-breaking", "one error less"),
  v("error status added", statuses({ "200": content(json(pet())) }), statuses({ "200": content(json(pet())), "409": { description: "conflict" } }), "non-breaking", "clients treat unknown errors as errors", "response-status-added"),
  v("2XX range replaces 200", statuses({ "200": content(json(pet())) }), statuses({ "2XX": content(json(pet())) }), "non-breaking", "the range still covers 200"),
  v("response media type removed", statuses({ "200": content(json(pet())) }), statuses({ "200": content({ "text/csv": { schema: S } }) }), "breaking", "clients asking for JSON get nothing they can read", "response-media-type-removed"),
  v("response media type added", statuses({ "200": content(json(pet())) }), statuses({ "200": content({ ...json(pet()), "text/csv": { schema: S } }) }), "non-breaking", "content negotiation keeps JSON", "response-media-type-added"),
  v("response schema removed", statuses({ "200": content(json(pet())) }), statuses({ "200": content(json()) }), "breaking", "nothing is promised about the body now", "response-schema-removed"),
  v("response schema added", statuses({ "200": content(json()) }), statuses({ "200": content(json(pet())) }), "non-breaking", "a promise where there was none", "response-schema-added"),
  v("required header removed", hdr(S, { required: true }), doc({ "/pets/{id}": { get: { operationId: "getPet", parameters: [{ name: "id", in: "path", required: true, schema: S }], responses: { "200": { description: "ok", content: { "application/json": { schema: obj({}) } } } } } } }), "breaking", "clients reading the header get nothing", "response-required-header-removed"),
  v("header became optional", hdr(S, { required: true }), hdr(S), "breaking", "it may be missing", "response-header-became-optional"),
  v("header string to integer", hdr(S), hdr(I), "non-breaking", "the server sends a subset of the strings", "response-header-type-narrowed"),
  v("header integer to string", hdr(I), hdr(S), "breaking", "clients parsing a number get text", "response-header-type-widened"),
  v("header integer to number", hdr(I), hdr(N), "breaking", "clients parsing an integer get 1.5", "response-header-type-widened"),
  v("property removed inside array items", res({ type: "array", items: pet({ name: S, age: I }) }), res({ type: "array", items: pet() }), "breaking", "items lose age", "response-property-removed"),
  v("nested property became optional", res(pet({ name: S, owner: pet() }, ["name", "owner"])), res(pet({ name: S, owner: pet({ name: S }, []) }, ["name", "owner"])), "breaking", "owner.name may be missing", "response-property-became-optional"),
  v("additionalProperties opened", res(pet({ name: S }, ["name"], { additionalProperties: false })), res(pet()), "non-breaking", "extra fields may appear (a warning)", "response-additional-properties-opened"),
  v("format removed", res(pet({ id: { ...S, format: "uuid" } })), res(pet({ id: S })), "non-breaking", "still a string (a warning)", "response-format-removed"),
  v("format date to date-time", res(pet({ at: { ...S, format: "date" } }, ["at"])), res(pet({ at: { ...S, format: "date-time" } }, ["at"])), "breaking", "clients parsing a date get a timestamp", "response-format-changed"),
  v("format added", res(pet({ id: S })), res(pet({ id: { ...S, format: "uuid" } })), "non-breaking", "a subset of strings", "response-format-added"),
  v("writeOnly property removed", res(pet({ name: S, password: { ...S, writeOnly: true } })), res(pet()), "non-breaking", "writeOnly properties are never sent"),
  v("component renamed", doc({ "/pets": { get: { operationId: "listPets", responses: { "200": content(json({ $ref: "#/components/schemas/Pet" })) } } } }, { components: { schemas: { Pet: pet() } } }), doc({ "/pets": { get: { operationId: "listPets", responses: { "200": content(json({ $ref: "#/components/schemas/Animal" })) } } } }, { components: { schemas: { Animal: pet() } } }), "non-breaking", "same schema under another name"),
  v("deprecated property", res(pet({ name: S, age: I })), res(pet({ name: S, age: { ...I, deprecated: true } })), "non-breaking", "still sent", "response-property-deprecated"),
  v("pattern changed in a response", res(pet({ code: { ...S, pattern: "^[A-Z]{3}$" } })), res(pet({ code: { ...S, pattern: "^[A-Z]{2,3}$" } })), "non-breaking", "still a string; shorter codes may come (a warning)"),
  v("response example changed", res(pet({ name: { ...S, example: "rex" } })), res(pet({ name: { ...S, example: "tom" } })), "non-breaking", "documentation only"),
];
