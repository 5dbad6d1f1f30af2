import type { NodeRef } from "../../../load/index.js";
import { listOperationOf } from "../../helpers/list-operation.js";
import { defineRule } from "../../rule.js";
import { NO_OPTIONS } from "../../option-schemas.js";
import { paginationDeclarationOf, type DeclaredStyle } from "./declaration.js";
import { apiPaginationStyle } from "./api-style.js";
import { operationLabel } from "./operation-label.js";
import { pagingStyleOf, STYLE_LABELS, type PagingStyle } from "./paging-style.js";

type Style = PagingStyle | DeclaredStyle;

/** §4: one API pages one way, so clients (and the generated client) handle every list alike. */
export default defineRule({
  id: "pagination/consistent",
  description: "All list operations of an API page in one style (do not mix page_token lists with offset lists).",
  recommended: "error",
  defaultOptions: {},
  optionsSchema: NO_OPTIONS,
  create({ document, settings, report }) {
    const lists: Array<{ style: Style; label: string; at: NodeRef }> = [];
    return {
      operation(operation) {
        const declared = paginationDeclarationOf(document, operation);
        const style = declared
          ? "declaration" in declared
            ? declared.declaration.style
            : undefined
          : listOperationOf(document, operation, settings) && pagingStyleOf(operation)?.style;
        if (style) lists.push({ style, label: operationLabel(operation), at: operation.node.at });
      },
      end() {
        const counts = new Map<Style, number>();
        for (const { style } of lists) counts.set(style, (counts.get(style) ?? 0) + 1);
        if (counts.size < 2) return;
        // The most used style is the API's; on a tie, the configured (or inferred) one.
        const preferred = apiPaginationStyle(document, settings);
        const ranked = [...counts].sort(
          (a, b) => b[1] - a[1] || Number(b[0] === preferred) - Number(a[0] === preferred),
        );
        const [reference, count] = ranked[0]!;
        const example = lists.find((list) => list.style === reference)!.label;
        for (const list of lists) {
          if (list.style === reference) continue;
          report({
            message: `${list.label} pages with ${STYLE_LABELS[list.style]}, but ${count} other list operation(s) page with ${STYLE_LABELS[reference]} (e.g. ${example}); use one style across the API`,
            at: list.at,
          });
        }
      },
    };
  },
});
