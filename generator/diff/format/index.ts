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
function viaLintFormatter(
  name: "sarif" | "github",
): (results: readonly DiffResult[], context: DiffFormatContext) => string {
  return (results, context) =>
    FORMATTERS[name](results.flatMap(toDiagnostics), {
      cwd: context.cwd,
      color: false,
      sourceOf: () => undefined,
      rules: [
        ...allChecks().map((check) => ({
          id: check.id,
          description: `${check.classification}: ${check.description}`,
          docUrl: DIFF_DOC_URL,
        })),
        {
          id: "versioning/breaking-change",
          description: "a breaking change requires a new major version",
          docUrl: "docs/rules.md#versioning-breaking-change",
        },
        {
          id: "diff/accept-unmatched",
          description: "an accept-list entry matches no change",
          docUrl: "generator/diff/README.md#accept-list",
        },
      ],
      fileCount: 2 * results.length,
    });
}

const sarif = viaLintFormatter("sarif");
const github = viaLintFormatter("github");

export const DIFF_FORMATTERS = {
  text: formatText,
  json: formatJson,
  markdown: formatMarkdown,
  sarif: (result, context) => sarif([result], context),
  github: (result, context) => github([result], context),
} as const satisfies Record<string, DiffFormatter>;

/**
 * The report of several diffs (`specwright diff --base git:REF` over the config's APIs): text and markdown one after
 * the other, JSON as an array of the one-diff objects, SARIF and GitHub annotations as one log of all changes.
 */
export function formatResults(
  format: DiffFormatName,
  results: readonly DiffResult[],
  context: DiffFormatContext,
): string {
  if (results.length === 1) return DIFF_FORMATTERS[format](results[0]!, context);
  if (format === "sarif") return sarif(results, context);
  if (format === "github") return github(results, context);
  if (format === "json") return `[\n${results.map((result) => formatJson(result, context).trimEnd()).join(",\n")}\n]\n`;
  return results.map((result) => DIFF_FORMATTERS[format](result, context)).join("\n");
}

export type DiffFormatName = keyof typeof DIFF_FORMATTERS;
export const DIFF_FORMAT_NAMES = Object.keys(DIFF_FORMATTERS) as DiffFormatName[];
export type { DiffFormatContext } from "./display.js";
