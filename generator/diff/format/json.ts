import type { SourceLocation } from "../../load/index.js";
import { displayPath } from "../../conventions/formatters/index.js";
import type { DiffResult } from "../types.js";
import type { DiffFormatContext } from "./display.js";

/** The documented JSON contract (generator/diff/README.md): the DiffResult with paths relative to the working folder. */
export function formatJson(result: DiffResult, context: DiffFormatContext): string {
  const place = (location: SourceLocation | undefined) =>
    location && { file: displayPath(location.file, context.cwd), line: location.line, column: location.column, pointer: location.pointer };
  const report = {
    old: displayPath(result.oldFile, context.cwd),
    new: displayPath(result.newFile, context.cwd),
    summary: result.summary,
    versioning: result.versioning,
    changes: result.changes.map((change) => ({
      ...change,
      old: place(change.old),
      new: place(change.new),
      ...(change.accepted ? { accepted: { ...change.accepted, entry: { ...change.accepted.entry, file: displayPath(change.accepted.entry.file, context.cwd) } } } : {}),
    })),
    ...(result.unmatchedAccepts ? { unmatchedAccepts: result.unmatchedAccepts.map((entry) => ({ ...entry, entry: { ...entry.entry, file: displayPath(entry.entry.file, context.cwd) } })) } : {}),
  };
  return JSON.stringify(report, null, 2) + "\n";
}
