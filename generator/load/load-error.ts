/**
 * A problem with the input that stops loading: the CLI prints it as one line with file:line:col and a fix,
 * and exits 2. Never carries a stack trace to the user.
 */
export class SpecLoadError extends Error {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly fix: string;

  constructor(args: { message: string; file: string; line?: number; column?: number; fix: string }) {
    super(args.message);
    this.name = "SpecLoadError";
    this.file = args.file;
    this.line = args.line ?? 1;
    this.column = args.column ?? 1;
    this.fix = args.fix;
  }

  format(relativeTo: (file: string) => string = (file) => file): string {
    return `${relativeTo(this.file)}:${this.line}:${this.column}: ${this.message}\n  fix: ${this.fix}`;
  }
}
