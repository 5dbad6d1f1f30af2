import type { Located, SpecDocument } from "../load/index.js";
import { isObject, type OperationInfo } from "./operation-info.js";
import { operationsOfPathItem, pathItemsOf } from "./helpers/operations.js";
import type { JsonObject, SchemaVisit, Visitors } from "./rule.js";

const SCHEMA_MAP_KEYWORDS = ["properties", "patternProperties", "dependentSchemas", "$defs", "definitions"];
const SCHEMA_LIST_KEYWORDS = ["allOf", "anyOf", "oneOf", "prefixItems"];
const SCHEMA_SINGLE_KEYWORDS = [
  "items",
  "additionalProperties",
  "not",
  "if",
  "then",
  "else",
  "contains",
  "propertyNames",
  "unevaluatedItems",
  "unevaluatedProperties",
];

/**
 * The one walk over a document: every rule's visitors are called from it, so the document is traversed once
 * however many rules are on. Schemas are visited once each (by source place), so `$ref` cycles and `$ref` bombs
 * cost no more than the document's size.
 */
export function walkDocument(document: SpecDocument, visitors: Visitors): void {
  const root = document.root;
  visitors.document?.(root);
  forEachServer(document, root, visitors);
  const schemaRoots: Located[] = [];

  for (const { path, pathItem } of pathItemsOf(document)) {
    visitors.pathItem?.(path, pathItem);
    forEachServer(document, pathItem, visitors);
    for (const operation of operationsOfPathItem(document, path, pathItem)) {
      forEachServer(document, operation.node, visitors);
      visitors.operation?.(operation);
      schemaRoots.push(...operationSchemas(document, operation));
    }
  }
  schemaRoots.push(...componentSchemas(document, root));
  if (visitors.schema) walkSchemas(document, schemaRoots, visitors.schema);
  visitors.end?.();
}

function forEachServer(document: SpecDocument, owner: Located<JsonObject>, visitors: Visitors): void {
  if (!visitors.server) return;
  const servers = document.child(owner, "servers");
  if (!servers || !Array.isArray(servers.value)) return;
  for (const [, server] of document.children(servers)) {
    if (isObject(server.value)) visitors.server(server as Located<JsonObject>);
  }
}

function operationSchemas(document: SpecDocument, operation: OperationInfo): Located[] {
  const found: Located[] = [];
  for (const parameter of operation.parameters) pushChild(document, found, parameter, "schema");
  if (operation.requestBody) found.push(...contentSchemas(document, operation.requestBody));
  for (const { response } of operation.responses) {
    found.push(...contentSchemas(document, response));
    const headers = document.child(response, "headers");
    if (headers)
      for (const [, header] of document.children(headers))
        pushChild(document, found, document.resolve(header), "schema");
  }
  return found;
}

function contentSchemas(document: SpecDocument, owner: Located): Located[] {
  const found: Located[] = [];
  const content = document.child(owner, "content");
  if (content && isObject(content.value))
    for (const [, media] of document.children(content)) pushChild(document, found, media, "schema");
  return found;
}

function componentSchemas(document: SpecDocument, root: Located<JsonObject>): Located[] {
  const found: Located[] = [];
  const components = document.child(root, "components");
  if (!components || !isObject(components.value)) return found;
  const schemas = document.child(components, "schemas");
  if (schemas) for (const [, schema] of document.children(schemas)) found.push(schema);
  for (const section of ["parameters", "headers"]) {
    const entries = document.child(components, section);
    if (entries)
      for (const [, entry] of document.children(entries)) pushChild(document, found, document.resolve(entry), "schema");
  }
  for (const section of ["requestBodies", "responses"]) {
    const entries = document.child(components, section);
    if (entries)
      for (const [, entry] of document.children(entries))
        found.push(...contentSchemas(document, document.resolve(entry)));
  }
  return found;
}

function pushChild(document: SpecDocument, into: Located[], owner: Located, key: string): void {
  const child = document.child(owner, key);
  if (child) into.push(child);
}

function walkSchemas(document: SpecDocument, roots: Located[], visit: (visit: SchemaVisit) => void): void {
  const seen = new Set<string>();
  const stack: Array<{ node: Located; propertyName?: string }> = roots.map((node) => ({ node })).reverse();
  while (stack.length > 0) {
    const { node, propertyName } = stack.pop()!;
    const schema = document.resolve(node);
    if (!isObject(schema.value)) continue;
    const key = `${schema.at.file}#${schema.at.pointer}`;
    if (seen.has(key)) continue;
    seen.add(key);
    visit({ schema: schema as Located<JsonObject>, propertyName });
    const children: Array<{ node: Located; propertyName?: string }> = [];
    for (const keyword of SCHEMA_MAP_KEYWORDS) {
      const map = document.child(schema, keyword);
      if (map && isObject(map.value))
        for (const [name, child] of document.children(map))
          children.push({ node: child, propertyName: keyword === "properties" ? name : undefined });
    }
    for (const keyword of SCHEMA_LIST_KEYWORDS) {
      const list = document.child(schema, keyword);
      if (list && Array.isArray(list.value))
        for (const [, child] of document.children(list)) children.push({ node: child });
    }
    for (const keyword of SCHEMA_SINGLE_KEYWORDS) {
      const child = document.child(schema, keyword);
      if (child && isObject(child.value)) children.push({ node: child });
      else if (child && Array.isArray(child.value))
        for (const [, item] of document.children(child)) children.push({ node: item });
    }
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
}
