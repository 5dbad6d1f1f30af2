// Detection (no declaration): a scheme only where the operation's parameters and response schema prove it. A name
// alone proves nothing: a numeric offset needs numeric offset and limit parameters; a token parameter needs the
// response field that carries the next token back. Anything else detects nothing (see pagination.ts).
import type { FieldPath, JsonSchema, Pagination } from "./ir.js";
import type { RefResolver } from "./refs.js";
import type { PaginationContext } from "./pagination-context.js";
import {
  SIZE_PARAMS,
  fieldPathOf,
  findItemsField,
  isBooleanSchema,
  isNumericSchema,
  isStringLike,
  isUrlSchema,
  schemaAt,
} from "./pagination-schema.js";

/** Query parameters that carry an opaque token back (Google, Slack, Notion, Facebook, Asana's string offset). */
const TOKEN_PARAMS = ["page_token", "pageToken", "cursor", "start_cursor", "after", "next", "offset"];
/** Response fields holding the next token, most specific first (Slack, Asana, JSON:API-ish `meta`, Facebook...). */
const NEXT_TOKEN_FIELDS = [
  "next_page_token",
  "nextPageToken",
  "next_cursor",
  "nextCursor",
  "response_metadata.next_cursor",
  "meta.next_cursor",
  "next_page.offset",
  "pagination.next_cursor",
  "paging.cursors.after",
  "links.next",
  "next",
].map(fieldPathOf);
const HAS_MORE_NAMES = ["has_more", "hasMore"];
const IS_LAST_NAMES = ["isLast", "is_last"];
const TOTAL_NAMES = ["total", "total_count", "totalCount", "total_size", "totalSize", "total_results", "totalResults"];
/** Numeric offset/size pairs: Jira's `startAt`/`maxResults` besides the plain ones. */
const OFFSET_PAIRS: [string, string][] = [
  ["offset", "limit"],
  ["startAt", "maxResults"],
  ["start_at", "max_results"],
  ["skip", "limit"],
  ["start", "limit"],
];

export function detectPagination(ctx: PaginationContext, resolver: RefResolver): Pagination | null {
  const itemsField = findItemsField(resolver, ctx.successSchema, undefined, false);
  if (itemsField === undefined) return null;
  const sizeParam = SIZE_PARAMS.find((name) => ctx.queryParams.has(name)) ?? null;
  const evidence = { ctx, resolver, itemsField, sizeParam };
  const cursor = detectCursor(evidence);
  if (cursor !== undefined) return cursor;
  return (
    detectAfter(evidence) ??
    detectOffset(evidence) ??
    (ctx.successHeaders.has("link") ? { kind: "link", source: "detected", sizeParam, itemsField } : null)
  );
}

interface Evidence {
  ctx: PaginationContext;
  resolver: RefResolver;
  itemsField: FieldPath | null;
  sizeParam: string | null;
}

/** `page_token` <-> `next_page_token`, `start_cursor` <-> `next_cursor`, `offset` <-> `next_page.offset`, `next` <-> `links.next`. */
function sameToken(param: string, field: FieldPath): boolean {
  const core = (name: string, prefix: string) => {
    const flat = name.replace(/_/g, "").toLowerCase();
    return flat.startsWith(prefix) && flat.length > prefix.length ? flat.slice(prefix.length) : flat;
  };
  return core(param, "start") === core(field[field.length - 1] ?? "", "next");
}

