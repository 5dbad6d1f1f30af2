import { readFile, realpath, stat } from "node:fs/promises";

/** What is at a path: a folder or a file of `size` bytes. */
export interface FileEntry {
  isDirectory: boolean;
  size: number;
}

/**
 * Where the loader reads a spec's local files from: the disk by default, or a git revision (generator/git), so a
 * multi-file spec is read whole from one place with no temporary copy. Paths are absolute in the working tree's
 * layout; the loader's checks (inside the root folder, size limit) apply to every implementation alike.
 */
export interface FileAccess {
  /** The path with symlinks resolved; undefined when nothing is there. */
  realPath(path: string): Promise<string | undefined>;
  /** What is at a real path; undefined when nothing is there. */
  entry(realPath: string): Promise<FileEntry | undefined>;
  /** The text of the file at a real path (checked by `entry` first). */
  readText(realPath: string): Promise<string>;
  /** For messages about a missing file: its name where it was looked for, and how to see what is there (absent for the disk). */
  missing?(path: string, referenced: boolean): { name: string; fix: string };
}

/** The working tree as it is on disk. */
export const DISK_ACCESS: FileAccess = {
  realPath: (path) => realpath(path).catch(() => undefined),
  entry: (path) =>
    stat(path).then(
      (info) => ({ isDirectory: info.isDirectory(), size: info.size }),
      () => undefined,
    ),
  readText: (path) => readFile(path, "utf8"),
};
