import { execFile } from "node:child_process";
import { GitError } from "./git-error.js";

export interface GitFailure {
  /** git's exit status. */
  status: number | undefined;
  stderr: string;
}

/**
 * Runs git with arguments given as a list (execFile: no shell, so a ref or path is never interpreted by one).
 * `input` is written to git's stdin. Resolves with stdout as bytes; a non-zero exit rejects with a GitFailure, a missing git binary with a GitError.
 * GIT_LITERAL_PATHSPECS: paths are names, never globs or pathspec magic.
 */
export function runGit(args: readonly string[], cwd: string, input?: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      "git",
      args,
      {
        cwd,
        encoding: "buffer",
        maxBuffer: 1024 * 1024 * 1024,
        env: { ...process.env, GIT_LITERAL_PATHSPECS: "1", GIT_TERMINAL_PROMPT: "0" },
      },
      (error, stdout, stderr) => {
        if (!error) return resolve(stdout);
        if ((error as NodeJS.ErrnoException).code === "ENOENT")
          return reject(
            new GitError(
              "git is not installed or not on PATH",
              "install git, or compare two files: `specwright diff old.yaml new.yaml`",
            ),
          );
        const status =
          typeof (error as { code?: unknown }).code === "number" ? (error as { code: number }).code : undefined;
        reject({ status, stderr: stderr.toString("utf8").trim() } satisfies GitFailure);
      },
    );
    if (input !== undefined) child.stdin?.end(input);
  });
}

export function isGitFailure(error: unknown): error is GitFailure {
  return typeof error === "object" && error !== null && "stderr" in error && !(error instanceof Error);
}
