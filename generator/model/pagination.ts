// Which pagination scheme a list operation uses: declared (x-pagination on the operation, else config) and verified
// against the spec, otherwise detected per CONVENTIONS.md §1 where the schema proves it. Never guessed: an
// operation-level declaration that does not fit the spec is an error, and ambiguous evidence detects nothing (the
// client then returns the first page, and `.pages()` stays available by hand).
import type { FieldPath, JsonSchema, Pagination } from "./ir.js";
import type { PaginationContext, PaginationDeclaration } from "./pagination-context.js";
import { ModelError } from "./model-error.js";
import { isObject, type RefResolver } from "./refs.js";
import { detectPagination, offsetEndSignals } from "./pagination-detect.js";
import { SIZE_PARAMS, fieldPathOf, findItemsField, isStringLike, schemaAt } from "./pagination-schema.js";

export type { PaginationContext, PaginationDeclaration };

/** The members each style accepts (same shape as the lint rule's, generator/conventions/rules/pagination/declaration.ts). */
export const DECLARATION_MEMBERS: Record<PaginationDeclaration["style"], readonly string[]> = {
  cursor: ["tokenParam", "sizeParam", "nextTokenField", "hasMoreField", "itemsField"],
  offset: ["offsetParam", "limitParam", "isLastField", "hasMoreField", "totalField", "itemsField"],
  link: ["sizeParam", "itemsField"],
  after: ["afterParam", "cursorField", "hasMoreField", "sizeParam", "itemsField"],
};

/** Validates a declaration's shape (x-pagination or config); `where` names it in messages. */
export function parseDeclaration(
  value: unknown,
  pointer: string,
  where = "x-pagination",
): PaginationDeclaration | false | undefined {
  if (value === undefined || value === false) return value;
  const styles = Object.keys(DECLARATION_MEMBERS);
  if (!isObject(value) || typeof value.style !== "string" || !styles.includes(value.style)) {
    throw new ModelError(
      `${where} must be false or an object with style ${styles.join(" | ")}`,
      pointer,
      "e.g. { style: after, afterParam: starting_after, hasMoreField: has_more }",
    );
  }
  const known = DECLARATION_MEMBERS[value.style as PaginationDeclaration["style"]];
  for (const [key, name] of Object.entries(value)) {
    if (key !== "style" && !known.includes(key))
      throw new ModelError(
        `${where} (style ${value.style}) has no member "${key}"`,
        pointer,
        `use only: style, ${known.join(", ")}`,
      );
    if (typeof name !== "string" || name === "")
      throw new ModelError(
        `${where}.${key} must be a non-empty string`,
        pointer,
        "give the parameter name, or the field's dotted path (next_page.offset), as a string",
      );
  }
  return value as PaginationDeclaration;
}

