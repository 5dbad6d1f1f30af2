import type { Located, SpecDocument } from "../load/index.js";
import { isObject } from "../facts/json-object.js";
import { mediaTypeEssence } from "../facts/media-types.js";
import { SCOPE_DIRECTION, type SchemaScope } from "./checks.js";
import type { DiffContext } from "./context.js";
import { acceptsAnything } from "./schema-view.js";
import type { OperationKey } from "./types.js";

/** The media types of a `content` map, keyed without parameters (`application/json; charset=utf-8` is JSON). */
export function mediaTypes(document: SpecDocument, owner: Located): Map<string, Located> {
  const result = new Map<string, Located>();
  const content = document.child(owner, "content");
  if (!content || !isObject(content.value)) return result;
  for (const [type, media] of document.children(content)) {
    const key = mediaTypeEssence(type);
    if (!result.has(key)) result.set(key, media);
  }
  return result;
}

export function schemaOfMedia(document: SpecDocument, media: Located): Located | undefined {
  return document.child(media, "schema");
}

/**
 * The schemas of one media type in both documents, compared in the direction of `scope`. A media type without a
 * schema (or with `{}`) allows any content, so a schema appearing constrains it and one disappearing lifts every
 * promise about it (OpenAPI 3.1 §4.8.14: `schema` is optional).
 */
export function compareMediaSchemas(
  context: DiffContext,
  scope: SchemaScope,
  label: string,
  before: Located,
  after: Located,
  operation: OperationKey | undefined,
): void {
  const written = { old: schemaOfMedia(context.oldDoc, before), new: schemaOfMedia(context.newDoc, after) };
  const oldSchema =
    written.old && !acceptsAnything(context.oldDoc.resolve(written.old).value) ? written.old : undefined;
  const newSchema =
    written.new && !acceptsAnything(context.newDoc.resolve(written.new).value) ? written.new : undefined;
  if (!oldSchema && !newSchema) return;
  if (!oldSchema)
    return context.reportSchemaChanges(
      scope,
      label,
      [
        {
          kind: "schema-added",
          path: "",
          detail: "schema added: the content was not constrained before",
          old: before.at,
          new: newSchema!.at,
        },
      ],
      operation,
    );
  if (!newSchema)
    return context.reportSchemaChanges(
      scope,
      label,
      [
        {
          kind: "schema-removed",
          path: "",
          detail: "schema removed: nothing is promised about the content any more",
          old: oldSchema.at,
          new: after.at,
        },
      ],
      operation,
    );
  context.reportSchemaChanges(
    scope,
    label,
    context.schemas.compare(oldSchema, newSchema, SCOPE_DIRECTION[scope]),
    operation,
  );
}
