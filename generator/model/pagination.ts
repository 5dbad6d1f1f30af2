// Which pagination scheme a list operation uses: declared (x-pagination on the operation, else config) and verified
// against the spec, otherwise detected per CONVENTIONS.md §1 (cursor, offset, Link header). Never guessed silently:
// an operation-level declaration that does not fit the spec is an error.
import type { JsonSchema, Pagination } from "./ir.js";
import { ModelError } from "./model-error.js";
import { isObject, type RefResolver } from "./refs.js";

export type PaginationDeclaration =
  | { style: "cursor"; tokenParam?: string; sizeParam?: string; nextTokenField?: string; itemsField?: string }
  | { style: "offset"; offsetParam?: string; limitParam?: string; itemsField?: string }
  | { style: "link"; sizeParam?: string; itemsField?: string }
  | { style: "after"; afterParam?: string; cursorField?: string; hasMoreField?: string; sizeParam?: string; itemsField?: string };

export interface PaginationContext {
  method: string;
  path: string;
  /** JSON pointer of the operation (for errors). */
  pointer: string;
  queryParams: ReadonlySet<string>;
  /** Schema of the first 2xx JSON response, if any. */
  successSchema: JsonSchema | null;
  successHeaders: ReadonlySet<string>;
  /** The operation's `x-pagination` (or its config entry by operationId): a declaration, `false` to opt out, or undefined. */
  declared: unknown;
  /** Where `declared` comes from, for messages ("x-pagination" or "config pagination.<operationId>"). */
  declaredWhere: string;
  /** API-wide declaration from config, applied where it fits. */
  configured: PaginationDeclaration | undefined;
  /** Name of the items array in cursor envelopes (config; default "items"). */
  itemsField: string;
}

const SIZE_PARAMS = ["page_size", "per_page", "limit", "pageSize", "perPage"];

/** Where the items are: null when the body is the array; undefined when the response carries no array. */
function findItemsField(resolver: RefResolver, schema: JsonSchema | null, preferred: string | undefined): string | null | undefined {
  if (!schema) return undefined;
  if (resolver.isArraySchema(schema)) return null;
  const arrays = [...resolver.properties(schema)].filter(([, property]) => resolver.isArraySchema(property)).map(([name]) => name);
  if (preferred !== undefined) return arrays.includes(preferred) ? preferred : undefined;
  if (arrays.length === 1) return arrays[0];
  return ["items", "data", "results"].find((name) => arrays.includes(name));
}

/** The members each style accepts (same shape as the lint rule's, generator/conventions/rules/pagination/declaration.ts). */
const MEMBERS: Record<PaginationDeclaration["style"], string[]> = {
  cursor: ["tokenParam", "sizeParam", "nextTokenField", "itemsField"],
  offset: ["offsetParam", "limitParam", "itemsField"],
  link: ["sizeParam", "itemsField"],
  after: ["afterParam", "cursorField", "hasMoreField", "sizeParam", "itemsField"],
};

/** Validates a declaration's shape (x-pagination or config); `where` names it in messages. */
export function parseDeclaration(value: unknown, pointer: string, where = "x-pagination"): PaginationDeclaration | false | undefined {
  if (value === undefined || value === false) return value;
  const styles = Object.keys(MEMBERS);
  if (!isObject(value) || typeof value.style !== "string" || !styles.includes(value.style)) {
    throw new ModelError(`${where} must be false or an object with style ${styles.join(" | ")}`, pointer, "e.g. { style: after, afterParam: starting_after, hasMoreField: has_more }");
  }
  const known = MEMBERS[value.style as PaginationDeclaration["style"]];
  for (const [key, name] of Object.entries(value)) {
    if (key !== "style" && !known.includes(key)) throw new ModelError(`${where} (style ${value.style}) has no member "${key}"`, pointer, `use only: style, ${known.join(", ")}`);
    if (typeof name !== "string" || name === "") throw new ModelError(`${where}.${key} must be a non-empty string`, pointer, "give the parameter or field name as a string");
  }
  return value as PaginationDeclaration;
}

