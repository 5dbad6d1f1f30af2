import type { Diagnostic } from "../../generator/conventions/index.js";
import type { LoadedSpec, SpecSummary } from "./loaded-spec.js";
import { listOperations } from "./operations.js";
import { isLargeSpec, tagGroups } from "./tag-groups.js";

export interface LintCounts {
  errors: number;
  warnings: number;
}

/** One operation as search shows it; `group` is its tag group's slug when the spec is read one group at a time. */
export interface OperationRecord {
  method: string;
  path: string;
  summary: string;
  operationId: string;
  group?: string;
}

/** What the catalog pages and search need of one spec, kept on disk so a restart reads no unchanged spec. */
export interface IndexRecord {
  version: string;
  summary: SpecSummary;
  operationCount: number;
  lint: LintCounts;
  operations: OperationRecord[];
}

export function countLint(diagnostics: readonly Diagnostic[]): LintCounts {
  let errors = 0;
  let warnings = 0;
  for (const diagnostic of diagnostics) {
    if (diagnostic.severity === "error") errors += 1;
    else if (diagnostic.severity === "warn") warnings += 1;
  }
  return { errors, warnings };
}

export function recordOf(
  loaded: LoadedSpec,
  version: string,
  diagnostics: readonly Diagnostic[],
  tagGroupThreshold?: number,
): IndexRecord {
  const groupOf = new Map<string, string>();
  if (isLargeSpec(loaded.bundled, tagGroupThreshold)) {
    for (const group of tagGroups(loaded.bundled))
      for (const op of group.operations) groupOf.set(`${op.method} ${op.path}`, group.slug);
  }
  const operations = listOperations(loaded.bundled).map((op): OperationRecord => {
    const group = groupOf.get(`${op.method} ${op.path}`);
    return {
      method: op.method,
      path: op.path,
      summary: op.summary,
      operationId: op.operationId,
      ...(group ? { group } : {}),
    };
  });
  return {
    version,
    summary: loaded.summary,
    operationCount: operations.length,
    lint: countLint(diagnostics),
    operations,
  };
}

/**
 * Redoc gives every operation with an operationId an element with id `operation/{operationId}`, whatever tag it sits
 * under, so that is the anchor a search hit links to; without an operationId the hit links to the page.
 */
export function operationAnchor(op: OperationRecord): string {
  return op.operationId ? `operation/${op.operationId}` : "";
}
