import { SpecwrightError } from "../errors/specwright-error.js";
export { UsageError } from "../errors/usage-error.js";
import { displayPath } from "../conventions/formatters/format-context.js";

/** Exit codes every subcommand shares: 0 clean, 1 problems found, 2 bad usage or unreadable input. */
export const EXIT_OK = 0;
export const EXIT_PROBLEMS = 1;
export const EXIT_USAGE = 2;

/**
 * The one message printed for an error that ends a command: for a SpecwrightError (input problems, bad usage) its
 * place and fix, and for anything else a one-line internal error (the stack only with SPECWRIGHT_DEBUG=1).
 */
export function describeFailure(error: unknown, cwd = process.cwd()): string {
  const shortPath = (file: string) => displayPath(file, cwd);
  if (error instanceof SpecwrightError) return `error: ${error.format(shortPath)}`;
  const message = error instanceof Error ? error.message : String(error);
  const debug = process.env.SPECWRIGHT_DEBUG === "1" && error instanceof Error && error.stack ? `\n${error.stack}` : "";
  return `internal error: ${message.split("\n")[0]}\n  rerun with SPECWRIGHT_DEBUG=1 to see the stack trace, and please report it${debug}`;
}

/** Prints the failure on stderr and sets exit code 2. */
export function reportFailure(error: unknown): void {
  process.stderr.write(describeFailure(error) + "\n");
  process.exitCode = EXIT_USAGE;
}
