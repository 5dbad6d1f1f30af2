import { styleText } from "node:util";
import type { Diagnostic } from "../diagnostic.js";
import { codeFrame, type FramePaint } from "./code-frame.js";
import { displayPath, isAbsoluteUrl, type Formatter } from "./format-context.js";

type Style = Parameters<typeof styleText>[0];

/** For people: problems grouped by file, each with a code frame, then a summary line. */
export const formatStylish: Formatter = (diagnostics, context) => {
  const paint = (style: Style, text: string) => (context.color ? styleText(style, text) : text);
  const frame: FramePaint = { marker: (text) => paint(["red", "bold"], text), gutter: (text) => paint("gray", text) };
  if (diagnostics.length === 0 && context.fileCount === 0) return "";
  if (diagnostics.length === 0) {
    return (
      paint("green", `✔ no problems (${context.fileCount} ${context.fileCount === 1 ? "file" : "files"} linted)`) + "\n"
    );
  }
  const out: string[] = [];
  for (const [file, problems] of groupByFile(diagnostics)) {
    out.push(paint("underline", displayPath(file, context.cwd)));
    const lines = context.sourceOf(file)?.split("\n");
    for (const d of problems) {
      const severity = d.severity === "error" ? paint("red", "error") : paint("yellow", "warn ");
      out.push(
        `  ${paint("dim", `${d.line}:${d.column}`.padEnd(8))} ${severity}  ${d.message}  ${context.color ? hyperlink(paint("dim", d.ruleId), d.docUrl) : d.ruleId}`,
      );
      if (lines) out.push(indent(codeFrame(lines, d.line, d.column, frame), "    "));
    }
    out.push("");
  }
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  const warnings = diagnostics.length - errors;
  const summary = `✖ ${plural(diagnostics.length, "problem")} (${plural(errors, "error")}, ${plural(warnings, "warning")})`;
  out.push(paint(errors > 0 ? ["red", "bold"] : ["yellow", "bold"], summary));
  return out.join("\n") + "\n";
};

/**
 * A terminal hyperlink (OSC 8, shown as plain text by terminals without them) from a rule id to its docs, when
 * these are at an absolute URL; only with colours, i.e. on a terminal.
 */
function hyperlink(text: string, url: string): string {
  return isAbsoluteUrl(url) ? `\u001b]8;;${url}\u001b\\${text}\u001b]8;;\u001b\\` : text;
}

function groupByFile(diagnostics: readonly Diagnostic[]): Map<string, Diagnostic[]> {
  const groups = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) {
    const list = groups.get(d.file);
    if (list) list.push(d);
    else groups.set(d.file, [d]);
  }
  return groups;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

function indent(text: string, prefix: string): string {
  return text
    .split("\n")
    .map((line) => prefix + line)
    .join("\n");
}
