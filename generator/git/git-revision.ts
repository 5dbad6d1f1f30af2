import { existsSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { GitError } from "./git-error.js";
import { isGitFailure, runGit } from "./run-git.js";

/** `git:REF` on the command line (`--base git:origin/main`): the ref, or undefined for anything else. */
export function parseGitSource(text: string): string | undefined {
  return text.startsWith("git:") ? text.slice("git:".length) : undefined;
}

/** One commit of a repository, resolved once, so every file of a spec is read from the same commit. */
export interface GitRevision {
  /** The ref as the user wrote it (`origin/main`), for messages and report labels. */
  ref: string;
  /** The commit it named when it was resolved. */
  commit: string;
  /** A folder of the working tree inside the repository (where git commands run). */
  anchorDir: string;
  /** `anchorDir` relative to the repository's top (`api/`, or "" at the top), as git prints it. */
  anchorPrefix: string;
}

/**
 * Resolves `ref` in the repository that contains `near` (a file or folder of the working tree, which need not
 * exist). Errors name the problem and the fix: not a repository, an unknown ref (a shallow CI checkout that did not
 * fetch the base branch is the usual cause), a ref that is not a commit.
 */
export async function openRevision(ref: string, near: string): Promise<GitRevision> {
  if (ref === "" || ref.startsWith("-") || /[\0\s]/.test(ref)) {
    throw new GitError(
      `invalid git ref ${JSON.stringify(ref)}`,
      "write the base as git:REF with a branch, tag or commit, e.g. --base git:origin/main",
    );
  }
  const anchorDir = existingFolder(resolve(near));
  let anchorPrefix: string;
  try {
    anchorPrefix = (await runGit(["rev-parse", "--show-prefix"], anchorDir)).toString("utf8").trim();
  } catch (error) {
    if (isGitFailure(error))
      throw new GitError(
        `not a git repository: ${anchorDir} (needed to read git:${ref})`,
        "run specwright in a clone of the repository, or compare two files: `specwright diff old.yaml new.yaml`",
      );
    throw error;
  }
  let commit: string;
  try {
    commit = (await runGit(["rev-parse", "--verify", "--quiet", "--end-of-options", `${ref}^{commit}`], anchorDir))
      .toString("utf8")
      .trim();
  } catch (error) {
    if (isGitFailure(error)) throw unknownRef(ref);
    throw error;
  }
  return { ref, commit, anchorDir, anchorPrefix };
}

function unknownRef(ref: string): GitError {
  const remote = /^([^/]+)\/(.+)$/.exec(ref);
  const fetch = remote ? `\`git fetch ${remote[1]} ${remote[2]}\`` : "`git fetch`";
  return new GitError(
    `unknown git ref "${ref}": no branch, tag or commit of that name in this repository`,
    `check the name (\`git branch -a\`, \`git tag\`); in CI fetch it first (${fetch}; actions/checkout needs \`fetch-depth: 0\` or a fetch of the base branch)`,
  );
}

/** The nearest folder that exists at or above `path`. */
function existingFolder(path: string): string {
  for (let current = path; ; current = dirname(current)) {
    if (existsSync(current) && statSync(current).isDirectory()) return current;
    if (dirname(current) === current) return current;
  }
}
