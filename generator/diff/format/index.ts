import { FORMATTERS } from "../../conventions/formatters/index.js";
import { allChecks } from "../checks.js";
import type { DiffResult } from "../types.js";
import { DIFF_DOC_URL, toDiagnostics } from "./diagnostics.js";
import type { DiffFormatContext } from "./display.js";
import { formatJson } from "./json.js";
import { formatMarkdown } from "./markdown.js";
import { formatText } from "./text.js";

type DiffFormatter = (result: DiffResult, context: DiffFormatContext) => string;

/** SARIF and GitHub annotations reuse the lint formatters, fed with the changes as diagnostics. */
function viaLintFormatter(name: "sarif" | "github"): DiffFormatter {
  return (result, context) =>
    FORMATTERS[name](toDiagnostics(result), {
      cwd: context.cwd,
      color: false,
      sourceOf: () => undefined,
      rules: [...allChecks().map((check) => ({ id: check.id, description: `${check.classification}: ${check.description}`, docUrl: DIFF_DOC_URL })), { id: "versioning/breaking-change", description: "a breaking change requires a new major version", docUrl: "docs/rules.md#versioning-breaking-change" }],
      fileCount: 2,
    });
}

export const DIFF_FORMATTERS = {
  text: formatText,
  json: formatJson,
  markdown: formatMarkdown,
  sarif: viaLintFormatter("sarif"),
  github: viaLintFormatter("github"),
} as const satisfies Record<string, DiffFormatter>;

export type DiffFormatName = keyof typeof DIFF_FORMATTERS;
export const DIFF_FORMAT_NAMES = Object.keys(DIFF_FORMATTERS) as DiffFormatName[];
export type { DiffFormatContext } from "./display.js";
