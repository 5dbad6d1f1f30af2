// The page size a list operation's size parameter allows: its `default` and `maximum`, else 20 and 100.
import type { Operation } from "../../model/ir.js";

const DEFAULT_PAGE_SIZE = 20;
const MAX_PAGE_SIZE = 100;

export function pageBounds(op: Operation, sizeParam: string | null): { defaultSize: number; maxSize: number } {
  const constraints = op.parameters.find((p) => p.in === "query" && p.rawName === sizeParam)?.constraints ?? {};
  const maxSize = constraints.maximum ?? MAX_PAGE_SIZE;
  const defaultSize =
    typeof constraints.default === "number" && constraints.default > 0
      ? constraints.default
      : Math.min(DEFAULT_PAGE_SIZE, maxSize);
  return { defaultSize, maxSize };
}
