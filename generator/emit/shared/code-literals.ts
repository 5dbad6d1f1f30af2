// The only ways spec text enters generated code. Every spec string goes through one of these; templates insert
// their results verbatim. Nothing here ever produces a template literal, so backticks and `${` are inert.

const LINE_TERMINATORS = /\r\n|[\r\n\u2028\u2029]/g;

/** A TypeScript/JavaScript string literal for any text (quotes, backslashes, newlines, U+2028/2029, lone surrogates). */
export function jsString(text: string): string {
  return JSON.stringify(text)
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029")
    .replace(/[\ud800-\udfff]/g, (unit) => `\\u${unit.charCodeAt(0).toString(16)}`);
}

/** Text safe inside a block comment: cannot close it (`*\/`), keeps one line per line. */
function commentSafe(text: string): string[] {
  return text
    .replace(/\*\//g, "*\\/")
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, "")
    .split(LINE_TERMINATORS)
    .map((line) => line.trimEnd());
}

/** A JSDoc block from paragraphs (undefined/empty ones dropped); "" when nothing is left. */
export function docComment(paragraphs: (string | undefined)[], indent = ""): string {
  const lines = paragraphs
    .filter((p): p is string => !!p && p.trim() !== "")
    .flatMap((p, index) => [...(index ? [""] : []), ...commentSafe(p.trim())]);
  if (lines.length === 0) return "";
  if (lines.length === 1) return `${indent}/** ${lines[0]} */\n`;
  return `${indent}/**\n${lines.map((line) => `${indent} *${line ? " " + line : ""}`).join("\n")}\n${indent} */\n`;
}

/** Text safe on a single `//` line comment. */
export function lineCommentText(text: string): string {
  return jsString(text).slice(1, -1);
}

/** An object/interface member name: bare when it is a plain identifier, else a string literal; `__proto__` is computed,
 * since in an object literal even the quoted form would set the prototype instead of defining a member. */
export function propertyKey(name: string): string {
  if (name === "__proto__") return `[${jsString(name)}]`;
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? name : jsString(name);
}

/** Text safe inside Markdown prose (README): no HTML, no raw line breaks inside table cells. */
export function markdownInline(text: string): string {
  return text
    .replace(LINE_TERMINATORS, " ")
    .replace(/[<>&|`\\*_[\]]/g, (char) => `\\${char}`)
    .trim();
}

/**
 * A spec description as README Markdown: its Markdown kept (links, emphasis, `code`, lists), its raw HTML shown as text
 * (`<` as `&lt;`: Markdown renders HTML outside code), and no code fence that could swallow the rest of the page.
 */
export function markdownText(text: string): string {
  return text
    .replace(LINE_TERMINATORS, "\n")
    .replace(/</g, "&lt;")
    .replace(
      /^([ \t]*)(`{3,}|~{3,})/gm,
      (_, indent: string, fence: string) => indent + fence.replace(/[`~]/g, (char) => `\\${char}`),
    )
    .trim();
}

/**
 * A code span for one-line text (a path, a parameter name): fenced with more backticks than it contains. Text with
 * `<` stays escaped prose instead, so that no README ever holds raw markup outside a code block.
 */
export function codeSpan(text: string): string {
  const flat = text.replace(LINE_TERMINATORS, " ");
  if (flat.includes("<")) return markdownInline(flat);
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longest + 1);
  const pad = flat.startsWith("`") || flat.endsWith("`") || longest > 0 ? " " : "";
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/** A JavaScript literal for a JSON value (examples, defaults), with the same escaping as jsString. */
export function jsLiteral(value: unknown): string {
  if (typeof value === "string") return jsString(value);
  if (Array.isArray(value))
    return `[${value.map((item) => (item === undefined ? "null" : jsLiteral(item))).join(",")}]`;
  if (value !== null && typeof value === "object") {
    if (typeof (value as { toJSON?: unknown }).toJSON === "function")
      return jsLiteral(JSON.parse(JSON.stringify(value)));
    const members = Object.entries(value).filter(([, member]) => member !== undefined);
    // In an object literal `"__proto__": x` sets the prototype; the computed form makes an own property, as JSON.parse does.
    return `{${members.map(([key, member]) => `${key === "__proto__" ? `[${jsString(key)}]` : jsString(key)}:${jsLiteral(member)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "undefined";
}
