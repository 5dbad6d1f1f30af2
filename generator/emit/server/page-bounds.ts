// The page size a list operation's size parameter allows: its `default` and `maximum`, else 20 and 100.
import type { Operation } from "../../model/ir.js";
import { followRefs } from "../../../templates/runtime/server/json-schema.js";

const DEFAULT_PAGE_SIZE = 20;
const MAX_PAGE_SIZE = 100;

export function pageBounds(op: Operation, sizeParam: string | null, document: unknown): { defaultSize: number; maxSize: number } {
  const param = op.parameters.find((p) => p.in === "query" && p.rawName === sizeParam);
  const schema = (param === undefined ? undefined : followRefs(document, param.schema)) ?? {};
  const maxSize = typeof schema.maximum === "number" ? schema.maximum : MAX_PAGE_SIZE;
  const defaultSize = typeof schema.default === "number" && schema.default > 0 ? schema.default : Math.min(DEFAULT_PAGE_SIZE, maxSize);
  return { defaultSize, maxSize };
}
