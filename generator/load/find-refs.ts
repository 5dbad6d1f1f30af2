import { escapePointerToken } from "./json-pointer.js";

/**
 * The members through which a document names another one. Redocly's bundler follows the first three (its
 * `resolveDocument` treats `externalValue` and mapping values as `$ref`s, lib/resolve.js); `operationRef` it leaves
 * as written. Each goes through the loader's check on the exact path that would be read.
 */
export type ReferenceKind = "$ref" | "mapping" | "externalValue" | "operationRef";

export interface FoundReference {
  kind: ReferenceKind;
  value: string;
  /** The pointer of the string itself (e.g. `/paths/~1a/get/$ref`), so errors point at it. */
  pointer: string;
}

interface Frame {
  value: unknown;
  parent: Frame | undefined;
  key: string;
}

/**
 * Every reference in a parsed file that names another document (file or URL), or whose fragment is not a JSON
 * pointer; a plain in-document `#/...` ref is left out. The parsed value is walked, never the text: a key written
 * `"\x24ref"` (YAML) or `"\u0024ref"` (JSON), or reached through a YAML alias, is a `$ref` all the same.
 * Iterative, so deep nesting cannot overflow the stack; pointers are built only for the references found.
 */
export function findReferences(root: unknown): FoundReference[] {
  const found: FoundReference[] = [];
  const stack: Frame[] = [{ value: root, parent: undefined, key: "" }];
  while (stack.length > 0) {
    const frame = stack.pop()!;
    const value = frame.value;
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--)
        if (isContainer(value[i])) stack.push({ value: value[i], parent: frame, key: String(i) });
      continue;
    }
    const record = value as Record<string, unknown>;
    const own = (key: string) => (Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined);
    const ref = own("$ref");
    if (typeof ref === "string" && !isInDocumentPointer(ref))
      found.push({ kind: "$ref", value: ref, pointer: pointerOf(frame, "$ref") });
    for (const kind of ["externalValue", "operationRef"] as const) {
      const target = own(kind);
      if (typeof target === "string" && !isInDocumentPointer(target))
        found.push({ kind, value: target, pointer: pointerOf(frame, kind) });
    }
    if (frame.key === "mapping" && frame.parent?.key === "discriminator") {
      for (const [name, target] of Object.entries(record)) {
        if (typeof target === "string" && isMappingRef(target) && !isInDocumentPointer(target))
          found.push({ kind: "mapping", value: target, pointer: pointerOf(frame, name) });
      }
    }
    for (const key of Object.keys(record)) {
      const child = record[key];
      if (isContainer(child)) stack.push({ value: child, parent: frame, key });
    }
  }
  return found;
}

/** `#` or `#/...`: a place in the same document, which reads no file. */
function isInDocumentPointer(ref: string): boolean {
  return ref === "#" || ref.startsWith("#/");
}

/**
 * A discriminator mapping value is a reference rather than a schema name when Redocly's `isMappingRef`
 * (lib/ref-utils.js) says so: it starts with `#`, `./`, `../` or a URL scheme, or contains a `/`.
 */
function isMappingRef(value: string): boolean {
  return (
    value.startsWith("#") ||
    value.startsWith("http://") ||
    value.startsWith("https://") ||
    value.startsWith("./") ||
    value.startsWith("../") ||
    value.includes("/")
  );
}

function isContainer(value: unknown): boolean {
  return value !== null && typeof value === "object";
}

function pointerOf(frame: Frame, member: string): string {
  const tokens: string[] = [escapePointerToken(member)];
  for (let f: Frame | undefined = frame; f?.parent; f = f.parent) tokens.push(escapePointerToken(f.key));
  return "/" + tokens.reverse().join("/");
}
