import { displayPath, type Formatter } from "./format-context.js";

/** GitHub Actions workflow commands: each problem becomes an annotation on the pull request's diff, ending with the rule's docs. */
export const formatGithub: Formatter = (diagnostics, context) =>
  diagnostics
    .map((d) => {
      const command = d.severity === "error" ? "error" : "warning";
      const properties = [
        `file=${escapeProperty(displayPath(d.file, context.cwd))}`,
        `line=${d.line}`,
        `col=${d.column}`,
        `title=${escapeProperty(d.ruleId)}`,
      ];
      return `::${command} ${properties.join(",")}::${escapeData(`${d.message} (${d.ruleId}: ${d.docUrl})`)}\n`;
    })
    .join("");

/** The escaping @actions/core applies, so that a message cannot end the command or start another. */
function escapeData(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
