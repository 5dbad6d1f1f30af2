import { loadSpec, SpecLoadError, type LoadOptions, type SpecDocument } from "../load/index.js";
import type { GitFileAccess } from "./git-file-access.js";

/** The spec (a working-tree path) as committed at the revision `git` reads; load errors name the committed file. */
export async function loadSpecFromGit(spec: string, options: LoadOptions, git: GitFileAccess): Promise<SpecDocument> {
  try {
    return await loadSpec(spec, { ...options, access: git });
  } catch (error) {
    // The place of a problem in the base is in the committed file, not in the working copy of the same name.
    if (error instanceof SpecLoadError)
      throw new SpecLoadError({
        message: error.message,
        file: git.label(error.file),
        line: error.line,
        column: error.column,
        fix: error.fix,
      });
    throw error;
  }
}
