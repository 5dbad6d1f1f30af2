import { isObject as isRecord } from "../../generator/facts/json-object.js";
import { HTTP_METHODS } from "../../generator/facts/http-methods.js";

export interface OperationLine {
  method: string;
  path: string;
  summary: string;
  operationId: string;
  tags: string[];
}

/** Every operation of a bundled document, in document order: the no-script outline of the reference page. */
export function listOperations(bundled: Record<string, unknown>): OperationLine[] {
  const lines: OperationLine[] = [];
  const paths = isRecord(bundled.paths) ? bundled.paths : {};
  for (const [path, item] of Object.entries(paths)) {
    if (!isRecord(item)) continue;
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (!isRecord(operation)) continue;
      const text = (value: unknown) => (typeof value === "string" ? value : "");
      const tags = Array.isArray(operation.tags)
        ? operation.tags.filter((tag): tag is string => typeof tag === "string")
        : [];
      lines.push({
        method: method.toUpperCase(),
        path,
        summary: text(operation.summary),
        operationId: text(operation.operationId),
        tags,
      });
    }
  }
  return lines;
}
