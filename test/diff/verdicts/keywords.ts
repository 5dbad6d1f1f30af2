import { I, obj, req, res, S, v, type Verdict } from "./build.js";
import type { Json } from "../fixtures.js";

const arr = (more: Json = {}): Json => ({ type: "array", items: S, ...more });
const ab = (more: Json = {}): Json => obj({ a: S, b: S }, [], more);
const wrap = (value: Json): Json => obj({ value }, ["value"]);

/** [keyword, looser schema, tighter schema, what the tighter one rejects] */
const pairs: Array<[string, Json, Json, string]> = [
  ["dependentRequired", ab(), ab({ dependentRequired: { a: ["b"] } }), "{a} without b"],
  ["dependentSchemas", ab(), ab({ dependentSchemas: { a: { required: ["b"] } } }), "{a} without b"],
  ["contains", arr(), arr({ contains: { const: "x" } }), "arrays without x"],
  [
    "minContains",
    arr({ contains: { const: "x" } }),
    arr({ contains: { const: "x" }, minContains: 2 }),
    "arrays with one x",
  ],
  [
    "maxContains",
    arr({ contains: { const: "x" } }),
    arr({ contains: { const: "x" }, maxContains: 1 }),
    "arrays with two x",
  ],
  [
    "propertyNames",
    { type: "object" },
    { type: "object", propertyNames: { pattern: "^[a-z]+$" } },
    "keys with capitals",
  ],
  ["patternProperties", { type: "object" }, { type: "object", patternProperties: { "^x-": I } }, 'x-foo: "text"'],
  ["prefixItems", { type: "array" }, { type: "array", prefixItems: [I] }, '["a"]'],
  ["unevaluatedProperties", obj({ a: S }), obj({ a: S }, [], { unevaluatedProperties: false }), "{a, z}"],
  [
    "unevaluatedItems",
    { type: "array", prefixItems: [S] },
    { type: "array", prefixItems: [S], unevaluatedItems: false },
    "two items",
  ],
  ["if/then", ab(), ab({ if: { required: ["a"] }, then: { required: ["b"] } }), "{a} without b"],
  ["not", S, { ...S, not: { const: "none" } }, '"none"'],
  [
    "contentSchema",
    { ...S, contentMediaType: "application/json" },
    { ...S, contentMediaType: "application/json", contentSchema: obj({ a: S }, ["a"]) },
    '"{}"',
  ],
];

export const keywordVerdicts: Verdict[] = [
  ...pairs.map(([keyword, loose, tight, rejected]) =>
    v(
      `request ${keyword} tightened`,
      req(wrap(loose)),
      req(wrap(tight)),
      "breaking",
      `${rejected} is rejected now`,
      "request-constraint-tightened",
    ),
  ),
  ...pairs.map(([keyword, loose, tight]) =>
    v(
      `response ${keyword} loosened`,
      res(wrap(tight)),
      res(wrap(loose)),
      "non-breaking",
      "values of the same type outside the old constraint may come (a warning)",
      "response-constraint-loosened",
    ),
  ),
  ...pairs
    .slice(0, 6)
    .map(([keyword, loose, tight]) =>
      v(
        `request ${keyword} loosened`,
        req(wrap(tight)),
        req(wrap(loose)),
        "non-breaking",
        "accepts every old value",
        "request-constraint-loosened",
      ),
    ),
  ...pairs
    .slice(6)
    .map(([keyword, loose, tight]) =>
      v(
        `response ${keyword} tightened`,
        res(wrap(loose)),
        res(wrap(tight)),
        "non-breaking",
        "a subset of what was promised",
        "response-constraint-tightened",
      ),
    ),
  v(
    "request patternProperties added while additionalProperties is false",
    req(wrap({ type: "object", additionalProperties: false })),
    req(wrap({ type: "object", additionalProperties: false, patternProperties: { "^x-": S } })),
    "non-breaking",
    "x- keys were rejected and are allowed now",
    "request-constraint-loosened",
  ),
  v(
    "request not widened",
    req(wrap({ ...S, not: { enum: ["a"] } })),
    req(wrap({ ...S, not: { enum: ["a", "b"] } })),
    "breaking",
    '"b" is rejected now',
    "request-constraint-tightened",
  ),
  v(
    "request not narrowed",
    req(wrap({ ...S, not: { enum: ["a", "b"] } })),
    req(wrap({ ...S, not: { enum: ["a"] } })),
    "non-breaking",
    '"b" is accepted now',
    "request-constraint-loosened",
  ),
  v(
    "request contains item narrowed",
    req(wrap(arr({ contains: { ...S, enum: ["a", "b"] } }))),
    req(wrap(arr({ contains: { ...S, enum: ["a"] } }))),
    "breaking",
    '["b"] no longer contains a match',
    "request-enum-value-removed",
  ),
  v(
    "response prefixItems position type changed",
    res(wrap({ type: "array", prefixItems: [I] })),
    res(wrap({ type: "array", prefixItems: [S] })),
    "breaking",
    "the first item is no longer a number",
    "response-type-changed",
  ),
  v(
    "request then branch gains a requirement",
    req(wrap(ab({ if: { required: ["a"] }, then: { required: ["b"] } }))),
    req(wrap(obj({ a: S, b: S, c: S }, [], { if: { required: ["a"] }, then: { required: ["b", "c"] } }))),
    "breaking",
    "{a, b} without c is rejected",
    "request-required-property-added",
  ),
];
