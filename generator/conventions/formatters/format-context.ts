import { isAbsolute } from "node:path";
import { relativePosix } from "../../load/relative-posix.js";
import type { Diagnostic } from "../diagnostic.js";

/** What a rule says about itself, for reports that describe the rules (SARIF) and for docs/rules.md. */
export interface RuleMeta {
  id: string;
  description: string;
  docUrl: string;
}

export interface FormatContext {
  /** Paths in reports are relative to this folder. */
  cwd: string;
  /** ANSI colours (stylish only). */
  color: boolean;
  /** The text of a linted file, for code frames; undefined when it is not at hand. */
  sourceOf(file: string): string | undefined;
  rules: readonly RuleMeta[];
  /** How many spec files were linted (for the summary line). */
  fileCount: number;
}

export type Formatter = (diagnostics: readonly Diagnostic[], context: FormatContext) => string;

/** A file as reports show it: relative to the working folder with `/` separators when inside it, else absolute; URLs as they are. */
export function displayPath(file: string, cwd: string): string {
  if (!isAbsolute(file)) return file;
  const relative = relativePosix(cwd, file);
  return relative === "" || relative.startsWith("../") || isAbsolute(relative) ? file : relative;
}

/** Whether a docs link is an absolute URL (a plugin's `docsUrl`), not a path inside this repository (docs/rules.md#…). */
export function isAbsoluteUrl(text: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(text);
}
