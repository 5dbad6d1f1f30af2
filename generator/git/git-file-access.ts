import { basename, dirname, posix, relative, resolve, sep } from "node:path";
import type { FileAccess, FileEntry } from "../load/file-access.js";
import type { GitRevision } from "./git-revision.js";
import { runGit } from "./run-git.js";

interface TreeEntry extends FileEntry {
  name: string;
  object: string;
  isSymlink: boolean;
}

const MAX_SYMLINK_HOPS = 40;
/** Files that may be parts of a spec, read together with the first one asked for in their folder. */
const SPEC_FILE = /\.(ya?ml|json)$/i;
const BATCH_BYTES = 32 * 1024 * 1024;

/**
 * Reads files from a git revision as if it were checked out in the working tree: the loader asks for working-tree
 * paths, and each is read from the same commit (`git ls-tree` once per folder, one `git cat-file --batch` for the
 * spec files of a folder; nothing is written to disk). Symlinks stored in the commit are followed like the disk's;
 * a path through a symlinked folder is not found.
 */
export class GitFileAccess implements FileAccess {
  private readonly folders = new Map<string, Promise<Map<string, TreeEntry> | undefined>>();
  private readonly blobs = new Map<string, Promise<string>>();

  constructor(readonly revision: GitRevision) {}

  /** The path inside the repository (`api/openapi.yaml`), or undefined outside it. */
  repoPath(path: string): string | undefined {
    const fromAnchor = relative(this.revision.anchorDir, path).split(sep).join("/");
    const inRepo = posix.normalize(this.revision.anchorPrefix + fromAnchor);
    if (inRepo === ".." || inRepo.startsWith("../") || posix.isAbsolute(inRepo)) return undefined;
    return inRepo === "." ? "" : inRepo.replace(/\/$/, "");
  }

  /** How reports name a file of this revision: the way git names it (`origin/main:api/openapi.yaml`). */
  label(path: string): string {
    const inRepo = this.repoPath(path);
    return inRepo === undefined ? path : `${this.revision.ref}:${inRepo}`;
  }

  async realPath(path: string, hops = 0): Promise<string | undefined> {
    const found = await this.lookup(path);
    if (!found) return undefined;
    if (!found.isSymlink) return path;
    if (hops >= MAX_SYMLINK_HOPS) return undefined;
    const target = (await this.readText(path)).trim();
    // A link is relative to its folder, or absolute; either way it is looked up in the commit, never on disk.
    return this.realPath(resolve(dirname(path), target), hops + 1);
  }

  async entry(path: string): Promise<FileEntry | undefined> {
    const found = await this.lookup(path);
    return found && { isDirectory: found.isDirectory, size: found.size };
  }

  async readText(path: string): Promise<string> {
    const found = await this.lookup(path);
    if (!found) throw new Error(`GitFileAccess: ${path} is not in ${this.revision.commit}`);
    if (!this.blobs.has(found.object)) {
      // One `git cat-file --batch` for the spec-like files of this folder: a spec split into many schema files costs
      // one process per folder, not one per file.
      const inRepo = this.repoPath(path)!;
      const folder = await this.folder(posix.dirname(inRepo) === "." ? "" : posix.dirname(inRepo));
      const siblings = [...(folder?.values() ?? [])].filter(
        (entry, index, all) =>
          !entry.isDirectory && !entry.isSymlink && all.findIndex((other) => other.object === entry.object) === index,
      );
      const batch = SPEC_FILE.test(inRepo)
        ? pickBatch(
            siblings.filter((entry) => entry.object === found.object || SPEC_FILE.test(entry.name)),
            found,
          )
        : [found];
      const texts = readBlobs(
        batch.map((entry) => entry.object),
        this.revision.anchorDir,
      );
      for (const entry of batch)
        if (!this.blobs.has(entry.object))
          this.blobs.set(
            entry.object,
            texts.then((read) => textOf(read, entry.object, path)),
          );
    }
    return this.blobs.get(found.object)!;
  }

