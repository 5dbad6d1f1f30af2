import { readdir, rm, stat, utimes } from "node:fs/promises";
import { join } from "node:path";

/** A mock not regenerated for this long belongs to a spec or a specwright version nobody serves any more. */
const STALE_MOCK_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * The generated mock folders (one per content of a spec) this portal serves from. A folder is kept while a live
 * API version uses it, and removed when the last one lets go: an edited spec's old mock is never served again
 * (its folder was 160 KB per edit). Folders of other portals sharing the install are left to the week-long expiry.
 */
export class MockFolders {
  private readonly users = new Map<string, number>();
  private readonly removing = new Map<string, Promise<void>>();
  private pruning: Promise<void> | undefined;

  constructor(readonly root: string) {}

  /** Takes a folder for one mock; resolves when a removal of the same folder (an edit undone) has finished. */
  async acquire(name: string): Promise<string> {
    const dir = join(this.root, name);
    this.users.set(dir, (this.users.get(dir) ?? 0) + 1);
    // Before any mock is used, so a stale folder is never removed under a mock being loaded from it.
    await (this.pruning ??= this.pruneStale());
    await this.removing.get(dir);
    await utimes(dir, new Date(), new Date()).catch(() => undefined); // in use, so not stale
    return dir;
  }

  /** Lets go of a folder; the last user removes it. */
  async release(dir: string): Promise<void> {
    const left = (this.users.get(dir) ?? 1) - 1;
    if (left > 0) return void this.users.set(dir, left);
    this.users.delete(dir);
    const removal = rm(dir, { recursive: true, force: true })
      .catch(() => undefined)
      .finally(() => this.removing.delete(dir));
    this.removing.set(dir, removal);
    await removal;
  }

  private async pruneStale(): Promise<void> {
    for (const name of await readdir(this.root).catch(() => [] as string[])) {
      const dir = join(this.root, name);
      const info = await stat(dir).catch(() => undefined);
      if (info && !this.users.has(dir) && Date.now() - info.mtimeMs > STALE_MOCK_MS)
        await rm(dir, { recursive: true, force: true }).catch(() => undefined);
    }
  }
}
