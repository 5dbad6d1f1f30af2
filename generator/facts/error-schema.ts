// The API's error schema (CONVENTIONS.md §3), decided once for lint, diff and the model. Each holds the document its
// own way (the model one bundled JSON value, lint and diff a SpecDocument's located files) and hands it over as a
// SpecView, so the rule below is written once:
//
// 1. The configured schema (`settings.errors.schema`, `Problem` by default) when `components.schemas` has it.
// 2. Else the schema the most error responses return. Each 4xx, 5xx and `default` response of each operation counts
//    once, with the schema of its JSON content entry (errorBodyMediaType: `application/json` first). A schema
//    reached by `$ref` is one schema wherever it is referenced from (where its `$ref` chain ends); inline schemas
//    are told apart by content. Ties go to a `components.schemas` entry before an inline schema, then to the
//    smaller name (so moving paths around does not change the answer), then to the first in document order.
// 3. Else none: failures are RFC 9457 problems (PROBLEM_JSON).
//
// Its media type is the one most of its uses declare (ties: the first), a range (`*/*`) served as application/json.
import { HTTP_METHODS, type HttpMethod } from "./http-methods.js";
import { isObject } from "./json-object.js";
import { mediaTypeEssence, preferredJsonMediaType } from "./media-types.js";
import type { SpecView } from "./spec-view.js";
import { isErrorStatus } from "./status-codes.js";

/** RFC 9457 §3's media type: what failures are served as when nothing says otherwise. */
export const PROBLEM_JSON = "application/problem+json";

/** One error response's JSON body: where it is declared and its schema. */
export interface ErrorBody<N> {
  /** The path key as written under `paths`. */
  path: string;
  method: HttpMethod;
  status: string;
  /** The content key as written (`application/json; charset=utf-8`, `*\/*`). */
  mediaType: string;
  /** The schema as written: a `$ref` or inline. */
  written: N;
  /** The schema after `$ref`s: an object. */
  schema: N;
}

export interface ApiErrorSchema<N> {
  /** The `components.schemas` key, or null for an inline schema. */
  name: string | null;
  /** The schema after `$ref`s. */
  schema: N;
  /** The media type failures are served as; undefined when no error response returns the schema. */
  mediaType: string | undefined;
  /** The error responses that return it, in document order (the same schema under another media type included). */
  uses: ReadonlyArray<ErrorBody<N>>;
  /** True when it is the configured schema, false when it was detected from the error responses. */
  configured: boolean;
}

/** The media type a body of this content key is served as: a range covering JSON is served as application/json. */
export function servedMediaType(mediaType: string): string {
  const essence = mediaTypeEssence(mediaType);
  return essence === "*/*" || essence === "application/*" ? "application/json" : mediaType;
}

/**
 * The content key of an error response whose schema is its error body: `application/json`, else the first other
 * JSON type by name, else a range covering JSON; the order the spec lists them in does not matter.
 */
export function errorBodyMediaType(mediaTypes: Iterable<string>): string | undefined {
  return preferredJsonMediaType([...mediaTypes].sort());
}

const answers = new WeakMap<object, Map<string, ApiErrorSchema<unknown> | undefined>>();

/** The API's error schema by the rule above; `configuredName` is `settings.errors.schema`. Computed once per view. */
export function apiErrorSchema<N>(view: SpecView<N>, configuredName?: string): ApiErrorSchema<N> | undefined {
  let byName = answers.get(view);
  if (!byName) answers.set(view, (byName = new Map()));
  const key = configuredName ?? "";
  if (!byName.has(key)) byName.set(key, decide(view, configuredName) as ApiErrorSchema<unknown> | undefined);
  return byName.get(key) as ApiErrorSchema<N> | undefined;
}

function decide<N>(view: SpecView<N>, configuredName: string | undefined): ApiErrorSchema<N> | undefined {
  const bodies = errorBodies(view);
  const names = componentNames(view);
  const configured = configuredName === undefined ? undefined : configuredSchema(view, configuredName);
  if (configured !== undefined) {
    const place = view.place(configured);
    const uses = bodies.filter((body) => view.place(body.schema) === place);
    return { name: configuredName!, schema: configured, mediaType: mostDeclared(uses), uses, configured: true };
  }
  const candidates = new Map<string, { name: string | null; uses: ErrorBody<N>[]; first: number }>();
  bodies.forEach((body, index) => {
    const byRef = view.place(body.written) !== view.place(body.schema);
    const identity = byRef
      ? `ref ${view.place(body.schema)}`
      : `inline ${contentKey(view.value(body.schema)) ?? `at ${view.place(body.schema)}`}`;
    const known = candidates.get(identity);
    if (known) known.uses.push(body);
    else
      candidates.set(identity, {
        name: byRef ? (names.get(view.place(body.schema)) ?? null) : null,
        uses: [body],
        first: index,
      });
  });
  let best: { name: string | null; uses: ErrorBody<N>[]; first: number } | undefined;
  for (const candidate of candidates.values()) if (!best || ranksBefore(candidate, best)) best = candidate;
  if (!best) return undefined;
  const schema = best.uses[0]!.schema;
  return { name: best.name, schema, mediaType: mostDeclared(best.uses), uses: best.uses, configured: false };
}

