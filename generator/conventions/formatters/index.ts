import type { Formatter } from "./format-context.js";
import { formatStylish } from "./stylish.js";
import { formatJson } from "./json.js";
import { formatSarif } from "./sarif.js";
import { formatGithub } from "./github.js";

export const FORMATTERS = {
  stylish: formatStylish,
  json: formatJson,
  sarif: formatSarif,
  github: formatGithub,
} as const satisfies Record<string, Formatter>;
export type FormatName = keyof typeof FORMATTERS;
export const FORMAT_NAMES = Object.keys(FORMATTERS) as FormatName[];

export { codeFrame } from "./code-frame.js";
export { displayPath, type FormatContext, type Formatter, type RuleMeta } from "./format-context.js";
