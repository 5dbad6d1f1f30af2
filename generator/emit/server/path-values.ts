// Where a path puts two parameters side by side (`/profiles/{id}{ext}`), no literal text says where one ends:
// the values a parameter's schema enumerates (`ext`: [".json"]) let the router split the segment instead.
import type { Operation } from "../../model/ir.js";

/** Enumerated values of the path parameters that touch another parameter; undefined when there are none. */
export function adjacentPathValues(op: Operation): Record<string, string[]> | undefined {
  const adjacent = new Set<string>();
  for (const run of op.path.matchAll(/(?:\{[^{}]+\}){2,}/g)) {
    for (const name of run[0].matchAll(/\{([^{}]+)\}/g)) adjacent.add(name[1] ?? "");
  }
  const entries: [string, string[]][] = [];
  for (const param of op.parameters) {
    if (param.in !== "path" || !adjacent.has(param.rawName)) continue;
    const options = param.constraints.enum;
    if (
      options !== undefined &&
      options.length > 0 &&
      options.every((value) => typeof value === "string" || typeof value === "number")
    ) {
      entries.push([param.rawName, options.map(String)]);
    }
  }
  // fromEntries: a parameter named `__proto__` is an own entry like any other.
  return entries.length === 0 ? undefined : Object.fromEntries(entries);
}
