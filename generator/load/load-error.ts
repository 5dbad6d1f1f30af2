import { SpecwrightError } from "../errors/specwright-error.js";

/**
 * A problem with the input that stops loading: the CLI prints it as one line with file:line:col and a fix,
 * and exits 2. Never carries a stack trace to the user.
 */
export class SpecLoadError extends SpecwrightError {
  declare readonly file: string;
  declare readonly line: number;
  declare readonly column: number;

  constructor(args: { message: string; file: string; line?: number; column?: number; fix: string }) {
    super(args.message, args.fix, { file: args.file, line: args.line ?? 1, column: args.column ?? 1 });
    this.name = "SpecLoadError";
  }
}