  missing(path: string, referenced: boolean): { name: string; fix: string } {
    const inRepo = this.repoPath(path);
    const folder = inRepo === undefined ? "" : posix.dirname(inRepo);
    return {
      name: `${this.label(path)} (git:${this.revision.ref})`,
      fix:
        inRepo === undefined
          ? "the file is outside the git repository"
          : `\`git ls-tree --full-tree --name-only ${this.revision.ref} -- ${folder === "." ? "" : `${folder}/`}\` lists what that ref has there${referenced ? "" : " (a spec that is new in this change has no base to compare)"}`,
    };
  }

  private async lookup(path: string): Promise<TreeEntry | undefined> {
    const inRepo = this.repoPath(path);
    if (inRepo === undefined) return undefined;
    if (inRepo === "") return { name: "", isDirectory: true, size: 0, object: this.revision.commit, isSymlink: false };
    const folder = posix.dirname(inRepo);
    return (await this.folder(folder === "." ? "" : folder))?.get(basename(inRepo));
  }

  /** The entries of one folder of the commit, listed once. */
  private folder(inRepo: string): Promise<Map<string, TreeEntry> | undefined> {
    let listed = this.folders.get(inRepo);
    if (!listed) {
      listed = this.list(inRepo);
      this.folders.set(inRepo, listed);
    }
    return listed;
  }

  private async list(inRepo: string): Promise<Map<string, TreeEntry> | undefined> {
    // `--full-tree` makes paths relative to the top whatever the folder git runs in; a trailing `/` lists the contents.
    const args = [
      "ls-tree",
      "-z",
      "--long",
      "--full-tree",
      this.revision.commit,
      ...(inRepo === "" ? [] : ["--", `${inRepo}/`]),
    ];
    const output = (await runGit(args, this.revision.anchorDir)).toString("utf8");
    const entries = new Map<string, TreeEntry>();
    for (const record of output.split("\0")) {
      // <mode> SP <type> SP <object> SP+ <size> TAB <path>
      const match = /^(\d+) (\w+) ([0-9a-f]+) +(\S+)\t(.*)$/s.exec(record);
      if (!match) continue;
      const [, mode, type, object, size, name] = match;
      entries.set(posix.basename(name!), {
        name: posix.basename(name!),
        isDirectory: type === "tree",
        size: size === "-" ? 0 : Number(size),
        object: object!,
        isSymlink: mode === "120000",
      });
    }
    return entries;
  }
}

function textOf(read: ReadonlyMap<string, string>, object: string, path: string): string {
  const text = read.get(object);
  if (text === undefined) throw new Error(`git cat-file did not return ${object} (${path})`);
  return text;
}

/** The file asked for, then its spec-like neighbours while the batch stays under BATCH_BYTES. */
function pickBatch(candidates: readonly TreeEntry[], wanted: TreeEntry): TreeEntry[] {
  const batch = [wanted];
  let bytes = wanted.size;
  for (const entry of candidates) {
    if (entry.object === wanted.object || bytes + entry.size > BATCH_BYTES) continue;
    batch.push(entry);
    bytes += entry.size;
  }
  return batch;
}

/** Reads blobs by object id in one `git cat-file --batch`: each answer is `<oid> <type> <size>\n<content>\n`. */
async function readBlobs(objects: readonly string[], cwd: string): Promise<Map<string, string>> {
  const output = await runGit(["cat-file", "--batch"], cwd, objects.map((object) => `${object}\n`).join(""));
  const texts = new Map<string, string>();
  let offset = 0;
  while (offset < output.length) {
    const lineEnd = output.indexOf(0x0a, offset);
    if (lineEnd === -1) break;
    const [object, type, size] = output.subarray(offset, lineEnd).toString("utf8").split(" ");
    offset = lineEnd + 1;
    if (type === "missing" || size === undefined) continue;
    const end = offset + Number(size);
    if (type === "blob") texts.set(object!, output.subarray(offset, end).toString("utf8"));
    offset = end + 1;
  }
  return texts;
}
