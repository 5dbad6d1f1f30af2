import type { Diagnostic } from "../../conventions/index.js";
import type { DiffChange, DiffResult } from "../types.js";

export const DIFF_DOC_URL = "generator/diff/README.md#checks";

/**
 * The changes that need attention as lint-style diagnostics, so the lint SARIF and GitHub formatters serve the
 * diff too: breaking changes are errors unless the major version was bumped, warnings are warnings, and the
 * versioning verdict itself is one more error placed on the new document's version.
 */
export function toDiagnostics(result: DiffResult): Diagnostic[] {
  const failed = result.versioning.verdict === "fail";
  const diagnostics: Diagnostic[] = [];
  for (const change of result.changes) {
    if (change.classification !== "breaking" && change.classification !== "warning") continue;
    const at = change.new ?? change.old;
    if (!at) continue;
    diagnostics.push({
      ruleId: change.id,
      // An accepted change is shown (the pull request should still see it) but never as an error.
      severity: change.classification === "breaking" && failed && !change.accepted ? "error" : "warn",
      message: change.accepted
        ? `${change.message} (accepted until ${change.accepted.expires}: ${change.accepted.reason})`
        : change.message,
      file: at.file,
      pointer: at.pointer,
      line: at.line,
      column: at.column,
      docUrl: DIFF_DOC_URL,
    });
  }
  for (const entry of result.unmatchedAccepts ?? []) {
    diagnostics.push({
      ruleId: "diff/accept-unmatched",
      severity: "warn",
      message: `accept entry matches no change (${[entry.check, entry.operation, entry.pointer].filter(Boolean).join(" ")})`,
      file: entry.entry.file,
      pointer: "",
      line: entry.entry.line,
      column: entry.entry.column,
      docUrl: "generator/diff/README.md#accept-list",
    });
  }
  if (failed)
    diagnostics.push({
      ruleId: result.versioning.ruleId,
      severity: "error",
      message: result.versioning.message,
      file: result.newFile,
      pointer: "/info/version",
      ...versionPlace(result.changes),
      docUrl: "docs/rules.md#versioning-breaking-change",
    });
  return diagnostics;
}

/** Where info.version is in the new document, when a change already located it; else the top of the file. */
function versionPlace(changes: readonly DiffChange[]): { line: number; column: number } {
  const located = changes.find((change) => change.id === "info-version-changed")?.new;
  return located ? { line: located.line, column: located.column } : { line: 1, column: 1 };
}
