import type { Located, SpecDocument } from "../load/index.js";
import { collectPaths, type PathEntry } from "./paths.js";
import { operationKey, type DiffContext } from "./context.js";
import { matchPaths } from "./match-paths.js";
import { compareOperation } from "./compare-operation.js";

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
    context.report("path-removed", `${path}: path removed (${methods})`, {
      operation: entry.operations().size === 1 ? operationKey(path, [...entry.operations().values()][0]!) : undefined,
      old: entry.declared.at,
      new: newPaths.at,
    });
  }
  for (const path of match.added)
    if (after.get(path)!.operations().size > 0)
      context.report("path-added", `${path}: path added`, { new: after.get(path)!.declared.at });
  const sameRootSecurity =
    JSON.stringify(context.oldDoc.root.value.security) === JSON.stringify(context.newDoc.root.value.security);
  for (const [oldPath, newPath] of match.pairs) {
    const oldEntry = before.get(oldPath)!;
    const newEntry = after.get(newPath)!;
    if (sameRootSecurity && context.unchanged.same(oldEntry.item, newEntry.item)) continue;
    const sameShared =
      sameRootSecurity && context.unchanged.same(shared(context.oldDoc, oldEntry), shared(context.newDoc, newEntry));
    for (const [method, oldOperation] of oldEntry.operations()) {
      const newOperation = newEntry.operations().get(method);
      if (newOperation && sameShared && context.unchanged.same(oldOperation.node, newOperation.node)) continue;
      if (newOperation) compareOperation(context, oldOperation, newOperation);
      else
        context.report("operation-removed", `${method.toUpperCase()} ${oldPath}: operation removed`, {
          operation: operationKey(oldPath, oldOperation),
          old: oldOperation.node.at,
          new: newEntry.declared.at,
        });
    }
    for (const [method, newOperation] of newEntry.operations()) {
      if (!oldEntry.operations().has(method))
        context.report("operation-added", `${method.toUpperCase()} ${newPath}: operation added`, {
          operation: operationKey(newPath, newOperation),
          new: newOperation.node.at,
        });
    }
  }
}

/** What a path item gives all its operations: its parameters. */
function shared(document: SpecDocument, entry: PathEntry): Located {
  return document.child(entry.item, "parameters") ?? { value: undefined, at: entry.item.at };
}
