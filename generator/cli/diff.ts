import { Option, type Command } from "commander";
import { loadSpec } from "../load/index.js";
import { diffDocuments } from "../diff/index.js";
import { DIFF_FORMATTERS, DIFF_FORMAT_NAMES, type DiffFormatName } from "../diff/format/index.js";
import { EXIT_OK, EXIT_PROBLEMS } from "./errors.js";

export interface DiffOptions {
  format: DiffFormatName;
  allowRemoteRefs?: boolean;
}

export function registerDiff(program: Command): void {
  program
    .command("diff")
    .description("compare two versions of an API: classify every change and fail on a breaking change without a new major version (exit 0 ok, 1 breaking change without a major bump, 2 bad usage or unreadable input)")
    .argument("<old>", "the previous version of the spec (e.g. `git show main:api/openapi.yaml > base.yaml`)")
    .argument("<new>", "the new version of the spec")
    .addOption(new Option("-f, --format <name>", "output format").choices(DIFF_FORMAT_NAMES).default("text"))
    .option("--allow-remote-refs", "follow $refs to http(s) URLs")
    .action(async (oldFile: string, newFile: string, options: DiffOptions) => {
      process.exitCode = await runDiff(oldFile, newFile, options);
    });
}

/** Loads both documents (a load error propagates to the CLI's error printer: exit 2), prints the report, returns the exit code. */
export async function runDiff(oldFile: string, newFile: string, options: DiffOptions, cwd = process.cwd()): Promise<number> {
  const loadOptions = { allowRemoteRefs: options.allowRemoteRefs };
  const [before, after] = await Promise.all([loadSpec(oldFile, loadOptions), loadSpec(newFile, loadOptions)]);
  const result = diffDocuments(before, after);
  process.stdout.write(DIFF_FORMATTERS[options.format](result, { cwd }));
  return result.versioning.verdict === "fail" ? EXIT_PROBLEMS : EXIT_OK;
}
