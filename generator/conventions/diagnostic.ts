export type Severity = "error" | "warn";
export type SeveritySetting = Severity | "off";

/** One convention problem at one place: the contract every formatter, the baseline and the portal read. */
export interface Diagnostic {
  ruleId: string;
  severity: Severity;
  message: string;
  /** Absolute path (or URL) of the file the offending node is written in. */
  file: string;
  /** JSON pointer of the offending node inside `file`. */
  pointer: string;
  line: number;
  column: number;
  docUrl: string;
}

export function ruleDocUrl(ruleId: string): string {
  return `docs/rules.md#${ruleId.replace(/[^a-z0-9]+/gi, "-").toLowerCase()}`;
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    a.file.localeCompare(b.file) ||
    a.line - b.line ||
    a.column - b.column ||
    a.ruleId.localeCompare(b.ruleId) ||
    a.message.localeCompare(b.message)
  );
}
