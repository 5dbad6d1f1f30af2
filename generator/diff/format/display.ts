import type { SourceLocation } from "../../load/index.js";
import type { AcceptedMark, DiffChange, DiffResult } from "../types.js";
import { displayPath } from "../../conventions/formatters/index.js";

export interface DiffFormatContext {
  /** Paths in reports are relative to this folder. */
  cwd: string;
}

export function placeText(location: SourceLocation | undefined, cwd: string): string | undefined {
  return location ? `${displayPath(location.file, cwd)}:${location.line}:${location.column}` : undefined;
}

/** `accepted until 2027-01-31: <reason> (specwright.config.yaml:12:7)`. */
export function acceptedText(accepted: AcceptedMark, cwd: string): string {
  return `accepted until ${accepted.expires}: ${accepted.reason} (${displayPath(accepted.entry.file, cwd)}:${accepted.entry.line}:${accepted.entry.column})`;
}

type UnmatchedAccept = NonNullable<DiffResult["unmatchedAccepts"]>[number];

/** The warning for an accept entry that covers no change. */
export function unmatchedText(entry: UnmatchedAccept, cwd: string): string {
  const what = [entry.check, entry.operation, entry.pointer].filter((part) => part !== undefined).join(" ");
  return `${displayPath(entry.entry.file, cwd)}:${entry.entry.line}:${entry.entry.column}: accept entry matches no change (${what}): remove it, or correct its check, operation or pointer`;
}

/** `breaking by the check; info because GET /beta/pets is x-stability: beta in the old version, ... (config:3:5)`. */
export function reclassifiedText(change: DiffChange, cwd: string): string | undefined {
  const why = change.reclassified;
  if (!why) return undefined;
  const place = why.entry ? ` (${displayPath(why.entry.file, cwd)}:${why.entry.line}:${why.entry.column})` : "";
  return `${why.from} by the check; ${change.classification} because ${why.reason}${place}`;
}
