import { getAtPointer, parsePointer } from "../load/json-pointer.js";
import type { NodeRef, SpecDocument } from "../load/index.js";

export const IGNORE_KEY = "x-specwright-ignore";

/**
 * `x-specwright-ignore` on a node silences the listed rules for that node and everything written inside it.
 * Accepted forms: a rule id, a list of ids, or a list of `{ rule, reason }`.
 */
export function isSuppressed(document: SpecDocument, at: NodeRef, ruleId: string): boolean {
  const file = document.files.get(at.file);
  if (!file) return false;
  const tokens = safeParse(at.pointer);
  for (let depth = tokens.length; depth >= 0; depth--) {
    const node = getAtPointer(file.value, tokens.slice(0, depth));
    if (node !== null && typeof node === "object" && ignoresRule((node as Record<string, unknown>)[IGNORE_KEY], ruleId))
      return true;
  }
  return false;
}

function ignoresRule(marker: unknown, ruleId: string): boolean {
  if (marker === undefined) return false;
  const entries = Array.isArray(marker) ? marker : [marker];
  return entries.some((entry) => {
    const id =
      typeof entry === "string"
        ? entry
        : entry && typeof entry === "object"
          ? (entry as Record<string, unknown>).rule
          : undefined;
    return (
      id === ruleId || id === "*" || (typeof id === "string" && id.endsWith("/*") && ruleId.startsWith(id.slice(0, -1)))
    );
  });
}

function safeParse(pointer: string): string[] {
  try {
    return parsePointer(pointer);
  } catch {
    return [];
  }
}
