import { SpecLoadError } from "../load/load-error.js";
import { displayPath } from "../conventions/formatters/format-context.js";

/** Exit codes every subcommand shares: 0 clean, 1 problems found, 2 bad usage or unreadable input. */
export const EXIT_OK = 0;
export const EXIT_PROBLEMS = 1;
export const EXIT_USAGE = 2;

/** A mistake in how the command was called (bad flag value, a glob that matches nothing): one message, exit 2. */
export class UsageError extends Error {
  override name = "UsageError";
  constructor(
    message: string,
    readonly fix?: string,
  ) {
    super(message);
  }
}

/** Errors that carry a place and a fix (spec load, config, model) are the user's to correct, not crashes. */
interface FixableError {
  message: string;
  fix: string;
}

function isFixable(error: unknown): error is FixableError & Error {
  return error instanceof Error && typeof (error as Partial<FixableError>).fix === "string";
}

/**
 * The one message printed for an error that ends a command: file:line:col + fix for input problems, the usage
 * message for bad usage, and for anything else a one-line internal error (the stack only with SPECWRIGHT_DEBUG=1).
 */
export function describeFailure(error: unknown, cwd = process.cwd()): string {
  const shortPath = (file: string) => displayPath(file, cwd);
  if (error instanceof SpecLoadError) return `error: ${error.format(shortPath)}`;
  if (error instanceof UsageError) return `error: ${error.message}${error.fix ? `\n  fix: ${error.fix}` : ""}`;
  if (isFixable(error)) {
    const pointer = (error as { pointer?: unknown }).pointer;
    return `error: ${error.message}${typeof pointer === "string" ? ` (at ${pointer || "/"})` : ""}\n  fix: ${error.fix}`;
  }
  const message = error instanceof Error ? error.message : String(error);
  const debug = process.env.SPECWRIGHT_DEBUG === "1" && error instanceof Error && error.stack ? `\n${error.stack}` : "";
  return `internal error: ${message.split("\n")[0]}\n  rerun with SPECWRIGHT_DEBUG=1 to see the stack trace, and please report it${debug}`;
}

/** Prints the failure on stderr and sets exit code 2. */
export function reportFailure(error: unknown): void {
  process.stderr.write(describeFailure(error) + "\n");
  process.exitCode = EXIT_USAGE;
}
