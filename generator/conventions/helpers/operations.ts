// The path items and operations of a document in document order, resolved as the walk sees them: shared by the walk
// and by rules that must see every operation before the walk reaches the first (an API-wide inference).
import type { Located, SpecDocument } from "../../load/index.js";
import { buildOperationInfo, HTTP_METHODS, isObject, type OperationInfo } from "../operation-info.js";
import type { JsonObject } from "../rule.js";

/** Each `paths` entry that is a path (`/...`) with its path item, `$ref`s followed. */
export function* pathItemsOf(document: SpecDocument): Generator<{ path: string; pathItem: Located<JsonObject> }> {
  const paths = document.child(document.root, "paths");
  if (!paths || !isObject(paths.value)) return;
  for (const [path, declaredItem] of document.children(paths)) {
    if (!path.startsWith("/")) continue;
    const item = document.resolve(declaredItem);
    if (isObject(item.value)) yield { path, pathItem: item as Located<JsonObject> };
  }
}

/** The operations of one path item, in HTTP_METHODS order. */
export function* operationsOfPathItem(
  document: SpecDocument,
  path: string,
  pathItem: Located<JsonObject>,
): Generator<OperationInfo> {
  for (const method of HTTP_METHODS) {
    const node = document.child(pathItem, method);
    if (node && isObject(node.value))
      yield buildOperationInfo(document, path, method, pathItem, node as Located<JsonObject>);
  }
}

/** Every operation of the document. */
export function* operationsOf(document: SpecDocument): Generator<OperationInfo> {
  for (const { path, pathItem } of pathItemsOf(document)) yield* operationsOfPathItem(document, path, pathItem);
}
