// `x-pagination` on an operation: the author declares how a list pages when it does not follow the API's style
// (Stripe's `starting_after` + `has_more`, GitHub's `per_page`/`page` + `Link`). The pagination rules verify the
// declaration against the spec instead of applying the style rules. Same shape and defaults as the client model's
// (generator/model/pagination.ts), so lint and generated client agree on what a declaration means.
import type { Located, NodeRef, SpecDocument } from "../../../load/index.js";
import { isObject, type OperationInfo } from "../../operation-info.js";

export const DECLARED_STYLES = ["cursor", "offset", "link", "after"] as const;
export type DeclaredStyle = (typeof DECLARED_STYLES)[number];

/** One name the declaration relies on: a query parameter, or a response field as a dotted path (`next_page.offset`). */
export interface DeclaredName {
  key: string;
  name: string;
  /** The declaration member naming it, or the `x-pagination` node when the default name applies. */
  at: Located;
}

export interface PaginationDeclaration {
  style: DeclaredStyle;
  node: Located;
  params: DeclaredName[];
  fields: DeclaredName[];
  /** Fields of each item (Stripe's cursor is the last item's `id`). */
  itemFields: DeclaredName[];
  /** Name of the items array when declared; otherwise the items are found as for any list. */
  itemsField: DeclaredName | undefined;
  /** The success response must declare a `Link` header (RFC 8288) to follow. */
  needsLinkHeader: boolean;
}

/** Per style: the parameters and fields it relies on, with the model's defaults; `null` = only checked when declared. */
type Names = Record<string, string | null>;
const SHAPES: Record<DeclaredStyle, { params: Names; fields: Names; itemFields: Names; link: boolean }> = {
  cursor: {
    params: { tokenParam: "page_token", sizeParam: null },
    fields: { nextTokenField: "next_page_token", hasMoreField: null },
    itemFields: {},
    link: false,
  },
  offset: {
    params: { offsetParam: "offset", limitParam: "limit" },
    fields: { isLastField: null, hasMoreField: null, totalField: null },
    itemFields: {},
    link: false,
  },
  link: { params: { sizeParam: null }, fields: {}, itemFields: {}, link: true },
  after: {
    params: { afterParam: "starting_after", sizeParam: null },
    fields: { hasMoreField: "has_more" },
    itemFields: { cursorField: "id" },
    link: false,
  },
};

/** The members each style accepts besides `style` (kept equal to the generator's, test/conventions/rules/pagination/declaration-shape.test.ts). */
export const DECLARED_MEMBERS: Record<DeclaredStyle, readonly string[]> = {
  cursor: membersOf("cursor"),
  offset: membersOf("offset"),
  link: membersOf("link"),
  after: membersOf("after"),
};

function membersOf(style: DeclaredStyle): string[] {
  const shape = SHAPES[style];
  return ["itemsField", ...Object.keys(shape.params), ...Object.keys(shape.fields), ...Object.keys(shape.itemFields)];
}

export type DeclarationResult =
  | { declaration: PaginationDeclaration }
  | { invalid: { message: string; at: NodeRef } }
  | undefined;

/** The operation's `x-pagination` object parsed; undefined when absent or `false` (the opt-out). */
export function paginationDeclarationOf(document: SpecDocument, operation: OperationInfo): DeclarationResult {
  const node = document.child(operation.node, "x-pagination");
  if (!node || node.value === false) return undefined;
  const value = node.value;
  const allowed = DECLARED_STYLES.join(" | ");
  if (
    !isObject(value) ||
    typeof value.style !== "string" ||
    !(DECLARED_STYLES as readonly string[]).includes(value.style)
  ) {
    return {
      invalid: {
        message: `x-pagination must be false or an object with style ${allowed}, e.g. { style: after, afterParam: starting_after, hasMoreField: has_more }`,
        at: node.at,
      },
    };
  }
  const style = value.style as DeclaredStyle;
  const shape = SHAPES[style];
  const known = new Set(["style", ...DECLARED_MEMBERS[style]]);
  for (const [key, member] of document.children(node)) {
    if (!known.has(key))
      return {
        invalid: {
          message: `x-pagination (style ${style}) has no member "${key}"; known members: ${[...known].join(", ")}`,
          at: member.at,
        },
      };
    if (typeof member.value !== "string" || member.value === "")
      return {
        invalid: {
          message: `x-pagination.${key} must be a non-empty string naming a ${key.endsWith("Param") ? "query parameter" : "response field (a dotted path for a nested one: next_page.offset)"}`,
          at: member.at,
        },
      };
  }
  const names = (defaults: Names): DeclaredName[] =>
    Object.entries(defaults).flatMap(([key, fallback]) => {
      const declared = document.child(node, key);
      if (declared) return [{ key, name: declared.value as string, at: declared }];
      return fallback === null ? [] : [{ key, name: fallback, at: node }];
    });
  const items = document.child(node, "itemsField");
  return {
    declaration: {
      style,
      node,
      params: names(shape.params),
      fields: names(shape.fields),
      itemFields: names(shape.itemFields),
      itemsField: items ? { key: "itemsField", name: items.value as string, at: items } : undefined,
      needsLinkHeader: shape.link,
    },
  };
}
