import { SpecwrightError } from "../errors/specwright-error.js";

/** A git ref or repository that cannot be used: one message and a fix, exit 2 (never a stack trace). */
export class GitError extends SpecwrightError {
  override name = "GitError";
  constructor(message: string, fix: string) {
    super(message, fix);
  }
}
