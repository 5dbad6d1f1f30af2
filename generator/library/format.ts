import { ALL_RULES, type Diagnostic } from "../conventions/index.js";
import type { AnyRule } from "../conventions/rule.js";
import { ruleDocUrl } from "../conventions/diagnostic.js";
import { FORMATTERS, type FormatName } from "../conventions/formatters/index.js";

export interface FormatLintOptions {
  /** stylish (default), json, sarif or github. */
  format?: FormatName;
  /** Paths are shown relative to this folder (default: the working folder). */
  cwd?: string;
  color?: boolean;
  /** A file's text, for the code frames of `stylish`; without it only file:line:col is shown. */
  sourceOf?: (file: string) => string | undefined;
  /** How many files were linted (the summary line of `stylish`). */
  fileCount?: number;
  /** Plugin and declarative rules of the configs used (`SpecwrightConfig.customRules`), described beside the built-in ones. */
  customRules?: readonly AnyRule[];
}

/** A lint report as `specwright lint --format` prints it, every rule id linked to its documentation. */
export function formatDiagnostics(diagnostics: readonly Diagnostic[], options: FormatLintOptions = {}): string {
  return FORMATTERS[options.format ?? "stylish"]([...diagnostics], {
    cwd: options.cwd ?? process.cwd(),
    color: options.color ?? false,
    sourceOf: options.sourceOf ?? (() => undefined),
    rules: [...ALL_RULES, ...(options.customRules ?? [])].map((rule) => ({
      id: rule.id,
      description: rule.description,
      docUrl: rule.docsUrl ?? ruleDocUrl(rule.id),
    })),
    fileCount: options.fileCount ?? 1,
  });
}
