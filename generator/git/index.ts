export { GitError } from "./git-error.js";
export { openRevision, parseGitSource, type GitRevision } from "./git-revision.js";
export { GitFileAccess } from "./git-file-access.js";
export { loadSpecFromGit } from "./load-from-git.js";