/** Resolves a declaration against the operation; returns the reason it does not fit instead of a scheme. */
function applyDeclaration(
  decl: PaginationDeclaration,
  ctx: PaginationContext,
  resolver: RefResolver,
): Pagination | string {
  const problems: string[] = [];
  const param = (name: string): string => {
    if (!ctx.queryParams.has(name)) problems.push(`query parameter "${name}" does not exist`);
    return name;
  };
  const optionalParam = (name: string | undefined): string | null => (name === undefined ? null : param(name));
  const field = (dotted: string, root: JsonSchema | null = ctx.successSchema, what = "response field"): FieldPath => {
    const path = fieldPathOf(dotted);
    if (schemaAt(resolver, root, path) === undefined) problems.push(`${what} "${dotted}" does not exist`);
    return path;
  };
  const optionalField = (dotted: string | undefined): FieldPath | null => (dotted === undefined ? null : field(dotted));
  const size = (declared: string | undefined) =>
    optionalParam(declared ?? SIZE_PARAMS.find((name) => ctx.queryParams.has(name)));
  const preferredItems = decl.itemsField ?? (decl.style === "cursor" ? ctx.itemsField : undefined);
  const itemsField = findItemsField(
    resolver,
    ctx.successSchema,
    preferredItems === undefined ? undefined : fieldPathOf(preferredItems),
    decl.itemsField !== undefined,
  );
  const items = itemsField ?? null;
  const source = "declared" as const;
  let scheme: Pagination;
  switch (decl.style) {
    case "cursor": {
      const tokenParam = param(decl.tokenParam ?? "page_token");
      const nextTokenField = field(decl.nextTokenField ?? "next_page_token");
      const hasMoreField = optionalField(decl.hasMoreField);
      const sizeParam = optionalParam(decl.sizeParam ?? (ctx.queryParams.has("page_size") ? "page_size" : undefined));
      scheme = { kind: "cursor", source, tokenParam, sizeParam, nextTokenField, hasMoreField, itemsField: items };
      break;
    }
    case "offset": {
      const offsetParam = param(decl.offsetParam ?? "offset");
      const limitParam = param(decl.limitParam ?? "limit");
      for (const name of [offsetParam, limitParam]) {
        const schema = ctx.queryParams.get(name);
        // A string offset is an opaque token (Asana): adding a number to it would send a request the API refuses.
        if (schema !== undefined && isStringLike(resolver, schema))
          problems.push(
            `query parameter "${name}" is a string, not a number (a string offset is a token: use style cursor)`,
          );
      }
      // End signals not declared are read from the schema when it has them: they only end the list sooner.
      const found = offsetEndSignals(resolver, ctx.successSchema);
      const signals = {
        isLastField: decl.isLastField === undefined ? found.isLastField : field(decl.isLastField),
        hasMoreField: decl.hasMoreField === undefined ? found.hasMoreField : field(decl.hasMoreField),
        totalField: decl.totalField === undefined ? found.totalField : field(decl.totalField),
      };
      scheme = { kind: "offset", source, offsetParam, limitParam, ...signals, itemsField: items };
      break;
    }
    case "link": {
      const sizeParam = size(decl.sizeParam);
      if (!ctx.successHeaders.has("link")) problems.push("the success response declares no Link header");
      scheme = { kind: "link", source, sizeParam, itemsField: items };
      break;
    }
    case "after": {
      const afterParam = param(decl.afterParam ?? "starting_after");
      const hasMoreField = field(decl.hasMoreField ?? "has_more");
      const sizeParam = size(decl.sizeParam);
      const itemSchema = itemSchemaOf(resolver, ctx.successSchema, items ?? []);
      // The default `id` is not verified (an item schema may leave it implicit); a declared one must exist.
      const cursorField =
        decl.cursorField === undefined
          ? ["id"]
          : itemSchema
            ? field(decl.cursorField, itemSchema, "item field")
            : fieldPathOf(decl.cursorField);
      scheme = { kind: "after", source, afterParam, cursorField, hasMoreField, sizeParam, itemsField: items };
      break;
    }
  }
  if (itemsField === undefined)
    problems.push(`no items array in the success response${decl.itemsField ? ` at "${decl.itemsField}"` : ""}`);
  return problems[0] ?? scheme;
}

/** The schema of one item of the items array at `items` (for verifying a declared cursor field). */
function itemSchemaOf(resolver: RefResolver, root: JsonSchema | null, items: FieldPath): JsonSchema | null {
  const array = resolver.resolve(schemaAt(resolver, root, items));
  return isObject(array?.items) ? (array.items as JsonSchema) : null;
}

/** A list operation: a GET on a collection path (last segment not a `{param}`). */
function isListOperation(ctx: PaginationContext): boolean {
  return ctx.method === "get" && !/\}\/?$/.test(ctx.path);
}

export function paginationFor(ctx: PaginationContext, resolver: RefResolver): Pagination | null {
  const scheme = schemeFor(ctx, resolver);
  return scheme?.kind === "cursor" ? withTokenEncoding(scheme, ctx, resolver) : scheme;
}

/** A cursor scheme whose next-token field is `format: byte` carries its tokens base64-encoded (see ir.ts). */
function withTokenEncoding(
  scheme: Extract<Pagination, { kind: "cursor" }>,
  ctx: PaginationContext,
  resolver: RefResolver,
): Pagination {
  const field = resolver.resolve(schemaAt(resolver, ctx.successSchema, scheme.nextTokenField));
  return field?.format === "byte" ? { ...scheme, tokenEncoding: "base64" } : scheme;
}

function schemeFor(ctx: PaginationContext, resolver: RefResolver): Pagination | null {
  const pointer = ctx.declaredWhere === "x-pagination" ? ctx.pointer + "/x-pagination" : ctx.pointer;
  const declared = parseDeclaration(ctx.declared, pointer, ctx.declaredWhere);
  if (declared === false) return null;
  if (declared) {
    const result = applyDeclaration(declared, ctx, resolver);
    if (typeof result === "string") {
      throw new ModelError(
        `${ctx.declaredWhere} (style ${declared.style}) on ${ctx.method.toUpperCase()} ${ctx.path}: ${result}`,
        pointer,
        `name the operation's real query parameters and response fields (dotted paths for nested fields) in ${ctx.declaredWhere}, or remove it`,
      );
    }
    return result;
  }
  if (!isListOperation(ctx)) return null;
  if (ctx.configured) {
    const result = applyDeclaration(ctx.configured, ctx, resolver);
    // An API-wide declaration applies to the operations it fits; the others fall through to detection.
    if (typeof result !== "string") return result;
  }
  return ctx.detect ? detectPagination(ctx, resolver) : null;
}
