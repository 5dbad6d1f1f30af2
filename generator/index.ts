// The library: what `import { … } from "specwright"` gives. Every function runs the same code as the CLI command of
// the same name; README "Use as a library" has an example of each.
export { loadSpec, SpecDocument, type LoadOptions } from "./load/index.js";
export { lint, type LintOptions } from "./library/lint.js";
export { diff, formatDiff, type DiffOptions } from "./library/diff.js";
export { generate, type GenerateOptions, type JobResult as GenerateResult } from "./library/generate.js";
export { createPortal, type CreatePortalOptions, type PortalApp } from "./library/portal.js";
export { formatDiagnostics, type FormatLintOptions } from "./library/format.js";
export type { ConfigInput } from "./library/config-for.js";

export {
  defineRule,
  ALL_RULES,
  PRESET_NAMES,
  type Diagnostic,
  type Severity,
  type PresetName,
  type Rule,
  type RuleContext,
  type Visitors,
} from "./conventions/index.js";
export { FORMAT_NAMES, type FormatName } from "./conventions/formatters/index.js";
export { DIFF_FORMAT_NAMES, type DiffFormatName } from "./diff/format/index.js";
export {
  allChecks,
  type CheckDescription,
  type DiffChange,
  type DiffResult,
  type Classification,
} from "./diff/index.js";
export { loadConfigFile, type SpecwrightConfig } from "./config/index.js";

export { SpecwrightError, type ErrorPlace } from "./errors/specwright-error.js";
export { UsageError } from "./errors/usage-error.js";
export { SpecLoadError } from "./load/index.js";
export { ConfigError } from "./config/index.js";
export { ModelError } from "./model/model-error.js";
export { GitError } from "./git/git-error.js";
