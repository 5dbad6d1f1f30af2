import { displayPath } from "../../conventions/formatters/index.js";
import { CLASSIFICATIONS, type DiffChange, type DiffResult } from "../types.js";
import { acceptedText, placeText, reclassifiedText, unmatchedText, type DiffFormatContext } from "./display.js";

const HEADINGS = {
  breaking: "Breaking changes",
  warning: "Warnings",
  "non-breaking": "Non-breaking changes",
  info: "Informational",
} as const;

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
  if (result.summary.accepted)
    out.push("", `${result.summary.accepted} accepted by the accept-list (they do not fail the check).`);
  const sections: Array<[heading: string, changes: DiffChange[]]> = CLASSIFICATIONS.map((classification) => [
    HEADINGS[classification],
    result.changes.filter(
      (change) => change.classification === classification && !(classification === "breaking" && change.accepted),
    ),
  ]);
  sections.splice(1, 0, [
    "Accepted breaking changes",
    result.changes.filter((change) => change.classification === "breaking" && change.accepted),
  ]);
  for (const [heading, changes] of sections) {
    if (changes.length === 0) continue;
    out.push("", `### ${heading}`, "");
    for (const change of changes) {
      const place = placeText(change.new ?? change.old, context.cwd);
      out.push(`- ${cell(change.message)} \`${change.id}\`${place ? ` (${cell(place)})` : ""}`);
      const reclassified = reclassifiedText(change, context.cwd);
      if (reclassified) out.push(`  - ${cell(reclassified)}`);
      if (change.accepted) out.push(`  - ${cell(acceptedText(change.accepted, context.cwd))}`);
    }
  }
  if (result.unmatchedAccepts?.length) {
    out.push("", "### Accept entries that match nothing", "");
    for (const entry of result.unmatchedAccepts) out.push(`- ${cell(unmatchedText(entry, context.cwd))}`);
  }
  return out.join("\n") + "\n";
}

/** Text from a spec must not turn into markup (links, HTML) in the rendered comment. */
function cell(text: string): string {
  return text.replace(/[\\<>[\]|*_]/g, (character) => `\\${character}`);
}
