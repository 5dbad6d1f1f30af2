import { Option, type Command } from "commander";
import { lintConfigFor } from "../config/index.js";
import { loadSpec, type LoadOptions, type SpecDocument } from "../load/index.js";
import { diffDocuments, type DiffResult } from "../diff/index.js";
import { applyPolicy, type AcceptEntry } from "../diff/policy/index.js";
import { describeEntry } from "../diff/policy/apply-policy.js";
import { DIFF_FORMAT_NAMES, formatResults, type DiffFormatName } from "../diff/format/index.js";
import { unmatchedText } from "../diff/format/display.js";
import { GitFileAccess, loadSpecFromGit, openRevision } from "../git/index.js";
import { diffInputs, type DiffInputOptions, type DiffInputs } from "./diff-inputs.js";
import { EXIT_OK, EXIT_PROBLEMS } from "./errors.js";

export interface DiffOptions extends DiffInputOptions {
  format: DiffFormatName;
  allowRemoteRefs?: boolean;
  /** Today as YYYY-MM-DD, for accept-list expiry (tests); UTC today otherwise. */
  today?: string;
}

export function registerDiff(program: Command): void {
  program
    .command("diff")
    .description(
      "compare two versions of an API: classify every change and fail on a breaking change without a new major version (exit 0 ok, 1 breaking change without a major bump, 2 bad usage, unreadable input or an expired accept entry)",
    )
    .argument(
      "[specs...]",
      "OLD NEW (two files), or with --base the new version of each spec (default: every API of specwright.config.yaml)",
    )
    .option(
      "--base <source>",
      "the previous version: git:REF (the same spec as committed at REF, e.g. git:origin/main) or a file",
    )
    .option("--accept <file>", "an accept-list file (YAML or JSON), added to the config's diff.accept")
    .option(
      "-c, --config <file>",
      "config file (default: the nearest specwright.config.yaml above the spec, then above the working folder)",
    )
    .addOption(new Option("-f, --format <name>", "output format").choices(DIFF_FORMAT_NAMES).default("text"))
    .option("--allow-remote-refs", "follow $refs to http(s) URLs")
    .action(async (specs: string[], options: DiffOptions) => {
      process.exitCode = await runDiff(specs, options);
    });
}

/** Loads both versions of each spec (a load error propagates to the CLI's error printer: exit 2), prints the report, returns the exit code. */
export async function runDiff(args: readonly string[], options: DiffOptions, cwd = process.cwd()): Promise<number> {
  const inputs = await diffInputs(args, options, cwd);
  const loadOptions: LoadOptions = { allowRemoteRefs: options.allowRemoteRefs };
  const git =
    inputs.base.kind === "git" ? new GitFileAccess(await openRevision(inputs.base.ref, inputs.specs[0]!)) : undefined;
  const results: DiffResult[] = [];
  const matched = new Set<AcceptEntry>();
  for (const spec of inputs.specs) {
    const [before, after] = await Promise.all([loadBase(inputs, spec, loadOptions, git), loadSpec(spec, loadOptions)]);
    const { settings } = lintConfigFor(inputs.config, spec);
    const changes = diffDocuments(before, after, { errorSchema: settings.errors.schema });
    const outcome = applyPolicy(changes, before, after, inputs.policy, { today: options.today });
    outcome.matched.forEach((entry) => matched.add(entry));
    results.push(git ? labelOldFiles(outcome.result, git) : outcome.result);
  }
  // With several specs an entry is unmatched only if no diff used it; it is reported once, with the last report.
  const unmatched = inputs.policy.accept.filter((entry) => !matched.has(entry)).map(describeEntry);
  results.forEach((result) => delete result.unmatchedAccepts);
  if (unmatched.length > 0) results[results.length - 1]!.unmatchedAccepts = unmatched;
  process.stdout.write(formatResults(options.format, results, { cwd }));
  // The text report lists them itself; other formats are read by programs, so people see the warning on stderr.
  if (options.format !== "text")
    for (const entry of unmatched) process.stderr.write(`warning: ${unmatchedText(entry, cwd)}\n`);
  return results.some((result) => result.versioning.verdict === "fail") ? EXIT_PROBLEMS : EXIT_OK;
}

async function loadBase(
  inputs: DiffInputs,
  spec: string,
  options: LoadOptions,
  git: GitFileAccess | undefined,
): Promise<SpecDocument> {
  if (inputs.base.kind === "file" || !git)
    return loadSpec(inputs.base.kind === "file" ? inputs.base.file : spec, options);
  return loadSpecFromGit(spec, options, git);
}

/** Files read from git are named the way git names them (`origin/main:api/openapi.yaml`), not as the working copy. */
function labelOldFiles(result: DiffResult, git: GitFileAccess): DiffResult {
  return {
    ...result,
    oldFile: git.label(result.oldFile),
    changes: result.changes.map((change) =>
      change.old ? { ...change, old: { ...change.old, file: git.label(change.old.file) } } : change,
    ),
  };
}