/** Resolves a declaration against the operation; returns the reason it does not fit instead of a scheme. */
function applyDeclaration(decl: PaginationDeclaration, ctx: PaginationContext, resolver: RefResolver): Pagination | string {
  const properties = ctx.successSchema ? resolver.properties(ctx.successSchema) : new Map<string, JsonSchema>();
  const param = (name: string) => (ctx.queryParams.has(name) ? undefined : `query parameter "${name}" does not exist`);
  const field = (name: string) => (properties.has(name) ? undefined : `response field "${name}" does not exist`);
  const optionalSize = (declared: string | undefined) => declared ?? SIZE_PARAMS.find((name) => ctx.queryParams.has(name)) ?? null;
  const itemsField = findItemsField(resolver, ctx.successSchema, decl.itemsField ?? (decl.style === "cursor" ? ctx.itemsField : undefined));
  const items = itemsField === undefined ? `no items array in the success response${decl.itemsField ? ` named "${decl.itemsField}"` : ""}` : undefined;
  const source = "declared" as const;
  let problem: string | undefined;
  let scheme: Pagination;
  switch (decl.style) {
    case "cursor": {
      const tokenParam = decl.tokenParam ?? "page_token";
      const nextTokenField = decl.nextTokenField ?? "next_page_token";
      const sizeParam = decl.sizeParam ?? (ctx.queryParams.has("page_size") ? "page_size" : null);
      problem = param(tokenParam) ?? field(nextTokenField) ?? (sizeParam ? param(sizeParam) : undefined) ?? items;
      scheme = { kind: "cursor", source, tokenParam, sizeParam, nextTokenField, itemsField: itemsField ?? null };
      break;
    }
    case "offset": {
      const offsetParam = decl.offsetParam ?? "offset";
      const limitParam = decl.limitParam ?? "limit";
      problem = param(offsetParam) ?? param(limitParam) ?? items;
      scheme = { kind: "offset", source, offsetParam, limitParam, itemsField: itemsField ?? null };
      break;
    }
    case "link": {
      const sizeParam = optionalSize(decl.sizeParam);
      const linkHeader = ctx.successHeaders.has("link") ? undefined : "the success response declares no Link header";
      problem = (sizeParam ? param(sizeParam) : undefined) ?? linkHeader ?? items;
      scheme = { kind: "link", source, sizeParam, itemsField: itemsField ?? null };
      break;
    }
    case "after": {
      const afterParam = decl.afterParam ?? "starting_after";
      const hasMoreField = decl.hasMoreField ?? "has_more";
      const sizeParam = optionalSize(decl.sizeParam);
      problem = param(afterParam) ?? field(hasMoreField) ?? (sizeParam ? param(sizeParam) : undefined) ?? items;
      scheme = { kind: "after", source, afterParam, cursorField: decl.cursorField ?? "id", hasMoreField, sizeParam, itemsField: itemsField ?? null };
      break;
    }
  }
  return problem ?? scheme;
}

function detect(ctx: PaginationContext, resolver: RefResolver): Pagination | null {
  const source = "detected" as const;
  const sizeParam = SIZE_PARAMS.find((name) => ctx.queryParams.has(name)) ?? null;
  const itemsField = findItemsField(resolver, ctx.successSchema, undefined);
  if (itemsField === undefined) return null;
  const properties = ctx.successSchema ? resolver.properties(ctx.successSchema) : new Map<string, JsonSchema>();
  if (ctx.queryParams.has("page_token") && properties.has("next_page_token")) {
    const cursorItems = findItemsField(resolver, ctx.successSchema, ctx.itemsField) ?? itemsField;
    return { kind: "cursor", source, tokenParam: "page_token", sizeParam, nextTokenField: "next_page_token", itemsField: cursorItems };
  }
  if (ctx.queryParams.has("offset") && ctx.queryParams.has("limit")) {
    return { kind: "offset", source, offsetParam: "offset", limitParam: "limit", itemsField };
  }
  if (ctx.successHeaders.has("link")) return { kind: "link", source, sizeParam, itemsField };
  return null;
}

/** A list operation: a GET on a collection path (last segment not a `{param}`). */
function isListOperation(ctx: PaginationContext): boolean {
  return ctx.method === "get" && !/\}\/?$/.test(ctx.path);
}

export function paginationFor(ctx: PaginationContext, resolver: RefResolver): Pagination | null {
  const pointer = ctx.declaredWhere === "x-pagination" ? ctx.pointer + "/x-pagination" : ctx.pointer;
  const declared = parseDeclaration(ctx.declared, pointer, ctx.declaredWhere);
  if (declared === false) return null;
  if (declared) {
    const result = applyDeclaration(declared, ctx, resolver);
    if (typeof result === "string") {
      throw new ModelError(`${ctx.declaredWhere} (style ${declared.style}) on ${ctx.method.toUpperCase()} ${ctx.path}: ${result}`, pointer, `name the operation's real query parameters and response fields in ${ctx.declaredWhere}, or remove it`);
    }
    return result;
  }
  if (!isListOperation(ctx)) return null;
  if (ctx.configured) {
    const result = applyDeclaration(ctx.configured, ctx, resolver);
    // An API-wide declaration applies to the operations it fits; the others fall through to detection.
    if (typeof result !== "string") return result;
  }
  return detect(ctx, resolver);
}
