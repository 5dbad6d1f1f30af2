// The API's error schema (CONVENTIONS.md §3): the configured one, else the one most error responses return, with
// the recipe that fills it from a failure. The IR's one home for this fact.
import type { ErrorSchema, JsonSchema, Operation } from "./ir.js";
import { errorPayloadPlan } from "./error-payload.js";
import { isObject, type JsonObject, type RefResolver } from "./refs.js";

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
  count: number;
}

/** The configured error schema, else the one most 4xx/5xx/default responses use (ties: first by name). */
export function errorSchemaOf(operations: readonly Operation[], refs: RefResolver, configured: ConfiguredErrorSchema | undefined): ErrorSchema | null {
  const uses = errorSchemaUses(operations, refs);
  const components = isObject(refs.root.components) ? refs.root.components : {};
  const schemas: JsonObject = isObject(components.schemas) ? components.schemas : {};
  const named = configured === undefined ? undefined : schemas[configured.name];
  if (configured !== undefined && isObject(named)) {
    const use = uses.find((candidate) => candidate.name === configured.name);
    return withPlan(refs, configured.name, use?.mediaType ?? configured.mediaType ?? "application/problem+json", named, use?.usedBy ?? null);
  }
  const best = uses[0];
  return best === undefined ? null : withPlan(refs, best.name, best.mediaType, best.schema, best.usedBy);
}

/** Schemas of the JSON error responses, most used first (ties: by name, then media type). */
function errorSchemaUses(operations: readonly Operation[], refs: RefResolver): Use[] {
  const counts = new Map<string, Use>();
  for (const op of operations) {
    for (const response of op.responses) {
      if (response.kind !== "error" && response.kind !== "default") continue;
      const media = response.content.find((content) => isJsonMedia(content.mediaType));
      if (!media?.schema) continue;
      // Inline schemas are told apart by content: two different inline shapes are two schemas.
      const key = `${media.schemaName ?? `inline ${JSON.stringify(media.schema)}`}\u0000${media.mediaType}`;
      const use = counts.get(key) ?? {
        name: media.schemaName,
        mediaType: media.mediaType === "*/*" ? "application/json" : media.mediaType,
        schema: (media.schemaName ? refs.resolve(media.schema) : media.schema) ?? media.schema,
        usedBy: { path: op.path, method: op.method, status: response.status, mediaType: media.mediaType },
        count: 0,
      };
      use.count++;
      counts.set(key, use);
    }
  }
  return [...counts.entries()].sort(([keyA, a], [keyB, b]) => b.count - a.count || (keyA < keyB ? -1 : 1)).map(([, use]) => use);
}

function withPlan(refs: RefResolver, name: string | null, mediaType: string, schema: JsonSchema, usedBy: ErrorSchema["usedBy"]): ErrorSchema {
  const { payload, fields } = errorPayloadPlan(schema, refs.root);
  return { name, mediaType, schema, usedBy, fields, payload };
}

export function isJsonMedia(mediaType: string): boolean {
  return /[/+]json\b/i.test(mediaType) || mediaType === "*/*";
}
