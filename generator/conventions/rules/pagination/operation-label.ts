import type { OperationInfo } from "../../operation-info.js";

/** `GET /pets`: how messages name an operation. */
export function operationLabel(operation: OperationInfo): string {
  return `${operation.method.toUpperCase()} ${operation.path}`;
}
