// The paths of a document with their operations, resolved lazily: what every comparison walks.
import type { Located, SpecDocument } from "../load/index.js";
import { buildOperationInfo, HTTP_METHODS, isObject, type OperationInfo } from "../conventions/operation-info.js";
import type { JsonObject } from "../conventions/rule.js";

export interface PathEntry {
  /** The path item as written under `paths` (the place to report it). */
  declared: Located;
  /** The path item after `$ref`s. */
  item: Located;
  /** Its operations by method, resolved on first use (most path items of two versions are identical and skipped). */
  operations(): Map<string, OperationInfo>;
}

const collected = new WeakMap<SpecDocument, Map<string, PathEntry>>();

/** The paths of a document with their operations resolved; computed once per document. */
export function collectPaths(document: SpecDocument): Map<string, PathEntry> {
  const known = collected.get(document);
  if (known) return known;
  const result = new Map<string, PathEntry>();
  collected.set(document, result);
  const paths = document.child(document.root, "paths");
  if (!paths || !isObject(paths.value)) return result;
  for (const [path, declared] of document.children(paths)) {
    if (!path.startsWith("/")) continue;
    const item = document.resolve(declared);
    if (!isObject(item.value)) continue;
    let operations: Map<string, OperationInfo> | undefined;
    const build = () => {
      operations = new Map();
      for (const method of HTTP_METHODS) {
        const node = document.child(item, method);
        if (node && isObject(node.value))
          operations.set(
            method,
            buildOperationInfo(document, path, method, item as Located<JsonObject>, node as Located<JsonObject>),
          );
      }
      return operations;
    };
    result.set(path, { declared, item, operations: () => operations ?? build() });
  }
  return result;
}
