// The API's error schema (CONVENTIONS.md §3): the configured one, else the one most error responses return, with
// the recipe that fills it from a failure. The IR's one home for this fact.
import type { ErrorPayload } from "../../templates/runtime/server/error-payload.js";
import type { ErrorSchema, JsonSchema, MediaContent, Operation } from "./ir.js";
import { errorPayloadPlan } from "./error-payload.js";
import { isObject, type JsonObject, type RefResolver } from "./refs.js";
import { isErrorStatus } from "../facts/status-codes.js";
import { describesJson } from "../facts/media-types.js";

export { isErrorStatus };

export interface ConfiguredErrorSchema {
  /** Key in `components.schemas`. */
  name: string;
  /** Used when no error response declares the schema under a JSON media type. */
  mediaType?: string;
}

interface Use {
  name: string | null;
  mediaType: string;
  schema: JsonSchema;
  usedBy: NonNullable<ErrorSchema["usedBy"]>;
}

/** The configured error schema, else the one most 4xx/5xx/default responses use (ties: first by name, then media type). */
export function errorSchemaOf(
  operations: readonly Operation[],
  refs: RefResolver,
  configured: ConfiguredErrorSchema | undefined,
): ErrorSchema | null {
  const uses = errorSchemaUses(operations, refs);
  const components = isObject(refs.root.components) ? refs.root.components : {};
  const schemas: JsonObject = isObject(components.schemas) ? components.schemas : {};
  const named = configured === undefined ? undefined : schemas[configured.name];
  if (configured !== undefined && isObject(named)) {
    const use = uses.find((candidate) => candidate.schema.name === configured.name)?.schema;
    return withPlan(
      refs,
      configured.name,
      use?.mediaType ?? configured.mediaType ?? "application/problem+json",
      named,
      use?.usedBy ?? null,
    );
  }
  const best = mostUsedErrorSchema(uses, { minUses: 1, ties: "by-key" });
  return best === undefined ? null : withPlan(refs, best.name, best.mediaType, best.schema, best.usedBy);
}

export interface ErrorSchemaUse<T> {
  /** Tells schemas apart: two uses of one schema have one key. */
  key: string;
  schema: T;
}

/**
 * The API's standard error schema: the one most error responses use, with at least `minUses` uses. Ties go to the
 * first seen, or to the smallest key. The model, the diff and the portal pick it this way, each from its own view
 * of the document (the IR, or the located source).
 */
export function mostUsedErrorSchema<T>(
  uses: Iterable<ErrorSchemaUse<T>>,
  options: { minUses: number; ties: "first-seen" | "by-key" },
): T | undefined {
  const counts = new Map<string, { schema: T; count: number }>();
  for (const { key, schema } of uses) {
    const known = counts.get(key);
    if (known) known.count++;
    else counts.set(key, { schema, count: 1 });
  }
  const ranked = [...counts.entries()];
  if (options.ties === "by-key") ranked.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  let best: { schema: T; count: number } | undefined;
  for (const [, candidate] of ranked) if (!best || candidate.count > best.count) best = candidate;
  return best && best.count >= options.minUses ? best.schema : undefined;
}

/** The JSON error responses' schemas, each use once, in operation order. */
function errorSchemaUses(operations: readonly Operation[], refs: RefResolver): ErrorSchemaUse<Use>[] {
  const uses: ErrorSchemaUse<Use>[] = [];
  for (const op of operations) {
    for (const response of op.responses) {
      if (!isErrorStatus(response.status)) continue;
      const media = response.content.find((content) => isJsonMedia(content.mediaType));
      if (!media?.schema) continue;
      // Inline schemas are told apart by content: two different inline shapes are two schemas.
      const key = `${media.schemaName ?? `inline ${JSON.stringify(media.schema)}`}\u0000${media.mediaType}`;
      const schema = (media.schemaName ? refs.resolve(media.schema) : media.schema) ?? media.schema;
      const usedBy = { path: op.pathKey, method: op.method, status: response.status, mediaType: media.mediaType };
      uses.push({
        key,
        schema: {
          name: media.schemaName,
          mediaType: media.mediaType === "*/*" ? "application/json" : media.mediaType,
          schema,
          usedBy,
        },
      });
    }
  }
  return uses;
}

function withPlan(
  refs: RefResolver,
  name: string | null,
  mediaType: string,
  schema: JsonSchema,
  usedBy: ErrorSchema["usedBy"],
): ErrorSchema {
  const { payload, fields } = errorPayloadPlan(schema, refs.root);
  return { name, mediaType, schema, usedBy, fields, payload };
}

/** A content key whose schema describes JSON (a JSON type, or `*\/*`): generator/facts/media-types.ts decides. */
export const isJsonMedia = describesJson;

/**
 * What each error response of `op` documents, where it is not `apiWide` (one API-wide schema is right only when the
 * statuses agree): its own JSON schema's recipe (GitHub's 422 `validation-error` beside `basic-error`), an RFC 9457
 * problem under a JSON media type with no schema, the message as text for `text/*`, an XML document for XML media
 * types (RFC 9457 Appendix B for `application/problem+xml`), and for other media types (`application/octet-stream`
 * from a Swagger 2 `produces`) the schema's recipe, else the message as text, under that media type.
 */
export function operationErrorPayloads(
  op: Operation,
  apiWide: ErrorSchema | null,
  refs: RefResolver,
): Record<string, ErrorPayload> {
  const out: Record<string, ErrorPayload> = {};
  for (const response of op.responses) {
    if (!isErrorStatus(response.status) || response.content.length === 0) continue;
    const json = response.content.find((content) => isJsonMedia(content.mediaType));
    const content = json ?? response.content[0];
    if (content === undefined) continue;
    const mediaType = content.mediaType === "*/*" ? "application/json" : content.mediaType;
    const payload = documentedPayload(content, mediaType, refs);
    if (
      apiWide !== null &&
      mediaType === apiWide.mediaType &&
      JSON.stringify(payload.payload) === JSON.stringify(apiWide.payload)
    )
      continue;
    out[response.status] = payload;
  }
  return out;
}

function documentedPayload(content: MediaContent, mediaType: string, refs: RefResolver): ErrorPayload {
  const type = mediaType.split(";")[0]?.trim().toLowerCase() ?? "";
  if (type.startsWith("text/")) return { mediaType, payload: { fill: "message", withFields: true }, encoding: "text" };
  if (type === "application/problem+xml") return { mediaType, payload: { fill: "problem" }, encoding: "problem+xml" };
  if (type.endsWith("/xml") || type.endsWith("+xml"))
    return { mediaType, payload: { fill: "problem" }, encoding: "xml" };
  const schema =
    content.schema === null
      ? undefined
      : content.schemaName !== null
        ? (refs.resolve(content.schema) ?? content.schema)
        : content.schema;
  if (schema === undefined)
    return isJsonMedia(type)
      ? { mediaType, payload: { fill: "problem" } }
      : { mediaType, payload: { fill: "message", withFields: true }, encoding: "text" };
  return { mediaType, payload: errorPayloadPlan(schema, refs.root).payload };
}
