import { listOperationOf } from "../../helpers/list-operation.js";
import { defineRule } from "../../rule.js";
import { optionsSchema, BOOLEAN } from "../../option-schemas.js";
import { apiPaginationStyle } from "./api-style.js";
import { operationLabel } from "./operation-label.js";
import { pagingStyleOf, STYLE_PARAMS } from "./paging-style.js";

/** §4, AIP-158: every list is paginated from day one (adding it later breaks clients), and pages are objects. */
export default defineRule({
  id: "pagination/required",
  description:
    "Every list operation (a GET on a collection path returning a collection) takes pagination parameters and returns an object envelope, not a top-level array.",
  recommended: "error",
  defaultOptions: {
    /** Accept a bare array body (e.g. offset style where the Link header alone carries the paging). */
    allowTopLevelArray: false,
  },
  optionsSchema: optionsSchema({ allowTopLevelArray: BOOLEAN }),
  create({ document, settings, options, report }) {
    const style = apiPaginationStyle(document, settings);
    const { itemsProperty } = settings.pagination;
    const envelope =
      style === "cursor" ? `{ ${itemsProperty}: [...], next_page_token }` : `{ ${itemsProperty}: [...], total_size }`;
    return {
      operation(operation) {
        const list = listOperationOf(document, operation, settings);
        // A declared scheme (x-pagination) is verified by pagination/params and pagination/response instead.
        if (!list || "x-pagination" in operation.node.value) return;
        const label = operationLabel(operation);
        if (!pagingStyleOf(operation)) {
          report({
            message: `${label} returns a collection but cannot be paged; add the query parameters ${STYLE_PARAMS[style]} (adding pagination later is a breaking change), or declare the scheme it uses with x-pagination`,
            at: operation.node.at,
          });
        }
        if (list.items.kind === "body" && !options.allowTopLevelArray) {
          report({
            message: `the ${list.body.response.status} response of ${label} is a top-level array, which leaves no room for paging fields; return an object ${envelope}`,
            at: list.body.schemaEntry.at,
          });
        }
      },
    };
  },
});
