import { existsSync, statSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { SpecLoadError } from "../load/load-error.js";
import { SourceFile } from "../load/source-file.js";
import { ConfigError } from "./config-error.js";
import { checkConfigShape, defaultConfig, failAt, parseConfig } from "./parse-config.js";
import { loadExtensions } from "./extensions/load-extensions.js";
import type { SpecwrightConfig } from "./types.js";

export const CONFIG_FILE_NAMES = ["specwright.config.yaml", "specwright.config.yml"] as const;

/** The nearest config file in `startDir` or one of its ancestors. */
export function findConfigFile(startDir: string): string | undefined {
  let dir = resolve(startDir);
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = join(dir, name);
      if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
    }
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** Reads and validates a config file; the built-in defaults (relative to the cwd) when `path` is undefined. */
export async function loadConfigFile(path: string | undefined): Promise<SpecwrightConfig> {
  if (path === undefined) return defaultConfig(process.cwd());
  const file = resolve(path);
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === "EISDIR" ? "is a directory" : "not found or not readable";
    throw new ConfigError({
      message: `config file ${reason}: ${file}`,
      file,
      fix: "check the path given to --config (a specwright.config.yaml file)",
    });
  }
  const source = await parseSource(file, text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  const raw = checkConfigShape(source);
  // Plugins and shareable configs are ES modules, imported here (asynchronously) before the rules are checked.
  return parseConfig(source, await loadExtensions(raw, file, failAt(source)));
}

/** The config that governs a spec: the nearest one above the spec's folder, else above the working folder. */
export function configFileForSpec(specFile: string, cwd = process.cwd()): string | undefined {
  return (/^https?:\/\//i.test(specFile) ? undefined : findConfigFile(dirname(specFile))) ?? findConfigFile(cwd);
}

/** YAML syntax errors in the config are config errors (they stop the whole run), not errors of one spec. */
async function parseSource(file: string, text: string): Promise<SourceFile> {
  try {
    return await SourceFile.parse(file, text);
  } catch (error) {
    if (error instanceof SpecLoadError) throw new ConfigError(error);
    throw error;
  }
}
