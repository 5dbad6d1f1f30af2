export { configFileForSpec, findConfigFile, loadConfigFile, CONFIG_FILE_NAMES } from "./load-config-file.js";
export { lintConfigFor } from "./lint-config-for.js";
export { defaultConfig } from "./parse-config.js";
export { ConfigError } from "./config-error.js";
export { matchesGlobs, relativePosix } from "./file-globs.js";
export type { ApiEntry, ConfigOverride, RuleEntry, SpecwrightConfig } from "./types.js";
export { expandSpecPatterns, type ExpandedSpecs } from "./spec-files.js";
export { apiModelSettings, modelOptionsFor, type ApiModelSettings } from "./model-options.js";
export { loadAcceptFile } from "./diff-policy.js";
