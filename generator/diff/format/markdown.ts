import { displayPath } from "../../conventions/formatters/index.js";
import { CLASSIFICATIONS, type DiffResult } from "../types.js";
import { placeText, type DiffFormatContext } from "./display.js";

const HEADINGS = { breaking: "Breaking changes", warning: "Warnings", "non-breaking": "Non-breaking changes", info: "Informational" } as const;

/** For a pull-request comment or a changelog: the verdict, a summary table and one list per classification. */
export function formatMarkdown(result: DiffResult, context: DiffFormatContext): string {
  const { breaking, warning, nonBreaking, info } = result.summary;
  const out: string[] = [
    `## API changes: ${cell(displayPath(result.oldFile, context.cwd))} → ${cell(displayPath(result.newFile, context.cwd))}`,
    "",
    `${result.versioning.verdict === "fail" ? "❌" : "✅"} **${result.versioning.ruleId}**: ${cell(result.versioning.message)}`,
    "",
    "| Breaking | Warnings | Non-breaking | Informational |",
    "| ---: | ---: | ---: | ---: |",
    `| ${breaking} | ${warning} | ${nonBreaking} | ${info} |`,
  ];
  for (const classification of CLASSIFICATIONS) {
    const changes = result.changes.filter((change) => change.classification === classification);
    if (changes.length === 0) continue;
    out.push("", `### ${HEADINGS[classification]}`, "");
    for (const change of changes) {
      const place = placeText(change.new ?? change.old, context.cwd);
      out.push(`- ${cell(change.message)} \`${change.id}\`${place ? ` (${cell(place)})` : ""}`);
    }
  }
  return out.join("\n") + "\n";
}

/** Text from a spec must not turn into markup (links, HTML) in the rendered comment. */
function cell(text: string): string {
  return text.replace(/[\\<>[\]|*_]/g, (character) => `\\${character}`);
}
