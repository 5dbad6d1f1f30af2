import { createHash } from "node:crypto";
import { mkdir, readFile, rename, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { IndexRecord } from "./index-record.js";
import type { LoadProblem } from "./spec-entry.js";

/** Size and mtime of one file the spec spans: equal on both means unchanged without reading it. */
export interface FileStat {
  path: string;
  size: number;
  mtimeMs: number;
}

/** What the index knows of one spec file: either its record or why it did not load. */
export interface StoredSpec {
  files: FileStat[];
  /** sha256 over the contents of `files` and the lint configuration: the key a record is valid for. */
  hash: string;
  /**
   * sha256 of the configuration alone: the size-and-mtime shortcut skips `hash`, so without this a changed lint
   * configuration or tag-group threshold would keep serving records built under the old one.
   */
  config?: string;
  /** The API id and `v<N>` the file's place in the folder gives it. */
  api: string;
  placeVersion?: string;
  record?: IndexRecord;
  problem?: LoadProblem;
}

interface StoreFile {
  format: typeof FORMAT;
  specsDir: string;
  specs: Record<string, StoredSpec>;
}

const FORMAT = "specwright-portal-index/1";

/**
 * The portal's persistent index: one JSON file per specs folder under the cache folder, written whole to a temporary
 * file and renamed, so a portal stopped mid-write leaves the previous index readable.
 */
export class IndexStore {
  private specs = new Map<string, StoredSpec>();
  private readonly file: string | undefined;
  private dirty = false;
  private saving: Promise<void> = Promise.resolve();

  /** Without a cache folder the index lives in memory only (the library default: nothing written behind the caller's back). */
  constructor(
    private readonly specsDir: string,
    cacheDir: string | undefined,
  ) {
    this.file =
      cacheDir === undefined
        ? undefined
        : join(cacheDir, "portal-index", `${createHash("sha256").update(specsDir).digest("hex").slice(0, 16)}.json`);
  }

  get path(): string | undefined {
    return this.file;
  }

  /** Reads the index written by an earlier run; a missing, foreign or corrupt file is an empty index. */
  async load(): Promise<void> {
    if (!this.file) return;
    const text = await readFile(this.file, "utf8").catch(() => undefined);
    if (text === undefined) return;
    try {
      const parsed = JSON.parse(text) as Partial<StoreFile>;
      if (
        parsed.format !== FORMAT ||
        parsed.specsDir !== this.specsDir ||
        typeof parsed.specs !== "object" ||
        parsed.specs === null
      )
        return;
      this.specs = new Map(Object.entries(parsed.specs));
    } catch {
      // A torn or hand-edited index is rebuilt from the specs.
    }
  }

  all(): IterableIterator<[string, StoredSpec]> {
    return this.specs.entries();
  }

  get(file: string): StoredSpec | undefined {
    return this.specs.get(file);
  }

  set(file: string, spec: StoredSpec): void {
    this.specs.set(file, spec);
    this.dirty = true;
  }

  delete(file: string): void {
    if (this.specs.delete(file)) this.dirty = true;
  }

  /**
   * Whether the stored entry still describes the files: sizes and mtimes first (no read), then the content hash, so
   * a touched but unchanged file (a checkout, a copy) is not re-indexed. A refreshed hash match updates the stats.
   */
  async isCurrent(file: string, configKey: string): Promise<boolean> {
    const stored = this.specs.get(file);
    if (!stored || stored.config !== configDigest(configKey)) return false;
    const stats = await statAll(stored.files.map((f) => f.path));
    if (!stats) return false;
    if (stats.every((s, i) => s.size === stored.files[i]!.size && s.mtimeMs === stored.files[i]!.mtimeMs)) return true;
    const hash = await contentHash(
      stats.map((s) => s.path),
      configKey,
    );
    if (hash !== stored.hash) return false;
    this.set(file, { ...stored, files: stats });
    return true;
  }

  /** Writes the index if it changed; calls queue, so the last write wins and none overlap. */
  save(): Promise<void> {
    if (!this.file || !this.dirty) return this.saving;
    this.dirty = false;
    const file = this.file;
    const content = JSON.stringify({
      format: FORMAT,
      specsDir: this.specsDir,
      specs: Object.fromEntries(this.specs),
    } satisfies StoreFile);
    this.saving = this.saving
      .then(async () => {
        await mkdir(join(file, ".."), { recursive: true });
        const temp = `${file}.${process.pid}.tmp`;
        await writeFile(temp, content);
        await rename(temp, file);
      })
      .catch((error: unknown) => {
        // A read-only cache folder costs the next start its warm index, never this run.
        process.stderr.write(
          `portal: could not write the index ${file}: ${error instanceof Error ? error.message : String(error)}\n`,
        );
      });
    return this.saving;
  }
}

/** Stats of every file, or undefined when one is missing (a deleted $ref target is a change). */
export async function statAll(files: readonly string[]): Promise<FileStat[] | undefined> {
  const stats = await Promise.all(
    files.map((path) =>
      stat(path).then(
        (s) => ({ path, size: s.size, mtimeMs: s.mtimeMs }),
        () => undefined,
      ),
    ),
  );
  return stats.every((s) => s !== undefined) ? (stats as FileStat[]) : undefined;
}

export async function contentHash(files: readonly string[], configKey: string): Promise<string> {
  const hash = createHash("sha256").update(configKey);
  for (const file of files) {
    hash.update(`\0${file}\0`);
    hash.update(await readFile(file).catch(() => Buffer.from("\0missing")));
  }
  return hash.digest("base64url");
}

export function configDigest(configKey: string): string {
  return createHash("sha256").update(configKey).digest("base64url");
}
