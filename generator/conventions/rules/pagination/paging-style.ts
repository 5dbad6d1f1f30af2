// How an operation pages, read from its query parameters: the API's style must be recognisable to be enforced.
import type { OperationInfo } from "../../operation-info.js";
import type { PaginationStyle } from "../../settings.js";
import type { DeclaredStyle } from "./declaration.js";

export type PagingStyle = "cursor" | "offset" | "after" | "page";

/** Parameters that let a caller reach the next page, per style (page sizes alone do not). */
const NEXT_PAGE_PARAMS: ReadonlyArray<readonly [PagingStyle, readonly string[]]> = [
  ["cursor", ["page_token", "pageToken"]],
  ["offset", ["offset", "skip", "$skip"]],
  [
    "after",
    ["starting_after", "ending_before", "after", "before", "cursor", "marker", "continuation_token", "next_token"],
  ],
  ["page", ["page", "page_number", "pageNumber"]],
];

export const STYLE_LABELS: Record<PagingStyle | DeclaredStyle, string> = {
  cursor: "page_token cursors",
  offset: "offset/limit",
  after: "keyset cursors (starting_after, after)",
  page: "page numbers (page, per_page)",
  link: "the Link header (declared)",
};

/** The parameters each configured style asks for, for messages that say what to add. */
export const STYLE_PARAMS: Record<PaginationStyle, string> = {
  cursor: "page_size (integer, minimum 1, maximum, default) and page_token (string)",
  offset: "offset (integer, minimum 0) and limit (integer, minimum 1, maximum, default)",
};

/** The style the operation's query parameters page with, and the parameter that shows it; undefined when none. */
export function pagingStyleOf(operation: OperationInfo): { style: PagingStyle; parameter: string } | undefined {
  const query = new Set(operation.parameters.filter((p) => p.value.in === "query").map((p) => String(p.value.name)));
  for (const [style, names] of NEXT_PAGE_PARAMS) {
    const parameter = names.find((name) => query.has(name));
    if (parameter !== undefined) return { style, parameter };
  }
  return undefined;
}
