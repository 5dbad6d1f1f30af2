import { Command, CommanderError } from "commander";
import { createRequire } from "node:module";
import { EXIT_USAGE, reportFailure } from "./cli/errors.js";
import { registerLint } from "./cli/lint.js";
import { registerDiff } from "./cli/diff.js";
import { registerGenerate } from "./cli/generate.js";
import { registerPortal } from "./cli/portal.js";
import { registerDemo } from "./cli/demo.js";
// Each subcommand registers itself: one import above, one call below.

const { version } = createRequire(import.meta.url)("../package.json") as { version: string };

const program = new Command("specwright")
  .description("OpenAPI-first toolkit: lint against API conventions, diff for breaking changes, generate clients and servers, serve a docs portal")
  .version(version)
  .showHelpAfterError("(run with --help for usage)")
  // Bad usage exits 2 (commander's own default is 1, which we reserve for "problems found").
  .exitOverride((error: CommanderError) => {
    throw error;
  });

registerLint(program);
registerDiff(program);
registerGenerate(program);
registerPortal(program);
registerDemo(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) process.exitCode = error.exitCode === 0 ? 0 : EXIT_USAGE;
  else reportFailure(error);
}
