import type { Located, SpecDocument } from "../load/index.js";
import { buildOperationInfo, HTTP_METHODS, isObject, type OperationInfo } from "../conventions/operation-info.js";
import type { JsonObject } from "../conventions/rule.js";
import { operationKey, type DiffContext } from "./context.js";
import { matchPaths } from "./match-paths.js";
import { compareOperation } from "./compare-operation.js";

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
        if (node && isObject(node.value)) operations.set(method, buildOperationInfo(document, path, method, item as Located<JsonObject>, node as Located<JsonObject>));
      }
      return operations;
    };
    result.set(path, { declared, item, operations: () => operations ?? build() });
  }
  return result;
}

/** Pairs paths and operations of both documents; reports what was removed or added and compares the rest. */
export function compareOperations(context: DiffContext): void {
  const before = collectPaths(context.oldDoc);
  const after = collectPaths(context.newDoc);
  const newPaths = context.newDoc.child(context.newDoc.root, "paths") ?? context.newDoc.root;
  const match = matchPaths([...before.keys()], [...after.keys()]);
  for (const path of match.removed) {
    const entry = before.get(path)!;
    // A path item without operations (only a description or servers) promised clients nothing.
    if (entry.operations().size === 0) continue;
    const methods = [...entry.operations().keys()].map((method) => method.toUpperCase()).join(", ");
    context.report("path-removed", `${path}: path removed (${methods})`, { operation: entry.operations().size === 1 ? operationKey(path, [...entry.operations().values()][0]!) : undefined, old: entry.declared.at, new: newPaths.at });
  }
  for (const path of match.added) if (after.get(path)!.operations().size > 0) context.report("path-added", `${path}: path added`, { new: after.get(path)!.declared.at });
  const sameRootSecurity = JSON.stringify(context.oldDoc.root.value.security) === JSON.stringify(context.newDoc.root.value.security);
  for (const [oldPath, newPath] of match.pairs) {
    const oldEntry = before.get(oldPath)!;
    const newEntry = after.get(newPath)!;
    if (sameRootSecurity && context.unchanged.same(oldEntry.item, newEntry.item)) continue;
    const sameShared = sameRootSecurity && context.unchanged.same(shared(context.oldDoc, oldEntry), shared(context.newDoc, newEntry));
    for (const [method, oldOperation] of oldEntry.operations()) {
      const newOperation = newEntry.operations().get(method);
      if (newOperation && sameShared && context.unchanged.same(oldOperation.node, newOperation.node)) continue;
      if (newOperation) compareOperation(context, oldOperation, newOperation);
      else context.report("operation-removed", `${method.toUpperCase()} ${oldPath}: operation removed`, { operation: operationKey(oldPath, oldOperation), old: oldOperation.node.at, new: newEntry.declared.at });
    }
    for (const [method, newOperation] of newEntry.operations()) {
      if (!oldEntry.operations().has(method)) context.report("operation-added", `${method.toUpperCase()} ${newPath}: operation added`, { operation: operationKey(newPath, newOperation), new: newOperation.node.at });
    }
  }
}

/** What a path item gives all its operations: its parameters. */
function shared(document: SpecDocument, entry: PathEntry): Located {
  return document.child(entry.item, "parameters") ?? { value: undefined, at: entry.item.at };
}
