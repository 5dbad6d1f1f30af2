import type { Located, SpecDocument } from "../load/index.js";
import { HTTP_METHODS, isObject } from "../conventions/operation-info.js";
import { collectPaths } from "./operations.js";
import type { DiffContext } from "./context.js";
import { mediaTypes, schemaOfMedia } from "./media.js";
import { keyOf } from "./schema-view.js";

/** The schema most error responses (4xx, 5xx, default) use: the API's standard error payload (CONVENTIONS §3). */
export function standardErrorSchema(document: SpecDocument): Located | undefined {
  const counts = new Map<string, { schema: Located; count: number }>();
  for (const { item } of collectPaths(document).values()) {
    for (const method of HTTP_METHODS) {
      const responses = document.child(item, method, "responses");
      if (!responses || !isObject(responses.value)) continue;
      for (const [status, declared] of document.children(responses)) {
        if (!/^[45]|^default$/i.test(status)) continue;
        for (const media of mediaTypes(document, document.resolve(declared)).values()) {
          const written = schemaOfMedia(document, media);
          if (!written) continue;
          const schema = document.resolve(written);
          const key = keyOf(schema);
          const known = counts.get(key);
          if (known) known.count++;
          else counts.set(key, { schema, count: 1 });
        }
      }
    }
  }
  let best: { schema: Located; count: number } | undefined;
  for (const candidate of counts.values()) if (!best || candidate.count > best.count) best = candidate;
  // One use is not a convention: an inline error schema is compared where it is written.
  return best && best.count > 1 ? best.schema : undefined;
}

/** Compares the two standard error schemas once; the per-response comparison then skips them. */
export function compareErrorSchemas(context: DiffContext): void {
  const before = standardErrorSchema(context.oldDoc);
  const after = standardErrorSchema(context.newDoc);
  if (!before || !after) return;
  context.errorSchemaKeys = { old: keyOf(before), new: keyOf(after) };
  context.reportSchemaChanges("error-schema", `error schema ${nameOf(after)}`, context.schemas.compare(before, after, "response"), undefined);
}

export function isStandardErrorPair(context: DiffContext, oldKey: string, newKey: string): boolean {
  return context.errorSchemaKeys !== undefined && context.errorSchemaKeys.old === oldKey && context.errorSchemaKeys.new === newKey;
}

function nameOf(schema: Located): string {
  return schema.at.pointer.split("/").pop() || "(root)";
}
