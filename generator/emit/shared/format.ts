/** A run of three or more line feeds with only spaces or tabs between them (group 1: its first line feed), or other
 * trailing spaces and tabs. */
const UNTIDY = /(\n)(?:[ \t]*\n){2,}|[ \t]+$/gm;

/** Normalises whitespace of generated text: no trailing spaces, at most one blank line, one final newline.
 * Templates are written formatted; this makes the output stable regardless of how partials join.
 * A 100 MB client.ts (Microsoft Graph beta) is not copied when it is already tidy, and copied once otherwise: one
 * regex pass (a run becomes one blank line, trailing blanks go), and a slice for the ends. */
export function tidy(text: string): string {
  UNTIDY.lastIndex = 0;
  const body = UNTIDY.test(text) ? text.replace(UNTIDY, "$1$1") : text;
  let end = body.length;
  while (end > 0 && body.charCodeAt(end - 1) === 10) end--;
  let start = 0;
  while (start < end && body.charCodeAt(start) === 10) start++;
  if (start === end) return "";
  // A slice keeps one of the final line feeds; without any, the one added makes a copy.
  return end < body.length ? body.slice(start, end + 1) : `${body.slice(start)}\n`;
}
