// `specwright lint --since git:REF` / `--base FILE`: where the base version of each linted spec is read from.
import { GitFileAccess, loadSpecFromGit, openRevision, parseGitSource } from "../git/index.js";
import { loadSpec, type LoadOptions, type SpecDocument } from "../load/index.js";
import { UsageError } from "./errors.js";

export type LintBase = { kind: "git"; ref: string } | { kind: "file"; file: string };

const FIX = "lint only what changed with --since git:REF (e.g. --since git:origin/main), or --base FILE for one spec";

/** The base the options name, or undefined for a lint of everything. */
export function lintBase(
  options: { since?: string; base?: string },
  specCount: number,
  resolveFile: (file: string) => string,
): LintBase | undefined {
  if (options.since !== undefined && options.base !== undefined)
    throw new UsageError("give either --since or --base, not both", FIX);
  if (options.since !== undefined) {
    const ref = parseGitSource(options.since);
    if (ref === undefined)
      throw new UsageError(
        `--since takes git:REF, not ${JSON.stringify(options.since)}`,
        `${FIX}; for a file use --base ${options.since}`,
      );
    return { kind: "git", ref };
  }
  if (options.base === undefined) return undefined;
  const ref = parseGitSource(options.base);
  if (ref !== undefined) return { kind: "git", ref };
  if (specCount !== 1)
    throw new UsageError(
      `--base FILE compares one spec, and ${specCount} were given`,
      "lint one spec with --base FILE, or many with --since git:REF",
    );
  return { kind: "file", file: resolveFile(options.base) };
}

/** The spec as it was at the base; undefined when it did not exist there (a new API: everything is new). */
export async function loadLintBase(
  base: LintBase,
  spec: string,
  options: LoadOptions,
): Promise<SpecDocument | undefined> {
  if (base.kind === "file") return loadSpec(base.file, options);
  const git = new GitFileAccess(await openRevision(base.ref, spec));
  if ((await git.realPath(spec)) === undefined) return undefined;
  return loadSpecFromGit(spec, options, git);
}
