import type { Located, SpecDocument } from "../load/index.js";
import { HTTP_METHODS, isObject } from "../conventions/operation-info.js";
import { isErrorStatus, mostUsedErrorSchema, type ErrorSchemaUse } from "../model/error-schema.js";
import { collectPaths } from "./paths.js";
import type { DiffContext } from "./context.js";
import { mediaTypes, schemaOfMedia } from "./media.js";
import { keyOf } from "./schema-view.js";

/** The schema most error responses (4xx, 5xx, default) use: the API's standard error payload (CONVENTIONS §3). */
export function standardErrorSchema(document: SpecDocument): Located | undefined {
  const uses: ErrorSchemaUse<Located>[] = [];
  for (const { item } of collectPaths(document).values()) {
    for (const method of HTTP_METHODS) {
      const responses = document.child(item, method, "responses");
      if (!responses || !isObject(responses.value)) continue;
      for (const [status, declared] of document.children(responses)) {
        if (!isErrorStatus(status)) continue;
        for (const media of mediaTypes(document, document.resolve(declared)).values()) {
          const written = schemaOfMedia(document, media);
          if (!written) continue;
          const schema = document.resolve(written);
          uses.push({ key: keyOf(schema), schema });
        }
      }
    }
  }
  // One use is not a convention: an inline error schema is compared where it is written.
  return mostUsedErrorSchema(uses, { minUses: 2, ties: "first-seen" });
}

/** Compares the two standard error schemas once; the per-response comparison then skips them. */
export function compareErrorSchemas(context: DiffContext): void {
  const before = standardErrorSchema(context.oldDoc);
  const after = standardErrorSchema(context.newDoc);
  if (!before || !after) return;
  context.errorSchemaKeys = { old: keyOf(before), new: keyOf(after) };
  context.reportSchemaChanges(
    "error-schema",
    `error schema ${nameOf(after)}`,
    context.schemas.compare(before, after, "response"),
    undefined,
  );
}

export function isStandardErrorPair(context: DiffContext, oldKey: string, newKey: string): boolean {
  return (
    context.errorSchemaKeys !== undefined &&
    context.errorSchemaKeys.old === oldKey &&
    context.errorSchemaKeys.new === newKey
  );
}

function nameOf(schema: Located): string {
  return schema.at.pointer.split("/").pop() || "(root)";
}