/** A scheme, null when the evidence is ambiguous (stop detecting), undefined when there is no token evidence. */
function detectCursor({ ctx, resolver, itemsField, sizeParam }: Evidence): Pagination | null | undefined {
  const root = ctx.successSchema;
  const tokenParams = TOKEN_PARAMS.filter((name) => {
    const schema = ctx.queryParams.get(name);
    // A numeric offset/after is a position, not a token; an untyped `offset` proves neither.
    return (
      schema !== undefined && (name === "offset" ? isStringLike(resolver, schema) : !isNumericSchema(resolver, schema))
    );
  });
  const nextFields = NEXT_TOKEN_FIELDS.filter((path) => {
    const schema = schemaAt(resolver, root, path);
    return schema !== undefined && isTokenSchema(resolver, schema);
  });
  if (tokenParams.length === 0 || nextFields.length === 0) return undefined;
  const pairs = tokenParams.flatMap((param) =>
    nextFields.filter((field) => sameToken(param, field)).map((field) => ({ param, field })),
  );
  // Unpaired, only a field named as a token (`next_cursor` for `after`) fits: a bare `next` is often a page URL
  // (Django REST framework's `next` next to `cursor`), which sent back as a token would be refused.
  const tokenish = nextFields.filter((field) => /cursor|token|offset/i.test(field[field.length - 1] ?? ""));
  const pair =
    pairs.length >= 1
      ? pairs[0]
      : tokenParams.length === 1 && tokenish.length === 1
        ? { param: tokenParams[0]!, field: tokenish[0]! }
        : undefined;
  // Two candidate tokens that pair with nothing, or one parameter and several unrelated fields: do not guess.
  if (pair === undefined || new Set(pairs.map(({ param }) => param)).size > 1) return null;
  const parent = pair.field.slice(0, -1);
  const hasMoreField = booleanField(resolver, root, [parent, []], HAS_MORE_NAMES);
  return {
    kind: "cursor",
    source: "detected",
    tokenParam: pair.param,
    sizeParam,
    nextTokenField: pair.field,
    hasMoreField,
    itemsField,
  };
}

/** A token is a scalar that is not a URL (a `links.next` URL is followed, not sent back) nor a boolean. */
function isTokenSchema(resolver: RefResolver, schema: JsonSchema): boolean {
  const type = resolver.resolve(schema)?.type;
  const types = Array.isArray(type) ? type : type === undefined ? [] : [type];
  if (types.some((t) => t === "object" || t === "array" || t === "boolean")) return false;
  return !isUrlSchema(resolver, schema);
}

/** Stripe: `starting_after` = the last item's `id` while `has_more` is true. */
function detectAfter({ ctx, resolver, itemsField, sizeParam }: Evidence): Pagination | undefined {
  if (!ctx.queryParams.has("starting_after") || itemsField === undefined) return undefined;
  const hasMoreField = booleanField(resolver, ctx.successSchema, [[]], HAS_MORE_NAMES);
  if (hasMoreField === null) return undefined;
  const array = resolver.resolve(schemaAt(resolver, ctx.successSchema, itemsField ?? []));
  const item = array?.items;
  if (item !== undefined && schemaAt(resolver, item as JsonSchema, ["id"]) === undefined) return undefined;
  return {
    kind: "after",
    source: "detected",
    afterParam: "starting_after",
    cursorField: ["id"],
    hasMoreField,
    sizeParam,
    itemsField,
  };
}

function detectOffset({ ctx, resolver, itemsField }: Evidence): Pagination | undefined {
  const numeric = (name: string) => {
    const schema = ctx.queryParams.get(name);
    return schema !== undefined && isNumericSchema(resolver, schema);
  };
  const pair = OFFSET_PAIRS.find(([offset, limit]) => numeric(offset) && numeric(limit));
  if (pair === undefined) return undefined;
  const root = ctx.successSchema;
  const places: FieldPath[] = [[], ["meta"], ["pagination"]];
  return {
    kind: "offset",
    source: "detected",
    offsetParam: pair[0],
    limitParam: pair[1],
    ...offsetEndSignals(resolver, root, places),
    itemsField,
  };
}

/** The end-of-list fields an offset response has (Jira's `isLast` and `total`), each null when absent. */
export function offsetEndSignals(resolver: RefResolver, root: JsonSchema | null, places: FieldPath[] = [[]]) {
  return {
    isLastField: booleanField(resolver, root, places, IS_LAST_NAMES),
    hasMoreField: booleanField(resolver, root, places, HAS_MORE_NAMES),
    totalField: firstField(resolver, root, places, TOTAL_NAMES, (schema) => isNumericSchema(resolver, schema)),
  };
}

function booleanField(
  resolver: RefResolver,
  root: JsonSchema | null,
  places: FieldPath[],
  names: string[],
): FieldPath | null {
  return firstField(resolver, root, places, names, (schema) => isBooleanSchema(resolver, schema));
}

function firstField(
  resolver: RefResolver,
  root: JsonSchema | null,
  places: FieldPath[],
  names: string[],
  fits: (schema: JsonSchema) => boolean,
): FieldPath | null {
  for (const place of places) {
    for (const name of names) {
      const path = [...place, name];
      const schema = schemaAt(resolver, root, path);
      if (schema !== undefined && fits(schema)) return path;
    }
  }
  return null;
}
