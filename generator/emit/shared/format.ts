/** Normalises whitespace of generated text: no trailing spaces, at most one blank line, one final newline.
 * Templates are written formatted; this makes the output stable regardless of how partials join. */
export function tidy(text: string): string {
  return text
    .replace(/[ \t]+$/gm, "")
    .replace(/\n{3,}/g, "\n\n")
    .replace(/\n*$/, "\n")
    .replace(/^\n+/, "");
}
