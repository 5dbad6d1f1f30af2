import type { DiffChange, DiffResult } from "../types.js";
import { acceptedText, placeText, reclassifiedText, unmatchedText, type DiffFormatContext } from "./display.js";

const LABELS = { breaking: "breaking", warning: "warning", "non-breaking": "added", info: "info" } as const;

/** For people at a terminal: one block per change, then the summary and the versioning verdict. */
export function formatText(result: DiffResult, context: DiffFormatContext): string {
  const lines: string[] = [];
  for (const change of result.changes) {
    const label = change.accepted && change.classification === "breaking" ? "accepted" : LABELS[change.classification];
    lines.push(`${label.padEnd(8)}  ${change.message}  [${change.id}]`);
    const oldPlace = placeText(change.old, context.cwd);
    const newPlace = placeText(change.new, context.cwd);
    if (oldPlace) lines.push(`          old: ${oldPlace}`);
    if (newPlace) lines.push(`          new: ${newPlace}`);
    const reclassified = reclassifiedText(change, context.cwd);
    if (reclassified) lines.push(`          ${reclassified}`);
    if (change.accepted) lines.push(`          ${acceptedText(change.accepted, context.cwd)}`);
  }
  for (const entry of result.unmatchedAccepts ?? []) lines.push(`warning   ${unmatchedText(entry, context.cwd)}`);
  const { breaking, warning, nonBreaking, info } = result.summary;
  if (lines.length > 0) lines.push("");
  const accepted = result.summary.accepted ? ` (${result.summary.accepted} accepted)` : "";
  lines.push(
    `${breaking} breaking, ${warning} warning${warning === 1 ? "" : "s"}, ${nonBreaking} non-breaking, ${info} informational${accepted}`,
  );
  lines.push(
    `${result.versioning.verdict === "fail" ? "✖" : "✔"} ${result.versioning.ruleId}: ${result.versioning.message}`,
  );
  const failing =
    result.versioning.verdict === "fail"
      ? result.changes.find((change) => change.classification === "breaking" && !change.accepted)
      : undefined;
  if (failing) lines.push("", ...acceptHint(failing));
  return lines.join("\n") + "\n";
}

/** How to let a change through on purpose: an accept entry for the first failing change, ready to paste. */
function acceptHint(change: DiffChange): string[] {
  const where = change.operation
    ? `    operation: ${change.operation.method.toUpperCase()} ${change.operation.path}`
    : `    pointer: ${change.new?.pointer ?? change.old?.pointer ?? ""}`;
  return [
    "If a breaking change is intended and safe for your clients, accept it in specwright.config.yaml (see generator/diff/README.md#accept-list):",
    "  diff:",
    "    accept:",
    `    - check: ${change.id}`,
    `  ${where}`,
    "      reason: <why clients are not affected>",
    "      expires: <YYYY-MM-DD, the last day it holds>",
  ];
}
