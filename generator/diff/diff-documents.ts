import type { SpecDocument } from "../load/index.js";
import { DiffContext } from "./context.js";
import { compareErrorSchemas } from "./error-schema.js";
import { compareOperations } from "./operations.js";
import { compareWebhooks } from "./compare-webhooks.js";
import { compareSecuritySchemes } from "./compare-security.js";
import { versionInfo, versioningVerdict } from "./versioning.js";
import { CLASSIFICATIONS, type DiffChange, type DiffResult, type DiffSummary } from "./types.js";

export interface DiffDocumentsOptions {
  /** `settings.errors.schema` of the config: the error schema the API names (default `Problem`), else detected. */
  errorSchema?: string;
}

/**
 * Compares two versions of an API and classifies every difference. Walks both documents side by side in their
 * source files (through `$ref`s, by meaning), so each change carries file:line:col in both.
 */
export function diffDocuments(
  oldDoc: SpecDocument,
  newDoc: SpecDocument,
  options: DiffDocumentsOptions = {},
): DiffResult {
  const context = new DiffContext(oldDoc, newDoc);
  compareErrorSchemas(context, options.errorSchema);
  compareOperations(context);
  compareWebhooks(context);
  compareSecuritySchemes(context);
  const before = versionInfo(oldDoc);
  const after = versionInfo(newDoc);
  if (before.infoVersion !== after.infoVersion) {
    const at = (doc: SpecDocument) => (doc.child(doc.root, "info", "version") ?? doc.root).at;
    context.report(
      "info-version-changed",
      `info.version changed from ${before.infoVersion ?? "(none)"} to ${after.infoVersion ?? "(none)"}`,
      { old: at(oldDoc), new: at(newDoc) },
    );
  }
  const changes = context.locatedChanges().sort(compareChanges);
  const summary = summarize(changes);
  return {
    oldFile: oldDoc.rootFile,
    newFile: newDoc.rootFile,
    changes,
    summary,
    versioning: versioningVerdict(before, after, summary.breaking),
  };
}

/** How many changes of each classification. */
export function summarize(changes: readonly DiffChange[]): DiffSummary {
  const count = (classification: DiffChange["classification"]) =>
    changes.filter((change) => change.classification === classification).length;
  return {
    breaking: count("breaking"),
    warning: count("warning"),
    nonBreaking: count("non-breaking"),
    info: count("info"),
  };
}

/** The report's order: breaking, warning, non-breaking, info; then by path, method, check id and message. */
export function compareChanges(a: DiffChange, b: DiffChange): number {
  return (
    CLASSIFICATIONS.indexOf(a.classification) - CLASSIFICATIONS.indexOf(b.classification) ||
    (a.operation?.path ?? "").localeCompare(b.operation?.path ?? "") ||
    (a.operation?.method ?? "").localeCompare(b.operation?.method ?? "") ||
    a.id.localeCompare(b.id) ||
    a.message.localeCompare(b.message)
  );
}
