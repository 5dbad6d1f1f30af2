import { displayPath, type Formatter } from "./format-context.js";

/** For tools: one JSON array, one object per problem (the documented contract: 1-based line and column). */
export const formatJson: Formatter = (diagnostics, context) =>
  JSON.stringify(
    diagnostics.map((d) => ({
      ruleId: d.ruleId,
      severity: d.severity,
      message: d.message,
      file: displayPath(d.file, context.cwd),
      line: d.line,
      column: d.column,
      pointer: d.pointer,
      docUrl: d.docUrl,
    })),
    null,
    2,
  ) + "\n";
