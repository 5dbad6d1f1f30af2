/**
 * The one base of every error that is the user's to correct (a spec that cannot be loaded, a config mistake, a bad
 * flag, a declaration the model cannot honour). It carries where the problem is and how to fix it, so the CLI prints
 * it as one line plus a fix and exits 2, and a library caller can `instanceof SpecwrightError` instead of parsing
 * messages. Anything that is not a SpecwrightError is a bug in specwright.
 */
export interface ErrorPlace {
  /** The file at fault; absent for a mistake in how a command was called. */
  file?: string;
  line?: number;
  column?: number;
  /** A JSON pointer into the (bundled) document, where a line is not known. */
  pointer?: string;
}

export abstract class SpecwrightError extends Error {
  readonly file: string | undefined;
  readonly line: number | undefined;
  readonly column: number | undefined;
  readonly pointer: string | undefined;
  /** What to change to make the error go away. */
  readonly fix: string;

  constructor(message: string, fix: string, place: ErrorPlace = {}) {
    super(message);
    this.fix = fix;
    this.file = place.file;
    this.line = place.line;
    this.column = place.column;
    this.pointer = place.pointer;
  }

  /** `file:line:col: message` (or `message (at /pointer)`), then the fix on its own line when there is one. */
  format(relativeTo: (file: string) => string = (file) => file): string {
    const where = this.file === undefined ? "" : `${relativeTo(this.file)}:${this.line ?? 1}:${this.column ?? 1}: `;
    const pointer = this.pointer === undefined ? "" : ` (at ${this.pointer || "/"})`;
    return `${where}${this.message}${pointer}${this.fix ? `\n  fix: ${this.fix}` : ""}`;
  }
}
