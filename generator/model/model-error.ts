import { SpecwrightError } from "../errors/specwright-error.js";

/** A declaration the model cannot honour (an x-pagination naming a missing field): located by a pointer, exit 2. */
export class ModelError extends SpecwrightError {
  override name = "ModelError";
  constructor(message: string, pointer: string, fix: string, file?: string) {
    super(message, fix, { pointer, ...(file !== undefined ? { file } : {}) });
  }
}
