import { join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * Where specwright keeps what it can compute again (compiled validators, example verdicts, generated mocks, patched
 * assets): node_modules/.cache/specwright of the package, beside the modules those files import.
 */
export const SPECWRIGHT_CACHE = join(
  fileURLToPath(new URL("../../", import.meta.url)),
  "node_modules",
  ".cache",
  "specwright",
);
