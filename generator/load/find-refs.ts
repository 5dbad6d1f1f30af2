import { joinPointer } from "./json-pointer.js";

/** Every `$ref` string in a parsed file with the pointer of the object holding it. Iterative: deep nesting cannot overflow the stack. */
export function findRefs(root: unknown): Array<{ ref: string; pointer: string }> {
  const found: Array<{ ref: string; pointer: string }> = [];
  const stack: Array<{ value: unknown; pointer: string }> = [{ value: root, pointer: "" }];
  while (stack.length > 0) {
    const { value, pointer } = stack.pop()!;
    if (value === null || typeof value !== "object") continue;
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], pointer: `${pointer}/${i}` });
      continue;
    }
    const record = value as Record<string, unknown>;
    if (typeof record.$ref === "string") found.push({ ref: record.$ref, pointer });
    for (const key of Object.keys(record)) {
      if (key === "$ref") continue;
      const child = record[key];
      if (child !== null && typeof child === "object") stack.push({ value: child, pointer: joinPointer(pointer, key) });
    }
  }
  return found;
}
