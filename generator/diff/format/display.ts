import type { SourceLocation } from "../../load/index.js";
import { displayPath } from "../../conventions/formatters/index.js";

export interface DiffFormatContext {
  /** Paths in reports are relative to this folder. */
  cwd: string;
}

export function placeText(location: SourceLocation | undefined, cwd: string): string | undefined {
  return location ? `${displayPath(location.file, cwd)}:${location.line}:${location.column}` : undefined;
}
