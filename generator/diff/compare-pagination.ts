import { isObject, type OperationInfo } from "../conventions/operation-info.js";
import type { SpecDocument } from "../load/index.js";
import { prefix, type DiffContext } from "./context.js";
import { listOperationOf } from "../conventions/helpers/list-operation.js";
import { DEFAULT_SETTINGS } from "../conventions/settings.js";
import type { OperationKey } from "./types.js";

/**
 * How a list operation pages (CONVENTIONS §1): declared with `x-pagination`, else recognised from its query
 * parameters and a `Link` response header. Undefined for an operation that does not page.
 */
export function paginationStyle(operation: OperationInfo): string | undefined {
  const declared = operation.node.value["x-pagination"];
  if (declared === false) return undefined;
  if (isObject(declared) && typeof declared.style === "string") return declared.style;
  const query = new Set(
    operation.parameters
      .filter((parameter) => parameter.value.in === "query")
      .map((parameter) => String(parameter.value.name).toLowerCase().replace(/[-_]/g, "")),
  );
  const has = (...names: string[]) => names.some((name) => query.has(name));
  if (has("pagetoken", "cursor", "nexttoken", "continuationtoken", "startingafter", "after", "endingbefore", "before"))
    return "cursor";
  if (has("offset", "skip", "start")) return "offset";
  if (has("page", "pagenumber")) return "page";
  const linkHeader = successResponses(operation).some(
    ({ response }) =>
      isObject(response.value.headers) &&
      Object.keys(response.value.headers).some((name) => name.toLowerCase() === "link"),
  );
  if (linkHeader) return "link";
  return undefined;
}

/** The lint rules' definition of a list operation (CONVENTIONS §1), so lint and diff agree on what pages. */
function isListOperation(document: SpecDocument, operation: OperationInfo): boolean {
  return listOperationOf(document, operation, DEFAULT_SETTINGS) !== undefined;
}

export function comparePagination(
  context: DiffContext,
  before: OperationInfo,
  after: OperationInfo,
  operation: OperationKey,
): void {
  if (!isListOperation(context.oldDoc, before) || !isListOperation(context.newDoc, after)) return;
  const oldStyle = paginationStyle(before);
  const newStyle = paginationStyle(after);
  if (oldStyle === newStyle) return;
  const head = prefix(operation);
  const where = { operation, old: before.node.at, new: after.node.at };
  if (oldStyle && !newStyle)
    context.report("pagination-removed", `${head}list operation is no longer paginated (was ${oldStyle})`, where);
  else if (!oldStyle && newStyle)
    context.report(
      "pagination-added",
      `${head}list operation became paginated (${newStyle}); clients that read one response now get only the first page`,
      where,
    );
  else context.report("pagination-style-changed", `${head}pagination changed from ${oldStyle} to ${newStyle}`, where);
}

function successResponses(operation: OperationInfo) {
  return operation.responses.filter(({ status }) => /^2/.test(status));
}
