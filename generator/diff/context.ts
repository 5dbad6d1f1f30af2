import type { NodeRef, SpecDocument } from "../load/index.js";
import type { OperationInfo } from "../conventions/operation-info.js";
import { CHECKS, schemaCheckId, schemaClassification, type CheckId, type SchemaScope } from "./checks.js";
import { SchemaComparer } from "./compare-schemas.js";
import { UnchangedNodes } from "./unchanged.js";
import type { DiffChange, OperationKey } from "./types.js";
import type { SchemaChange } from "./view-comparison.js";

export interface Where {
  operation?: OperationKey;
  old?: NodeRef;
  new?: NodeRef;
}

/** What every comparison step shares: both documents, the schema comparer and the list of changes found. */
export class DiffContext {
  private readonly pending: Array<{ change: DiffChange; old: NodeRef | undefined; new: NodeRef | undefined }> = [];
  readonly schemas: SchemaComparer;
  readonly unchanged: UnchangedNodes;
  /** Source places of the API's standard error schema in each document, once known (see error-schema.ts). */
  errorSchemaPlaces: { old: ReadonlySet<string>; new: ReadonlySet<string> } | undefined;

  constructor(
    readonly oldDoc: SpecDocument,
    readonly newDoc: SpecDocument,
  ) {
    this.unchanged = new UnchangedNodes(oldDoc, newDoc);
    this.schemas = new SchemaComparer(oldDoc, newDoc, this.unchanged);
  }

  report(id: CheckId, message: string, where: Where): void {
    this.push(id, CHECKS[id].classification, message, where);
  }

  /** Reports the changes found inside a schema; `label` names the schema's place ("parameter `species` (query)"). */
  reportSchemaChanges(
    scope: SchemaScope,
    label: string,
    changes: readonly SchemaChange[],
    operation: OperationKey | undefined,
  ): void {
    for (const change of changes) {
      const text =
        change.path === "" ? `${label}: ${change.detail}` : `${label} property \`${change.path}\` ${change.detail}`;
      this.push(
        schemaCheckId(scope, change.kind),
        schemaClassification(scope, change.kind),
        `${prefix(operation)}${text}`,
        { operation, old: change.old, new: change.new },
      );
    }
  }

  private push(id: string, classification: DiffChange["classification"], message: string, where: Where): void {
    const change: DiffChange = { id, classification, message };
    if (where.operation) change.operation = where.operation;
    this.pending.push({ change, old: where.old, new: where.new });
  }

  /** The changes found, each located in both documents: one pass over each file for all of them. */
  locatedChanges(): DiffChange[] {
    const withOld = this.pending.filter((entry) => entry.old);
    const withNew = this.pending.filter((entry) => entry.new);
    const oldPlaces = this.oldDoc.locateMany(withOld.map((entry) => entry.old!));
    const newPlaces = this.newDoc.locateMany(withNew.map((entry) => entry.new!));
    withOld.forEach((entry, index) => (entry.change.old = oldPlaces[index]));
    withNew.forEach((entry, index) => (entry.change.new = newPlaces[index]));
    return this.pending.map((entry) => entry.change);
  }
}

export function prefix(operation: OperationKey | undefined): string {
  if (!operation) return "";
  return `${operation.method.toUpperCase()} ${operation.webhook ? "webhook " : ""}${operation.path}: `;
}

export function operationKey(path: string, operation: OperationInfo): OperationKey {
  const operationId = operation.node.value.operationId;
  return typeof operationId === "string"
    ? { method: operation.method, path, operationId }
    : { method: operation.method, path };
}
