import { CASINGS, CHECKS, GIVEN_KINDS, type DeclarativeDefinition } from "../../conventions/declarative/definition.js";
import { joinPointer } from "../../load/json-pointer.js";
import { didYouMean } from "../config-validator.js";

type Fail = (message: string, pointer: string, fix: string) => never;

const COMMON_KEYS = ["given", "field", "check", "message", "description", "docsUrl"];
const CHECK_KEYS: Record<DeclarativeDefinition["check"], string[]> = {
  present: [],
  pattern: ["pattern"],
  enum: ["values"],
  casing: ["casing"],
  length: ["min", "max"],
};
const SHAPE = "e.g. { given: operations, field: x-owner, check: present } (README “Declarative rules”)";

/** A `declarative:` definition as written in the config, checked key by key so each mistake is located. */
export function parseDeclarative(raw: unknown, pointer: string, fail: Fail): DeclarativeDefinition {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw))
    return fail("a declarative rule must be a map", pointer, SHAPE);
  const d = raw as Record<string, unknown>;
  const at = (key: string) => joinPointer(pointer, key);
  const given = d.given;
  if (typeof given !== "string" || !((GIVEN_KINDS as readonly string[]).includes(given) || given.startsWith("/"))) {
    fail(
      given === undefined ? "a declarative rule needs `given`" : `invalid given ${JSON.stringify(given)}`,
      given === undefined ? pointer : at("given"),
      `use one of ${GIVEN_KINDS.join(", ")}, or a JSON-pointer pattern such as /paths/*/*/responses/*`,
    );
  }
  if (typeof d.field !== "string" || d.field === "")
    fail(
      d.field === undefined ? "a declarative rule needs `field`" : "`field` must be a dotted path",
      d.field === undefined ? pointer : at("field"),
      "e.g. field: x-owner, field: info.contact.email, or field: '@key' for the node's own name",
    );
  const check = d.check;
  if (typeof check !== "string" || !(CHECKS as readonly string[]).includes(check)) {
    fail(
      check === undefined ? "a declarative rule needs `check`" : `unknown check ${JSON.stringify(check)}`,
      check === undefined ? pointer : at("check"),
      `${typeof check === "string" ? didYouMean(check, CHECKS) : ""}use one of ${CHECKS.join(", ")}`,
    );
  }
  const name = check as DeclarativeDefinition["check"];
  const allowed = [...COMMON_KEYS, ...CHECK_KEYS[name]];
  for (const key of Object.keys(d))
    if (!allowed.includes(key))
      fail(
        `unknown key "${key}" for check ${name}`,
        at(key),
        `${didYouMean(key, allowed)}allowed here: ${allowed.join(", ")}`,
      );
  for (const key of ["message", "description", "docsUrl"])
    if (d[key] !== undefined && typeof d[key] !== "string") fail(`\`${key}\` must be text`, at(key), "quote it");
  if (name === "pattern") {
    if (typeof d.pattern !== "string")
      fail(
        "check pattern needs `pattern`",
        d.pattern === undefined ? pointer : at("pattern"),
        "e.g. pattern: '^[a-z]+(-[a-z]+)*$'",
      );
    try {
      new RegExp(d.pattern as string, "u");
    } catch (error) {
      fail(
        `invalid pattern: ${(error as Error).message}`,
        at("pattern"),
        "write an ECMA-262 regular expression (u flag)",
      );
    }
  }
  if (name === "enum" && (!Array.isArray(d.values) || d.values.length === 0))
    fail(
      "check enum needs a non-empty `values` list",
      d.values === undefined ? pointer : at("values"),
      "e.g. values: [alpha, beta, stable]",
    );
  if (name === "casing" && !(CASINGS as readonly unknown[]).includes(d.casing))
    fail(
      d.casing === undefined ? "check casing needs `casing`" : `invalid casing ${JSON.stringify(d.casing)}`,
      d.casing === undefined ? pointer : at("casing"),
      `use one of ${CASINGS.join(", ")}`,
    );
  if (name === "length") {
    if (d.min === undefined && d.max === undefined)
      fail("check length needs `min`, `max` or both", pointer, "e.g. min: 1, max: 80");
    for (const key of ["min", "max"])
      if (d[key] !== undefined && !(Number.isInteger(d[key]) && (d[key] as number) >= 0))
        fail(`\`${key}\` must be a whole number`, at(key), "e.g. max: 80");
  }
  return d as unknown as DeclarativeDefinition;
}
