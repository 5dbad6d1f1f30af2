import { diffDocuments, type DiffResult } from "../diff/index.js";
import { DIFF_FORMATTERS, type DiffFormatName } from "../diff/format/index.js";
import { loadSpec, type LoadOptions, type SpecDocument } from "../load/index.js";

export type DiffOptions = LoadOptions;

/**
 * Compares two versions of an API as `specwright diff` does: every change classified, and the versioning verdict
 * (`result.versioning.verdict === "fail"` when a breaking change comes without a new major version).
 */
export async function diff(
  base: string | SpecDocument,
  revision: string | SpecDocument,
  options: DiffOptions = {},
): Promise<DiffResult> {
  const load = (spec: string | SpecDocument) =>
    typeof spec === "string" ? loadSpec(spec, options) : Promise.resolve(spec);
  const [before, after] = await Promise.all([load(base), load(revision)]);
  return diffDocuments(before, after);
}

/** A diff report as `specwright diff --format` prints it: text (default), json, markdown, sarif or github. */
export function formatDiff(result: DiffResult, options: { format?: DiffFormatName; cwd?: string } = {}): string {
  return DIFF_FORMATTERS[options.format ?? "text"](result, { cwd: options.cwd ?? process.cwd() });
}
