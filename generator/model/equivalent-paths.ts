// Templated paths that differ only in their parameter names (`/v1/{jobName}`, `/v1/{name}`): OpenAPI 3.0.3
// §4.7.8 and 3.1 "Paths Object" forbid them ("MUST NOT exist as they are identical"), yet real specs have them.
// A server cannot tell their requests apart, so where both declare a method only one operation is reachable,
// unless a discriminator (`#name` path key) selects it: the server tries those first (runtime dispatch.ts).
import { equivalentPathGroups } from "../facts/equivalent-paths.js";
import type { Discriminator } from "./ir.js";

interface RoutedOperation {
  id: string;
  operationId?: string;
  method: string;
  path: string;
  discriminator: Discriminator | null;
}

/** Each operation the server can never reach, with the one an equivalent path's same method matches first. */
export function unreachableOperations<O extends RoutedOperation>(
  operations: readonly O[],
): { operation: O; winner: O }[] {
  const unreachable: { operation: O; winner: O }[] = [];
  for (const group of equivalentPathGroups(operations.map((op) => op.path))) {
    const methods = new Set(operations.filter((op) => group.includes(op.path)).map((op) => op.method));
    for (const method of methods) {
      const declaring = group.flatMap((path) => operations.filter((op) => op.path === path && op.method === method));
      // Those selecting the same requests (no discriminator, or the same one): the first takes them all.
      const bySelection = new Map<string, O[]>();
      for (const op of declaring) {
        const key = JSON.stringify(op.discriminator);
        bySelection.set(key, [...(bySelection.get(key) ?? []), op]);
      }
      for (const [winner, ...shadowed] of bySelection.values()) {
        if (winner === undefined) continue;
        for (const operation of shadowed) unreachable.push({ operation, winner });
      }
    }
  }
  return unreachable;
}

/** One warning per operation the server can never reach: an equivalent path with the same method is matched first. */
export function unreachableOperationWarnings(operations: readonly RoutedOperation[]): string[] {
  return unreachableOperations(operations).map(({ operation: op, winner }) => {
    const method = op.method.toUpperCase();
    return (
      `operation ${label(op)} (${method} ${op.path}) is unreachable: its path is equivalent to "${winner.path}", ` +
      `whose ${method} (${label(winner)}) every such request reaches first; OpenAPI forbids paths that differ only in parameter names, so rename one of them or merge the operations`
    );
  });
}

function label(op: RoutedOperation): string {
  return op.operationId ?? op.id;
}
