import { hdr, I, obj, qp, req, res, S, v, type Verdict } from "./build.js";

// Rewritings that keep every value valid, and a few changes the tool can only approximate.
export const equivalenceVerdicts: Verdict[] = [
  v("response anyOf branches reordered", res({ anyOf: [obj({ a: S }, ["a"]), obj({ b: I }, ["b"])] }), res({ anyOf: [obj({ b: I }, ["b"]), obj({ a: S }, ["a"])] }), "non-breaking", "the same alternatives"),
  v("request oneOf branches reordered", req({ oneOf: [S, I] }), req({ oneOf: [I, S] }), "non-breaking", "the same alternatives"),
  v("response enum reordered", res(obj({ s: { ...S, enum: ["a", "b"] } }, ["s"])), res(obj({ s: { ...S, enum: ["b", "a"] } }, ["s"])), "non-breaking", "the same values"),
  v("request required list reordered", req(obj({ a: S, b: S }, ["a", "b"])), req(obj({ a: S, b: S }, ["b", "a"])), "non-breaking", "the same requirement"),
  v("request oneOf of types written as a type list", req(obj({ v: { oneOf: [S, I] } })), req(obj({ v: { type: ["string", "integer"] } })), "non-breaking", "the same values"),
  v("response type list written as oneOf", res(obj({ v: { type: ["string", "integer"] } }, ["v"])), res(obj({ v: { oneOf: [S, I] } }, ["v"])), "non-breaking", "the same values"),
  v("request nullable written as anyOf with null", req(obj({ v: { type: ["string", "null"] } })), req(obj({ v: { anyOf: [S, { type: "null" }] } })), "non-breaking", "the same values"),
  v("request 3.0 exclusiveMinimum flag to the 3.1 number", { ...req(obj({ n: { ...I, minimum: 0, exclusiveMinimum: true } })), openapi: "3.0.3" }, req(obj({ n: { ...I, exclusiveMinimum: 0 } })), "non-breaking", "the same bound"),
  v("request property renamed", req(obj({ name: S }, ["name"])), req(obj({ title: S }, ["title"])), "breaking", "old bodies lack title", "request-required-property-added"),
  v("response readOnly required property added", res(obj({ a: S })), res(obj({ a: S, id: { ...S, readOnly: true } }, ["id"])), "non-breaking", "an addition clients may ignore"),
  v("response header gains a date-time format", hdr(S), hdr({ ...S, format: "date-time" }), "non-breaking", "a subset of the strings"),
  v("request pattern allows the empty string", qp({ ...S, pattern: "^[a-z]+$" }), qp({ ...S, pattern: "^[a-z]*$" }), "non-breaking", "every old value still matches (undecided by the tool: a warning)"),
  v("query enum of digit strings becomes the same integers", qp({ ...S, enum: ["1", "2"] }), qp({ ...I, enum: [1, 2] }), "non-breaking", "?q=1 and ?q=2 are the same requests on the wire"),
  // A known limit, judged by hand all the same: the tool does not compare quantifiers.
  v("request pattern length changed from 3 to 4 digits", qp({ ...S, pattern: "^[0-9]{3}$" }), qp({ ...S, pattern: "^[0-9]{4}$" }), "breaking", "no old value has 4 digits"),
];
