// Where a path puts two parameters side by side (`/profiles/{id}{ext}`), no literal text says where one ends:
// the values a parameter's schema enumerates (`ext`: [".json"]) let the router split the segment instead. Where
// literal text parts them, it may also occur inside a value (tomtom.com `/reverseGeocode/{position}.{ext}`,
// position "37.8328,-122.27669"): the values then say at which `.` the segment splits (runtime/server/paths.ts).
import type { Operation } from "../../model/ir.js";

/** Enumerated values of the path parameters that share a segment with another parameter; undefined when none. */
export function segmentPathValues(op: Operation): Record<string, string[]> | undefined {
  const adjacent = new Set<string>();
  for (const segment of op.path.split("/")) {
    const names = [...segment.matchAll(/\{([^{}]+)\}/g)].map((name) => name[1] ?? "");
    if (names.length > 1) for (const name of names) adjacent.add(name);
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
