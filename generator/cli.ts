import { Command, CommanderError } from "commander";
import { createRequire } from "node:module";
import { EXIT_USAGE, reportFailure } from "./cli/errors.js";

// Each subcommand registers itself from its own module. Only the module of the command being run is loaded (lint
// never pays for the diff engine or the emitters); help, a bare `specwright` and unknown commands load them all.
const COMMANDS: Record<string, () => Promise<(program: Command) => void>> = {
  lint: async () => (await import("./cli/lint.js")).registerLint,
  diff: async () => (await import("./cli/diff.js")).registerDiff,
  generate: async () => (await import("./cli/generate.js")).registerGenerate,
  portal: async () => (await import("./cli/portal.js")).registerPortal,
  demo: async () => (await import("./cli/demo.js")).registerDemo,
  init: async () => (await import("./cli/init.js")).registerInit,
};

const { version } = createRequire(import.meta.url)("../package.json") as { version: string };

const program = new Command("specwright")
  .description(
    "OpenAPI-first toolkit: lint against API conventions, diff for breaking changes, generate clients and servers, serve a docs portal",
  )
  .version(version)
  .showHelpAfterError("(run with --help for usage)")
  // Bad usage exits 2 (commander's own default is 1, which we reserve for "problems found").
  .exitOverride((error: CommanderError) => {
    throw error;
  });

const requested = process.argv.slice(2).find((arg) => !arg.startsWith("-"));
const needed =
  requested !== undefined && requested in COMMANDS && !process.argv.includes("--help") && !process.argv.includes("-h")
    ? [requested]
    : Object.keys(COMMANDS);
for (const register of await Promise.all(needed.map((name) => COMMANDS[name]!()))) register(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) process.exitCode = error.exitCode === 0 ? 0 : EXIT_USAGE;
  else reportFailure(error);
}
