// The paging style the pagination rules hold an API to: the configured `settings.pagination.style`, else the one of
// the conventions' two styles (§4) that the API's list operations use. A consistent offset + Link API is then
// linted as offset without a config; a mixed API is held to its majority (pagination/consistent reports the rest).
import type { SpecDocument } from "../../../load/index.js";
import { listOperationOf } from "../../helpers/list-operation.js";
import { operationsOf } from "../../helpers/operations.js";
import type { ConventionSettings, PaginationStyle } from "../../settings.js";
import { paginationDeclarationOf } from "./declaration.js";
import { pagingStyleOf } from "./paging-style.js";

/** The conventions' default: what a new API (no list pages yet) is asked to use. */
const DEFAULT_STYLE: PaginationStyle = "cursor";

// Inferred once per document (and items name, which decides what a list is), not once per pagination rule.
const inferred = new WeakMap<SpecDocument, Map<string, PaginationStyle>>();

export function apiPaginationStyle(document: SpecDocument, settings: ConventionSettings): PaginationStyle {
  if (settings.pagination.style) return settings.pagination.style;
  let byItems = inferred.get(document);
  if (!byItems) inferred.set(document, (byItems = new Map()));
  let style = byItems.get(settings.pagination.itemsProperty);
  if (!style) byItems.set(settings.pagination.itemsProperty, (style = inferStyle(document, settings)));
  return style;
}

/** The style most list operations page with (declared or detected from their query parameters); cursor on a tie. */
export function inferStyle(document: SpecDocument, settings: ConventionSettings): PaginationStyle {
  const counts: Record<PaginationStyle, number> = { cursor: 0, offset: 0 };
  for (const operation of operationsOf(document)) {
    const declared = paginationDeclarationOf(document, operation);
    const style = declared
      ? "declaration" in declared
        ? declared.declaration.style
        : undefined
      : listOperationOf(document, operation, settings) && pagingStyleOf(operation)?.style;
    if (style === "cursor" || style === "offset") counts[style]++;
  }
  return counts.offset > counts.cursor ? "offset" : DEFAULT_STYLE;
}
