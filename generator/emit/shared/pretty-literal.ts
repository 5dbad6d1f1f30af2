// Data written into generated code as a formatted JavaScript literal: a value stays on one line while it fits in
// LINE_WIDTH, otherwise each member gets a line of its own (the layout Prettier gives such literals). Keys that
// are identifiers are bare; the rest go through jsString, as every spec string does. Deterministic: member order
// is the value's own.
import { jsString } from "./code-literals.js";

/** Columns a generated line may take before a literal on it is broken up. */
export const LINE_WIDTH = 120;

/** Source text inserted as it is (an expression such as `paramValidators.listPets_query`), never quoted. */
export class Code {
  readonly text: string;
  constructor(text: string) {
    this.text = text;
  }
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/**
 * `value` as a literal starting at column `column` of a line indented by `indent`; members that do not fit are
 * indented two spaces deeper. `undefined` members are left out, as JSON does.
 */
export function prettyLiteral(value: unknown, indent = "", column = indent.length): string {
  const flat = inline(value);
  if (column + flat.length <= LINE_WIDTH || !isComposite(value)) return flat;
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    return `[\n${value.map((item) => `${inner}${prettyLiteral(item ?? null, inner)},`).join("\n")}\n${indent}]`;
  }
  const members = entries(value as Record<string, unknown>);
  if (members.length === 0) return "{}";
  return `{\n${members.map(([key, member]) => `${inner}${key}: ${prettyLiteral(member, inner, inner.length + key.length + 2)},`).join("\n")}\n${indent}}`;
}

function inline(value: unknown): string {
  if (value instanceof Code) return value.text;
  if (typeof value === "string") return jsString(value);
  if (Array.isArray(value)) return `[${value.map((item) => inline(item ?? null)).join(", ")}]`;
  if (typeof value === "object" && value !== null) {
    const members = entries(value as Record<string, unknown>);
    return members.length === 0
      ? "{}"
      : `{ ${members.map(([key, member]) => `${key}: ${inline(member)}`).join(", ")} }`;
  }
  return JSON.stringify(value) ?? "undefined";
}

function isComposite(value: unknown): boolean {
  return typeof value === "object" && value !== null && !(value instanceof Code);
}

/** Rendered keys with their values; `__proto__` computed, so that it stays an own property (as JSON.parse makes it). */
function entries(value: Record<string, unknown>): [string, unknown][] {
  return Object.entries(value)
    .filter(([, member]) => member !== undefined)
    .map(([key, member]) => [
      key === "__proto__" ? `[${jsString(key)}]` : IDENTIFIER.test(key) ? key : jsString(key),
      member,
    ]);
}
