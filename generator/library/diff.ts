import { lintConfigFor } from "../config/index.js";
import { diffDocuments, type DiffResult } from "../diff/index.js";
import { DIFF_FORMATTERS, type DiffFormatName } from "../diff/format/index.js";
import { loadSpec, type LoadOptions, type SpecDocument } from "../load/index.js";
import { configFor, type ConfigInput } from "./config-for.js";

export interface DiffOptions extends LoadOptions {
  /** specwright.config.yaml (a path, or a parsed config); default: the nearest one above the new version. */
  config?: ConfigInput;
}

/**
 * Compares two versions of an API as `specwright diff` does: every change classified, and the versioning verdict
 * (`result.versioning.verdict === "fail"` when a breaking change comes without a new major version). The config's
 * `settings.errors.schema` names the error schema compared once for the whole API.
 */
export async function diff(
  base: string | SpecDocument,
  revision: string | SpecDocument,
  options: DiffOptions = {},
): Promise<DiffResult> {
  const load = (spec: string | SpecDocument) =>
    typeof spec === "string" ? loadSpec(spec, options) : Promise.resolve(spec);
  const [before, after] = await Promise.all([load(base), load(revision)]);
  const { settings } = lintConfigFor(await configFor(options.config, after.rootFile), after.rootFile);
  return diffDocuments(before, after, { errorSchema: settings.errors.schema });
}

/** A diff report as `specwright diff --format` prints it: text (default), json, markdown, sarif or github. */
export function formatDiff(result: DiffResult, options: { format?: DiffFormatName; cwd?: string } = {}): string {
  return DIFF_FORMATTERS[options.format ?? "text"](result, { cwd: options.cwd ?? process.cwd() });
}