function ranksBefore(
  a: { name: string | null; uses: readonly unknown[]; first: number },
  b: { name: string | null; uses: readonly unknown[]; first: number },
): boolean {
  if (a.uses.length !== b.uses.length) return a.uses.length > b.uses.length;
  if ((a.name === null) !== (b.name === null)) return a.name !== null;
  if (a.name !== null && b.name !== null && a.name !== b.name) return a.name < b.name;
  return a.first < b.first;
}

/** Every error response's JSON body with a schema, in document order: each operation's responses count apart. */
export function errorBodies<N>(view: SpecView<N>): ErrorBody<N>[] {
  const bodies: ErrorBody<N>[] = [];
  const paths = view.member(view.root, "paths");
  if (!paths || !isObject(view.value(paths))) return bodies;
  for (const [path, declaredItem] of view.members(paths)) {
    if (!path.startsWith("/")) continue;
    const item = view.resolve(declaredItem);
    if (!isObject(view.value(item))) continue;
    for (const method of HTTP_METHODS) {
      const responses = objectMember(view, item, method, "responses");
      if (!responses) continue;
      for (const [status, declaredResponse] of view.members(responses)) {
        if (!isErrorStatus(status)) continue;
        const content = objectMember(view, view.resolve(declaredResponse), "content");
        if (!content) continue;
        const entries = new Map(view.members(content));
        const mediaType = errorBodyMediaType(entries.keys());
        const media = mediaType === undefined ? undefined : entries.get(mediaType);
        const written = media === undefined ? undefined : objectMember(view, view.resolve(media), "schema");
        if (mediaType === undefined || written === undefined) continue;
        const schema = view.resolve(written);
        // A broken or circular `$ref` chain ends at a ref: no schema to speak of.
        if (!isSchemaObject(view.value(schema))) continue;
        bodies.push({ path, method, status, mediaType, written, schema });
      }
    }
  }
  return bodies;
}

/** The member at `keys` below `node` (refs followed on the way), when it is an object. */
function objectMember<N>(view: SpecView<N>, node: N, ...keys: string[]): N | undefined {
  let current: N | undefined = node;
  for (const key of keys) {
    current = current === undefined ? undefined : view.member(view.resolve(current), key);
    if (current === undefined) return undefined;
  }
  return current !== undefined && isObject(view.value(view.resolve(current))) ? current : undefined;
}

/** `components.schemas[name]` after `$ref`s, when it is an object. */
function configuredSchema<N>(view: SpecView<N>, name: string): N | undefined {
  const schemas = objectMember(view, view.root, "components", "schemas");
  const declared = schemas === undefined ? undefined : view.member(view.resolve(schemas), name);
  if (declared === undefined) return undefined;
  const schema = view.resolve(declared);
  return isSchemaObject(view.value(schema)) ? schema : undefined;
}

/** A schema object a `$ref` chain really ended at (a chain that breaks off ends at a `$ref`). */
function isSchemaObject(value: unknown): boolean {
  return isObject(value) && typeof value.$ref !== "string";
}

/** The `components.schemas` key of each place a schema is defined at; a definition's own key beats an alias's. */
function componentNames<N>(view: SpecView<N>): Map<string, string> {
  const names = new Map<string, string>();
  const schemas = objectMember(view, view.root, "components", "schemas");
  if (schemas === undefined) return names;
  for (const [name, declared] of view.members(view.resolve(schemas))) {
    const place = view.place(view.resolve(declared));
    const isDefinition = place === view.place(declared);
    if (!names.has(place) || isDefinition) names.set(place, name);
  }
  return names;
}

/** The served media type most of the uses declare (ties: the first seen). */
function mostDeclared(uses: ReadonlyArray<ErrorBody<unknown>>): string | undefined {
  const counts = new Map<string, number>();
  for (const use of uses) {
    const served = servedMediaType(use.mediaType);
    counts.set(served, (counts.get(served) ?? 0) + 1);
  }
  let best: [string, number] | undefined;
  for (const entry of counts) if (!best || entry[1] > best[1]) best = entry;
  return best?.[0];
}

/** Tells inline schemas apart by what they say; undefined for a value JSON cannot write (a cycle of YAML aliases). */
function contentKey(value: unknown): string | undefined {
  try {
    return JSON.stringify(value);
  } catch {
    return undefined;
  }
}
