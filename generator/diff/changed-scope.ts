// Forward-only adoption (`specwright lint --since git:REF`): the rules apply to what changed since a base version,
// so a legacy API can hold new work to the conventions without a baseline file. An operation is in scope when it is
// new, when its own text (or its path item's parameters) changed, or when diff reports a change to it; operations
// are paired across versions as diff pairs them (match-paths: a renamed path parameter is the same operation).
// Components are in scope when added or changed. Problems elsewhere (unchanged shared components, the document's
// top level) are legacy and left out.
import type { NodeRef, SpecDocument } from "../load/index.js";
import { diffDocuments } from "./index.js";
import { matchPaths } from "./match-paths.js";
import { collectPaths } from "./paths.js";
import type { Diagnostic } from "../conventions/diagnostic.js";
import { isObject, type OperationInfo } from "../conventions/operation-info.js";

const COMPONENT_SECTIONS = [
  "schemas",
  "parameters",
  "responses",
  "requestBodies",
  "headers",
  "examples",
  "securitySchemes",
  "links",
  "callbacks",
  "pathItems",
];

/** The places of the head document whose problems count: a problem at or below one of them. */
export type ChangedScope = NodeRef[];

export function changedScope(base: SpecDocument, head: SpecDocument): ChangedScope {
  return [...changedOperations(base, head), ...changedComponents(base, head)];
}

export function inChangedScope(scope: ChangedScope, diagnostic: Pick<Diagnostic, "file" | "pointer">): boolean {
  return scope.some(
    (place) =>
      place.file === diagnostic.file &&
      (diagnostic.pointer === place.pointer || diagnostic.pointer.startsWith(`${place.pointer}/`)),
  );
}

function changedOperations(base: SpecDocument, head: SpecDocument): NodeRef[] {
  const before = collectPaths(base);
  const after = collectPaths(head);
  const reported = diffReportedOperations(base, head);
  const oldPathOf = new Map(
    matchPaths([...before.keys()], [...after.keys()]).pairs.map(([oldPath, newPath]) => [newPath, oldPath]),
  );
  const scope: NodeRef[] = [];
  for (const [path, entry] of after) {
    const oldPath = oldPathOf.get(path);
    const oldOperations = oldPath === undefined ? undefined : before.get(oldPath)!.operations();
    for (const [method, operation] of entry.operations()) {
      const old = oldOperations?.get(method);
      if (!old || reported.has(`${method} ${path}`) || fingerprint(old) !== fingerprint(operation))
        scope.push(operation.node.at);
    }
  }
  return scope;
}

/** `method path` of each operation diff reports a change of (through `$ref`s into shared components and files). */
function diffReportedOperations(base: SpecDocument, head: SpecDocument): Set<string> {
  try {
    return new Set(
      diffDocuments(base, head).changes.flatMap((change) =>
        change.operation ? [`${change.operation.method} ${change.operation.path}`] : [],
      ),
    );
  } catch {
    // diff gives up on some malformed documents; the operations' own text still decides
    return new Set();
  }
}

/** The operation as written, with the path item's parameters it inherits. */
function fingerprint(operation: OperationInfo): string {
  return JSON.stringify([operation.node.value, operation.pathItem.value.parameters ?? null]);
}

function changedComponents(base: SpecDocument, head: SpecDocument): NodeRef[] {
  const scope: NodeRef[] = [];
  const oldComponents = base.child(base.root, "components");
  const components = head.child(head.root, "components");
  if (!components || !isObject(components.value)) return scope;
  for (const section of COMPONENT_SECTIONS) {
    const entries = head.child(components, section);
    if (!entries || !isObject(entries.value)) continue;
    for (const [name, entry] of head.children(entries)) {
      const old = oldComponents && base.child(oldComponents, section, name);
      // An alias of a shared file (`Pet: { $ref: schemas/pet.yaml#/Pet }`) changes when the file's definition does.
      if (!old || JSON.stringify(base.resolve(old).value) !== JSON.stringify(head.resolve(entry).value))
        scope.push(entry.at, head.resolve(entry).at);
    }
  }
  return scope;
}
