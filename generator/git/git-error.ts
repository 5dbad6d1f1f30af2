/** A git ref or repository that cannot be used: one message and a fix, exit 2 (never a stack trace). */
export class GitError extends Error {
  override name = "GitError";
  constructor(
    message: string,
    readonly fix: string,
  ) {
    super(message);
  }
}
