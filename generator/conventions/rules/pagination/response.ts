import type { Located, SpecDocument } from "../../../load/index.js";
import {
  findItemsArray,
  isArraySchema,
  itemsNameCandidates,
  listOperationOf,
  objectProperties,
  propertyAtPath,
  resourceItemsNames,
  successBody,
  type ListOperation,
  type SuccessBody,
} from "../../helpers/list-operation.js";
import { isObject, type OperationInfo, type ResponseInfo } from "../../operation-info.js";
import { defineRule, type JsonObject } from "../../rule.js";
import { optionsSchema, BOOLEAN } from "../../option-schemas.js";
import type { ConventionSettings } from "../../settings.js";
import { paginationDeclarationOf, type PaginationDeclaration } from "./declaration.js";
import { apiPaginationStyle } from "./api-style.js";
import { operationLabel } from "./operation-label.js";
import { schemaTypeIs, type Problem } from "./parameter-conventions.js";

interface Options {
  /** Accept the plural resource name (`pets` on `/pets`) as the items array's name besides settings.pagination.itemsProperty. */
  allowResourceName: boolean;
}

/** §4, AIP-158: what a page looks like — cursor: items + next_page_token (+ total_size); offset: a Link header. */
export default defineRule<Options>({
  id: "pagination/response",
  description:
    "A page is an object with the items array and next_page_token (cursor style; optional integer total_size), or declares an RFC 8288 Link header (offset style); an x-pagination declaration names response fields that exist.",
  recommended: "error",
  defaultOptions: { allowResourceName: false },
  optionsSchema: optionsSchema({ allowResourceName: BOOLEAN }),
  create({ document, settings, options, report }) {
    const send = (problems: Problem[]) => problems.forEach(report);
    return {
      operation(operation) {
        const declared = paginationDeclarationOf(document, operation);
        if (declared && "declaration" in declared)
          return send(checkDeclared(document, operation, declared.declaration, settings));
        if (declared) return; // an invalid declaration is reported by pagination/params
        const list = listOperationOf(document, operation, settings);
        if (list) send(checkPage(document, list, settings, options));
      },
    };
  },
});

function checkPage(
  document: SpecDocument,
  list: ListOperation,
  settings: ConventionSettings,
  options: Options,
): Problem[] {
  const style = apiPaginationStyle(document, settings);
  const { itemsProperty } = settings.pagination;
  const problems: Problem[] = [];
  if (style === "offset") problems.push(...checkLinkHeader(document, list.body.response));
  // A top-level array is pagination/required's to report; there is no envelope to check.
  if (list.items.kind === "body") return problems;
  const accepted = [itemsProperty, ...(options.allowResourceName ? resourceItemsNames(list.operation.path) : [])];
  if (!accepted.includes(list.items.name)) {
    problems.push({
      message: `the items array of a page is named "${list.items.name}"; name it "${accepted.join('" or "')}" (settings.pagination.itemsProperty)`,
      at: list.items.property.at,
    });
  }
  const properties = objectProperties(document, list.body.schema);
  if (style === "cursor") {
    const next = properties.get("next_page_token");
    if (!next)
      problems.push({
        message: `the page object has no next_page_token; add next_page_token: { type: string } (empty or absent on the last page)`,
        at: list.body.schema.at,
      });
    else problems.push(...checkType(document, next, "next_page_token", "string"));
  }
  const total = properties.get("total_size");
  if (total) problems.push(...checkType(document, total, "total_size", "integer"));
  return problems;
}

function checkType(document: SpecDocument, property: Located, name: string, type: string): Problem[] {
  const schema = document.resolve(property);
  if (!isObject(schema.value) || schemaTypeIs(schema.value, type)) return [];
  return [{ message: `page field ${name} must have type: ${type}`, at: (document.child(schema, "type") ?? schema).at }];
}

function checkLinkHeader(document: SpecDocument, response: ResponseInfo): Problem[] {
  const headers = document.child(response.response, "headers");
  if (headers && isObject(headers.value) && Object.keys(headers.value).some((name) => name.toLowerCase() === "link"))
    return [];
  return [
    {
      message: `this ${response.status} response of a paged list declares no Link header; add headers: { Link: ... } carrying the rel="next", "prev", "first" and "last" page URLs (RFC 8288)`,
      at: (headers ?? response.response).at,
    },
  ];
}

/** A declared scheme: the response fields, items array and Link header it relies on exist. */
function checkDeclared(
  document: SpecDocument,
  operation: OperationInfo,
  declaration: PaginationDeclaration,
  settings: ConventionSettings,
): Problem[] {
  const label = operationLabel(operation);
  const body = successBody(document, operation);
  const problems: Problem[] = [];
  if (declaration.needsLinkHeader) {
    const success = operation.responses.find((r) => /^2/.test(r.status));
    if (success) problems.push(...checkLinkHeader(document, success));
  }
  if (!body) {
    problems.push({
      message: `x-pagination (style ${declaration.style}) on ${label}, but it has no JSON success response to page through`,
      at: declaration.node.at,
    });
    return problems;
  }
  for (const { key, name, at } of declaration.fields) {
    if (!propertyAtPath(document, body.schema, name))
      problems.push({
        message: `x-pagination.${key} names the response field "${name}", which the ${body.response.status} response of ${label} does not have`,
        at: at.at,
      });
  }
  const items = declaredItems(document, body, declaration, operation, settings);
  if (typeof items === "string") {
    problems.push({
      message: `x-pagination on ${label}: ${items}`,
      at: (declaration.itemsField?.at ?? declaration.node).at,
    });
    return problems;
  }
  const itemSchema = document.child(items, "items");
  for (const { key, name, at } of declaration.itemFields) {
    if (!itemSchema || !propertyAtPath(document, itemSchema, name))
      problems.push({
        message: `x-pagination.${key} names the item field "${name}", which the items of ${label} do not have`,
        at: at.at,
      });
  }
  return problems;
}

/** The items array the declaration pages through, or why there is none. */
function declaredItems(
  document: SpecDocument,
  body: SuccessBody,
  declaration: PaginationDeclaration,
  operation: OperationInfo,
  settings: ConventionSettings,
): Located<JsonObject> | string {
  const declared = declaration.itemsField?.name;
  if (declared?.includes(".")) {
    const nested = propertyAtPath(document, body.schema, declared);
    const array = nested && document.resolve(nested);
    return array && isArraySchema(array.value)
      ? (array as Located<JsonObject>)
      : `the ${body.response.status} response has no array at "${declared}"`;
  }
  const found = findItemsArray(
    document,
    body.schema,
    declared ? [declared] : itemsNameCandidates(operation.path, settings),
  );
  if (declared && (found?.kind !== "property" || found.name !== declared))
    return `the ${body.response.status} response has no array property "${declared}"`;
  if (!found)
    return `no items array found in the ${body.response.status} response; name it with x-pagination.itemsField`;
  return found.array;
}
