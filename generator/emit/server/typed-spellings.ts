// Parameter schemas written as strings of another type: `type: boolean, enum: ["false", "true"], default: "false"`
// (common in specs converted from Swagger 2, where every parameter was a string on the wire). No value can satisfy
// such a schema once the server has read "true" as a boolean, so the string spellings are read as the declared
// type, as the wire value is. Only schemas whose `type` is one non-string scalar type are touched.
import { candidates } from "../../../templates/runtime/server/coerce.js";
import type { ScalarType } from "../../../templates/runtime/server/parameters.js";

const TYPED: ReadonlySet<string> = new Set(["integer", "number", "boolean"]);

/** A copy of a converted parameter schema with `enum`/`const`/`default` strings read as the declared type. */
export function typedSpellings(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(typedSpellings);
  if (typeof schema !== "object" || schema === null) return schema;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    Object.defineProperty(out, key, {
      value: key === "enum" || key === "const" || key === "default" ? value : typedSpellings(value),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  const type = out["type"];
  if (typeof type !== "string" || !TYPED.has(type)) return out;
  const read = (value: unknown): unknown =>
    typeof value === "string" ? (candidates(value, [type as ScalarType])[0] ?? value) : value;
  if (Array.isArray(out["enum"])) out["enum"] = out["enum"].map(read);
  if (out["const"] !== undefined) out["const"] = read(out["const"]);
  if (out["default"] !== undefined) out["default"] = read(out["default"]);
  return out;
}
