import { listOperationOf, queryParameter } from "../../helpers/list-operation.js";
import type { Located, SpecDocument } from "../../../load/index.js";
import { isObject, type OperationInfo } from "../../operation-info.js";
import { defineRule, type JsonObject } from "../../rule.js";
import { NO_OPTIONS } from "../../option-schemas.js";
import type { PaginationStyle } from "../../settings.js";
import { apiPaginationStyle } from "./api-style.js";
import { paginationDeclarationOf } from "./declaration.js";
import { operationLabel } from "./operation-label.js";
import { checkParameter, PARAMETER_CONVENTIONS, schemaTypeIs } from "./parameter-conventions.js";
import { pagingStyleOf, STYLE_LABELS, type PagingStyle } from "./paging-style.js";

/** §4, AIP-158: the paging parameters of the configured style, with the types, bounds and defaults it asks for. */
export default defineRule({
  id: "pagination/params",
  description:
    "List operations page with the configured style's query parameters (cursor: page_size + page_token; offset: offset + limit), typed, bounded and defaulted; an x-pagination declaration names parameters that exist.",
  recommended: "error",
  defaultOptions: {},
  optionsSchema: NO_OPTIONS,
  create({ document, settings, report }) {
    const style = apiPaginationStyle(document, settings);
    const conventions = PARAMETER_CONVENTIONS[style];
    return {
      operation(operation) {
        const declared = paginationDeclarationOf(document, operation);
        if (declared && "invalid" in declared) return report(declared.invalid);
        if (declared) {
          for (const { key, name, at } of declared.declaration.params) {
            const parameter = queryParameter(operation, name);
            if (!parameter)
              report({
                message: `x-pagination.${key} names the query parameter "${name}", which ${operationLabel(operation)} does not have; add the parameter or correct the declaration`,
                at: at.at,
              });
            else if (declared.declaration.style === "offset" && isStringParameter(document, parameter)) {
              report({
                message: `x-pagination.${key} names "${name}", a string parameter: a numeric offset scheme needs numbers; a string offset is a token (use style cursor with nextTokenField)`,
                at: at.at,
              });
            }
          }
          return;
        }
        if (!listOperationOf(document, operation, settings)) return;
        const found = pagingStyleOf(operation);
        const missing: string[] = [];
        for (const convention of conventions) {
          const parameter = queryParameter(operation, convention.name);
          if (parameter) for (const problem of checkParameter(document, parameter, convention)) report(problem);
          else missing.push(`${convention.name} (${convention.type})`);
        }
        // Not pageable at all: pagination/required says what to add.
        if (!found || missing.length === 0) return;
        report({
          message: missingMessage(operation, style, missing, found),
          at: (document.child(operation.node, "parameters") ?? operation.node).at,
        });
      },
    };
  },
});

function missingMessage(
  operation: OperationInfo,
  style: PaginationStyle,
  missing: string[],
  found: { style: PagingStyle; parameter: string },
): string {
  const what = `${operationLabel(operation)} lacks the ${style}-style query parameter${missing.length > 1 ? "s" : ""} ${missing.join(" and ")}; add ${missing.length > 1 ? "them" : "it"}.`;
  if (found.style !== style)
    return `${what} It pages with ${found.parameter} (${STYLE_LABELS[found.style]}); use the API's ${style} style or declare the scheme with x-pagination.`;
  const named = PARAMETER_CONVENTIONS[style].some((c) => c.name === found.parameter);
  return named ? what : `${what} It pages with ${found.parameter}: rename the parameters to these names.`;
}

/** A parameter whose schema says string and not a number (Asana's opaque `offset`). */
function isStringParameter(document: SpecDocument, parameter: Located<JsonObject>): boolean {
  const schema = document.child(parameter, "schema");
  const resolved = schema ? document.resolve(schema).value : undefined;
  if (!isObject(resolved)) return false;
  return schemaTypeIs(resolved, "string") && !schemaTypeIs(resolved, "integer") && !schemaTypeIs(resolved, "number");
}
