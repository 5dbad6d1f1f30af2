import { escapePointerToken } from "./json-pointer.js";

/** Any `$ref` whose value does not start with `#`: if the text has none, no other file can be referenced. */
const EXTERNAL_REF_TEXT = /\$ref['"]?\s*:\s*(?!['"]?#)/;

interface Frame {
  value: unknown;
  parent: Frame | undefined;
  key: string;
}

/**
 * Every `$ref` to another document (file or URL) in a parsed file, with the pointer of the object holding it.
 * Iterative, so deep nesting cannot overflow the stack; pointers are built only for the refs found.
 */
export function findExternalRefs(root: unknown, text: string): Array<{ ref: string; pointer: string }> {
  if (!EXTERNAL_REF_TEXT.test(text)) return [];
  const found: Array<{ ref: string; pointer: string }> = [];
  const stack: Frame[] = [{ value: root, parent: undefined, key: "" }];
  while (stack.length > 0) {
    const frame = stack.pop()!;
    const value = frame.value;
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) if (isContainer(value[i])) stack.push({ value: value[i], parent: frame, key: String(i) });
      continue;
    }
    const record = value as Record<string, unknown>;
    if (typeof record.$ref === "string" && !record.$ref.startsWith("#")) found.push({ ref: record.$ref, pointer: pointerOf(frame) });
    for (const key of Object.keys(record)) {
      const child = record[key];
      if (key !== "$ref" && isContainer(child)) stack.push({ value: child, parent: frame, key });
    }
  }
  return found;
}

function isContainer(value: unknown): boolean {
  return value !== null && typeof value === "object";
}

function pointerOf(frame: Frame): string {
  const tokens: string[] = [];
  for (let f: Frame | undefined = frame; f?.parent; f = f.parent) tokens.push(escapePointerToken(f.key));
  return tokens.length === 0 ? "" : "/" + tokens.reverse().join("/");
}
