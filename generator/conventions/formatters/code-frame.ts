/** Longest stretch of a line shown in a frame: minified JSON can put a whole spec on one line. */
const MAX_SHOWN = 120;
const CONTEXT_BEFORE = 40;

export interface FramePaint {
  marker(text: string): string;
  gutter(text: string): string;
}

const PLAIN: FramePaint = { marker: (text) => text, gutter: (text) => text };

/**
 * The offending line with one line of context either side and a caret under the column:
 *     11 |   paths:
 *   > 12 |     /Pets:
 *        |     ^
 */
export function codeFrame(lines: readonly string[], line: number, column: number, paint: FramePaint = PLAIN): string {
  const first = Math.max(1, line - 1);
  const last = Math.min(lines.length, line + 1);
  const width = String(last).length;
  const start = clipStart(lines[line - 1] ?? "", column);
  const out: string[] = [];
  for (let n = first; n <= last; n++) {
    const text = clip(lines[n - 1] ?? "", start);
    const gutter = paint.gutter(` ${String(n).padStart(width)} |`);
    out.push(`${n === line ? paint.marker(">") : " "}${gutter}${text ? " " + text : ""}`);
    if (n === line) {
      const offset = Math.max(0, column - 1 - start) + (start > 0 ? 1 : 0);
      out.push(` ${paint.gutter(` ${" ".repeat(width)} |`)} ${" ".repeat(offset)}${paint.marker("^")}`);
    }
  }
  return out.join("\n");
}

function clipStart(text: string, column: number): number {
  return text.length <= MAX_SHOWN ? 0 : Math.max(0, Math.min(column - 1 - CONTEXT_BEFORE, text.length - MAX_SHOWN));
}

/** The visible part of a line; an ellipsis marks what was cut. Tabs become spaces so the caret lines up. */
function clip(text: string, start: number): string {
  const expanded = text.replace(/\t/g, " ").replace(/\r$/, "");
  if (expanded.length <= MAX_SHOWN) return expanded;
  return (
    (start > 0 ? "…" : "") + expanded.slice(start, start + MAX_SHOWN) + (start + MAX_SHOWN < expanded.length ? "…" : "")
  );
}
