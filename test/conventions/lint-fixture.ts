import { mkdtempSync, writeFileSync, mkdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll } from "vitest";
import { loadSpec } from "../../generator/load/index.js";
import {
  lintDocument,
  presetConfig,
  mergeSettings,
  ALL_RULES,
  type Diagnostic,
  type ConventionSettings,
} from "../../generator/conventions/index.js";
import type { DeepPartial } from "../../generator/conventions/settings.js";

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/**
 * Writes the given files (name -> text; the first is the root document) to a temp folder, loads and lints them with
 * the recommended preset (plus `settings`/`options`), and returns the problems of `ruleId` only.
 */
export async function lintFiles(
  files: Record<string, string>,
  ruleId: string,
  extra: { settings?: DeepPartial<ConventionSettings>; options?: Record<string, unknown> } = {},
): Promise<Diagnostic[]> {
  const dir = mkdtempSync(join(tmpdir(), "specwright-rule-"));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  const document = await loadSpec(join(dir, Object.keys(files)[0]!));
  const config = presetConfig("recommended", ALL_RULES);
  config.settings = mergeSettings(config.settings, extra.settings);
  const setting = config.rules[ruleId];
  if (!setting) throw new Error(`unknown rule ${ruleId}`);
  config.rules[ruleId] = {
    severity: setting.severity === "off" ? "warn" : setting.severity,
    options: { ...setting.options, ...extra.options },
  };
  return lintDocument(document, config).filter((d) => d.ruleId === ruleId);
}

export function lintYaml(yaml: string, ruleId: string, extra?: Parameters<typeof lintFiles>[2]): Promise<Diagnostic[]> {
  return lintFiles({ "openapi.yaml": yaml }, ruleId, extra);
}

/** Strips the common indentation, so fixtures can be written indented inside tests and line numbers stay readable. */
export function yaml(strings: TemplateStringsArray, ...values: unknown[]): string {
  const text = strings.reduce((out, s, i) => out + s + (i < values.length ? String(values[i]) : ""), "");
  const lines = text.replace(/^\n/, "").split("\n");
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => l.length - l.trimStart().length));
  return lines.map((l) => l.slice(indent)).join("\n");
}
