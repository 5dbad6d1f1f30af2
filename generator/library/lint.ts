import { lintConfigFor } from "../config/index.js";
import { lintDocument, type Diagnostic, type PresetName } from "../conventions/index.js";
import { loadSpec, type LoadOptions, type SpecDocument } from "../load/index.js";
import { configFor, type ConfigInput } from "./config-for.js";

export interface LintOptions extends LoadOptions {
  /** specwright.config.yaml (a path, or a parsed config); default: the nearest one above the spec. */
  config?: ConfigInput;
  /** A rule preset instead of the config's `extends` (`recommended`, `strict`, `minimal`). */
  preset?: PresetName;
}

/**
 * Lints one spec (a path, or a document from `loadSpec`) against the conventions, exactly as `specwright lint`
 * does: the config's rules, overrides and `x-specwright-ignore` apply. Throws SpecLoadError/ConfigError (both
 * SpecwrightError) for input that cannot be used.
 */
export async function lint(spec: string | SpecDocument, options: LintOptions = {}): Promise<Diagnostic[]> {
  const document = typeof spec === "string" ? await loadSpec(spec, options) : spec;
  const config = await configFor(options.config, document.rootFile);
  return lintDocument(
    document,
    lintConfigFor(config, document.rootFile, options.preset !== undefined ? { preset: options.preset } : {}),
  );
}
