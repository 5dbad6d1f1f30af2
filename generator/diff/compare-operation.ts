import type { OperationInfo } from "../conventions/operation-info.js";
import { isObject } from "../conventions/operation-info.js";
import type { DiffContext } from "./context.js";
import { operationKey, prefix } from "./context.js";
import { compareParameters } from "./compare-parameters.js";
import { compareRequestBodies } from "./compare-request-body.js";
import { compareResponses } from "./compare-responses.js";
import { compareSecurity } from "./compare-security.js";
import { comparePagination } from "./compare-pagination.js";

/** Everything about one operation present in both documents. */
export function compareOperation(context: DiffContext, before: OperationInfo, after: OperationInfo): void {
  const operation = operationKey(after.path, after);
  const head = prefix(operation);
  const oldId = before.node.value.operationId;
  const newId = after.node.value.operationId;
  if (typeof oldId === "string" && oldId !== newId) {
    context.report(
      "operation-id-changed",
      `${head}operationId changed from ${oldId} to ${newId === undefined ? "none" : String(newId)}`,
      {
        operation,
        old: context.oldDoc.child(before.node, "operationId")?.at,
        new: (context.newDoc.child(after.node, "operationId") ?? after.node).at,
      },
    );
  }
  if (before.node.value.deprecated !== true && after.node.value.deprecated === true) {
    const where = { operation, old: before.node.at, new: context.newDoc.child(after.node, "deprecated")?.at };
    if (hasSunset(after)) context.report("operation-deprecated", `${head}operation deprecated`, where);
    else
      context.report(
        "operation-deprecated-without-sunset",
        `${head}operation deprecated without a sunset date (add x-sunset or a Sunset response header)`,
        where,
      );
  }
  if (before.node.value.deprecated === true && after.node.value.deprecated !== true) {
    context.report("operation-undeprecated", `${head}operation no longer deprecated`, {
      operation,
      old: context.oldDoc.child(before.node, "deprecated")?.at,
      new: after.node.at,
    });
  }
  compareSecurity(context, before, after, operation);
  compareParameters(context, before, after, operation);
  compareRequestBodies(context, before, after, operation);
  compareResponses(context, before, after, operation);
  comparePagination(context, before, after, operation);
}

/** RFC 8594: a `Sunset` header on a response, or the `x-sunset` extension on the operation. */
function hasSunset(operation: OperationInfo): boolean {
  if (operation.node.value["x-sunset"] !== undefined) return true;
  return operation.responses.some(
    ({ response }) =>
      isObject(response.value.headers) &&
      Object.keys(response.value.headers).some((name) => name.toLowerCase() === "sunset"),
  );
}
