import type { Located, SpecDocument } from "../load/index.js";
import { specViewOf } from "../load/spec-view.js";
import { apiErrorSchema, type ApiErrorSchema } from "../facts/error-schema.js";
import { DEFAULT_SETTINGS } from "../conventions/settings.js";
import type { DiffContext } from "./context.js";
import { keyOf } from "./schema-view.js";

/**
 * The API's standard error schema (CONVENTIONS §3; generator/facts/error-schema.ts decides which), when two or more
 * error responses return it: one use is not a convention, and a change to it is reported at its operation.
 */
export function standardErrorSchema(
  document: SpecDocument,
  configuredName: string = DEFAULT_SETTINGS.errors.schema,
): ApiErrorSchema<Located> | undefined {
  const found = apiErrorSchema(specViewOf(document), configuredName);
  return found !== undefined && found.uses.length >= 2 ? found : undefined;
}

/** Compares the two standard error schemas once; the per-response comparison then skips them. */
export function compareErrorSchemas(context: DiffContext, configuredName?: string): void {
  const before = standardErrorSchema(context.oldDoc, configuredName);
  const after = standardErrorSchema(context.newDoc, configuredName);
  if (!before || !after) return;
  context.errorSchemaPlaces = { old: placesOf(before), new: placesOf(after) };
  context.reportSchemaChanges(
    "error-schema",
    `error schema ${after.name ?? nameOf(after.schema)}`,
    context.schemas.compare(before.schema, after.schema, "response"),
    undefined,
  );
}

/** True when both schemas (keyOf the resolved schema) are the standard error schema of their document. */
export function isStandardErrorPair(context: DiffContext, oldKey: string, newKey: string): boolean {
  const places = context.errorSchemaPlaces;
  return places?.old.has(oldKey) === true && places.new.has(newKey);
}

/** Where the schema is written: one place when it is referenced, each copy's when it is inline. */
function placesOf(found: ApiErrorSchema<Located>): Set<string> {
  return new Set([keyOf(found.schema), ...found.uses.map((use) => keyOf(use.schema))]);
}

function nameOf(schema: Located): string {
  return schema.at.pointer.split("/").pop() || "(root)";
}
