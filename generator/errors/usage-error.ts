import { SpecwrightError } from "./specwright-error.js";

/** A mistake in how a command or function was called (bad flag value, a glob that matches nothing): exit 2. */
export class UsageError extends SpecwrightError {
  override name = "UsageError";
  constructor(message: string, fix = "") {
    super(message, fix);
  }
}
