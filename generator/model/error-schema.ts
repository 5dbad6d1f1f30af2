// The IR's error schema (CONVENTIONS.md §3): which schema is generator/facts/error-schema.ts's to say; here it gets
// the recipe that fills it from a failure, and each error response that returns something else gets its own.
import type { ErrorPayload } from "../../templates/runtime/server/error-payload.js";
import type { ErrorSchema, JsonSchema, MediaContent, Operation } from "./ir.js";
import { errorPayloadPlan } from "./error-payload.js";
import type { RefResolver } from "./refs.js";
import { jsonViewOf } from "./json-view.js";
import { isErrorStatus } from "../facts/status-codes.js";
import { describesJson } from "../facts/media-types.js";
import { apiErrorSchema, errorBodyMediaType, PROBLEM_JSON, servedMediaType } from "../facts/error-schema.js";

export interface ConfiguredErrorSchema {
  /** Key in `components.schemas`. */
  name: string;
  /** Used when no error response declares the schema under a JSON media type. */
  mediaType?: string;
}

/**
 * The API's error schema by generator/facts/error-schema.ts's rule (the configured one, else the one most error
 * responses return), with the recipe that fills it from a failure. A configured schema no error response returns is
 * served as the configured media type.
 */
export function errorSchemaOf(
  root: Readonly<Record<string, unknown>>,
  refs: RefResolver,
  configured: ConfiguredErrorSchema | undefined,
): ErrorSchema | null {
  const view = jsonViewOf(root);
  const found = apiErrorSchema(view, configured?.name);
  if (found === undefined) return null;
  const mediaType = found.mediaType ?? configured?.mediaType ?? PROBLEM_JSON;
  // The client types an inline error schema through a response that returns it under the media type served.
  const use = found.uses.find((candidate) => servedMediaType(candidate.mediaType) === mediaType);
  const usedBy = use ? { path: use.path, method: use.method, status: use.status, mediaType: use.mediaType } : null;
  return withPlan(refs, found.name, mediaType, found.schema.value as JsonSchema, usedBy);
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
    const json = errorBodyMediaType(response.content.map((content) => content.mediaType));
    const content = response.content.find((candidate) => candidate.mediaType === json) ?? response.content[0];
    if (content === undefined) continue;
    const mediaType = servedMediaType(content.mediaType);
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
    return describesJson(type)
      ? { mediaType, payload: { fill: "problem" } }
      : { mediaType, payload: { fill: "message", withFields: true }, encoding: "text" };
  return { mediaType, payload: errorPayloadPlan(schema, refs.root).payload };
}
