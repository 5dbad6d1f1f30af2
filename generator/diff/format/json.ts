import type { SourceLocation } from "../../load/index.js";
import { displayPath } from "../../conventions/formatters/index.js";
import type { DiffResult } from "../types.js";
import type { DiffFormatContext } from "./display.js";

/** The documented JSON contract (generator/diff/README.md): the DiffResult with paths relative to the working folder. */
export function formatJson(result: DiffResult, context: DiffFormatContext): string {
  const place = (location: SourceLocation | undefined) =>
    location && {
      file: displayPath(location.file, context.cwd),
      line: location.line,
      column: location.column,
      pointer: location.pointer,
    };
  /** A policy object with its `entry` place (config or accept file) made relative. */
  const relative = <T extends { entry?: { file: string } }>(value: T): T =>
    value.entry ? { ...value, entry: { ...value.entry, file: displayPath(value.entry.file, context.cwd) } } : value;
  const report = {
    old: displayPath(result.oldFile, context.cwd),
    new: displayPath(result.newFile, context.cwd),
    summary: result.summary,
    versioning: result.versioning,
    changes: result.changes.map((change) => ({
      ...change,
      old: place(change.old),
      new: place(change.new),
      ...(change.reclassified ? { reclassified: relative(change.reclassified) } : {}),
      ...(change.accepted ? { accepted: relative(change.accepted) } : {}),
    })),
    ...(result.unmatchedAccepts ? { unmatchedAccepts: result.unmatchedAccepts.map(relative) } : {}),
  };
  return JSON.stringify(report, null, 2) + "\n";
}
