import { existsSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { Option, InvalidArgumentError, type Command } from "commander";
import { loadSpec, SpecLoadError, type SpecDocument } from "../load/index.js";
import { lintDocument, PRESET_NAMES, type Diagnostic, type PresetName } from "../conventions/index.js";
import { newProblems, readBaselineFile, writeBaselineFile } from "../conventions/baseline.js";
import { FORMAT_NAMES, type FormatName } from "../conventions/formatters/index.js";
import { formatDiagnostics } from "../library/format.js";
import {
  ConfigError,
  configFileForSpec,
  expandSpecPatterns,
  lintConfigFor,
  loadConfigFile,
  type SpecwrightConfig,
} from "../config/index.js";
import { lintBase, loadLintBase } from "./lint-since.js";
import { describeFailure, EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, UsageError } from "./errors.js";

export interface LintOptions {
  format: FormatName;
  config?: string;
  preset?: PresetName;
  allowRemoteRefs?: boolean;
  maxFileSize?: number;
  writeBaseline?: string | true;
  baseline?: string;
  quiet?: boolean;
  maxWarnings?: number;
  since?: string;
  base?: string;
}

const DEFAULT_BASELINE_NAME = ".specwright-baseline.json";

export function registerLint(program: Command): void {
  program
    .command("lint")
    .description(
      "check OpenAPI documents against the API conventions (exit 0 clean, 1 errors found, 2 bad usage or unreadable input)",
    )
    .argument("<files...>", "spec files or globs (quote globs: 'specs/**/openapi.yaml')")
    .addOption(new Option("-f, --format <name>", "output format").choices(FORMAT_NAMES).default("stylish"))
    .option(
      "-c, --config <file>",
      "config file (default: the nearest specwright.config.yaml above each spec, then above the working folder)",
    )
    .addOption(new Option("--preset <name>", "rule preset, instead of the config's `extends`").choices(PRESET_NAMES))
    .option("--allow-remote-refs", "follow $refs to http(s) URLs")
    .option("--max-file-size <MiB>", "largest spec file accepted, in MiB (default 64)", parsePositiveNumber)
    .option(
      "--write-baseline [file]",
      `record today's problems as accepted (default: the config's \`baseline\`, else ${DEFAULT_BASELINE_NAME})`,
    )
    .option(
      "--baseline <file>",
      "report only problems not recorded in this baseline (default: the config's `baseline`, when it exists)",
    )
    .option("-q, --quiet", "report errors only")
    .option("--max-warnings <count>", "exit 1 when there are more warnings than this", parseCount)
    .option(
      "--since <git:REF>",
      "apply the rules only to operations and components added or changed since REF (e.g. git:origin/main)",
    )
    .option("--base <file>", "the same with the previous version read from a file (one spec)")
    .action(async (patterns: string[], options: LintOptions) => {
      process.exitCode = await runLint(patterns, options);
    });
}

/** Lints every file; prints the report on stdout and input failures on stderr; returns the exit code. */
export async function runLint(patterns: readonly string[], options: LintOptions, cwd = process.cwd()): Promise<number> {
  const { files, unmatched } = await expandSpecPatterns(patterns, cwd);
  if (unmatched.length > 0)
    throw new UsageError(
      `no files match ${unmatched.map((p) => `'${p}'`).join(", ")}`,
      "check the pattern; quote it so the shell does not expand it",
    );
  const base = lintBase(options, files.length, (file) => resolve(cwd, file));
  const configs = new ConfigCache(options.config);
  const linted: Array<{ document: SpecDocument; config: SpecwrightConfig; diagnostics: Diagnostic[] }> = [];
  let failed = false;
  for (const file of files) {
    try {
      const config = await configs.forSpec(file, cwd);
      const loadOptions = {
        allowRemoteRefs: options.allowRemoteRefs,
        maxFileBytes: options.maxFileSize === undefined ? undefined : Math.round(options.maxFileSize * 1024 * 1024),
      };
      const document = await loadSpec(file, loadOptions);
      const diagnostics = lintDocument(document, lintConfigFor(config, document.rootFile, { preset: options.preset }));
      const before = base && (await loadLintBase(base, file, loadOptions));
      // Loaded only for --since/--base: it pulls in the diff engine, which a plain lint does not need.
      const scoped = before ? await import("../diff/changed-scope.js") : undefined;
      const scope = before && scoped?.changedScope(before, document);
      linted.push({
        document,
        config,
        diagnostics: scope && scoped ? diagnostics.filter((d) => scoped.inChangedScope(scope, d)) : diagnostics,
      });
    } catch (error) {
      // A config error applies to every spec it governs: stop. A spec that cannot be read only ends its own lint.
      if (error instanceof ConfigError || !(error instanceof SpecLoadError)) throw error;
      process.stderr.write(describeFailure(error, cwd) + "\n");
      failed = true;
    }
  }

  if (options.writeBaseline !== undefined) {
    for (const [path, diagnostics] of groupByBaseline(linted, (config) =>
      typeof options.writeBaseline === "string"
        ? resolve(cwd, options.writeBaseline)
        : (config.baseline ?? resolve(config.file ? config.dir : cwd, DEFAULT_BASELINE_NAME)),
    )) {
      writeBaselineFile(path, diagnostics);
      process.stderr.write(
        `wrote ${diagnostics.length} ${diagnostics.length === 1 ? "problem" : "problems"} to ${path}\n`,
      );
    }
    return failed ? EXIT_USAGE : EXIT_OK;
  }

  const reported: Diagnostic[] = [];
  for (const [path, diagnostics] of groupByBaseline(linted, (config) =>
    options.baseline !== undefined ? resolve(cwd, options.baseline) : config.baseline,
  )) {
    const baseline =
      path === undefined || (options.baseline === undefined && !existsSync(path)) ? undefined : readBaselineFile(path);
    reported.push(...(baseline ? newProblems(diagnostics, baseline, dirname(path!)) : diagnostics));
  }
  const errors = reported.filter((d) => d.severity === "error");
  const warnings = reported.length - errors.length;
  const shown = options.quiet ? errors : reported;
  const sources = new Map(
    linted.flatMap(({ document }) => [...document.files].map(([file, source]) => [file, source] as const)),
  );
  process.stdout.write(
    formatDiagnostics(shown, {
      format: options.format,
      cwd,
      color: useColor(),
      sourceOf: (file) => sources.get(file)?.text,
      fileCount: linted.length,
      customRules: customRulesOf(linted),
    }),
  );
  if (failed) return EXIT_USAGE;
  if (errors.length > 0) return EXIT_PROBLEMS;
  if (options.maxWarnings !== undefined && warnings > options.maxWarnings) {
    process.stderr.write(`specwright found ${warnings} warnings (more than --max-warnings ${options.maxWarnings})\n`);
    return EXIT_PROBLEMS;
  }
  return EXIT_OK;
}

/** The plugin and declarative rules of the configs used, each once (by id). */
function customRulesOf(linted: ReadonlyArray<{ config: SpecwrightConfig }>) {
  return [
    ...new Map(linted.flatMap(({ config }) => config.customRules.map((rule) => [rule.id, rule] as const))).values(),
  ];
}

/** One config per config file, loaded once; `--config` wins over the search. */
class ConfigCache {
  private readonly loaded = new Map<string | undefined, Promise<SpecwrightConfig>>();
  constructor(private readonly explicit: string | undefined) {}

  forSpec(specFile: string, cwd: string): Promise<SpecwrightConfig> {
    const path = this.explicit !== undefined ? resolve(cwd, this.explicit) : configFileForSpec(specFile, cwd);
    let config = this.loaded.get(path);
    if (!config) {
      config = loadConfigFile(path);
      this.loaded.set(path, config);
    }
    return config;
  }
}

function groupByBaseline<K>(
  linted: ReadonlyArray<{ config: SpecwrightConfig; diagnostics: Diagnostic[] }>,
  pathFor: (config: SpecwrightConfig) => K,
): Map<K, Diagnostic[]> {
  const groups = new Map<K, Diagnostic[]>();
  for (const { config, diagnostics } of linted) {
    const key = pathFor(config);
    groups.set(key, [...(groups.get(key) ?? []), ...diagnostics]);
  }
  return groups;
}

/** Colours only for a terminal, never when NO_COLOR is set (https://no-color.org); FORCE_COLOR forces them. */
function useColor(): boolean {
  if (process.env.NO_COLOR) return false;
  if (process.env.FORCE_COLOR && process.env.FORCE_COLOR !== "0") return true;
  return process.stdout.isTTY === true && process.env.TERM !== "dumb";
}

function parsePositiveNumber(value: string): number {
  const number = Number(value);
  if (!Number.isFinite(number) || number <= 0)
    throw new InvalidArgumentError("expected a positive number of MiB, e.g. 64");
  return number;
}

function parseCount(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError("expected a whole number >= 0");
  return Number(value);
}
