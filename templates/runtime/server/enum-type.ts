// A schema whose `enum` holds no value of its `type` admits nothing: both keywords apply (JSON Schema 2020-12
// §6.1.1, §6.1.2). visualstudio.com's MessageCodes is `type: integer` with `enum: ["0 (Unknown)", …]`, so no error
// payload could conform. The enum, the more particular statement, is kept and the `type` left out, with a warning.
// A string spelling a value of the type (`type: boolean, enum: ["false", "true"]`, from Swagger 2 where parameters
// were strings on the wire) is of that type here: the validators read it so (generator typed-spellings.ts).
import { candidates } from "./coerce.js";

const SPELLED: ReadonlySet<unknown> = new Set(["integer", "number", "boolean"]);

/** Whether `type` (a name or a list of names) admits none of `values`; false when either is not what it should be. */
export function enumDeniesType(type: unknown, values: unknown): boolean {
  const names = typeof type === "string" ? [type] : Array.isArray(type) ? type : undefined;
  if (names === undefined || !Array.isArray(values) || values.length === 0) return false;
  return !values.some((value) => names.some((name) => hasType(value, name) || spells(value, name)));
}

function spells(value: unknown, name: unknown): boolean {
  if (typeof value !== "string" || !SPELLED.has(name)) return false;
  return candidates(value, [name as "integer" | "number" | "boolean"]).some((read) => hasType(read, name));
}

function hasType(value: unknown, name: unknown): boolean {
  switch (name) {
    case "integer":
      return Number.isInteger(value);
    case "number":
      return typeof value === "number";
    case "null":
      return value === null;
    case "array":
      return Array.isArray(value);
    case "object":
      return typeof value === "object" && value !== null && !Array.isArray(value);
    default:
      return typeof value === name;
  }
}
