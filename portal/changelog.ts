import type { SpecCatalog } from "./catalog/catalog.js";
import { versionNumber } from "./catalog/catalog.js";
import type { SpecEntry } from "./catalog/spec-entry.js";
import type { Changelog, ChangeLine } from "./pages/changelog-page.js";
import { versionView } from "./pages/view.js";

/** Compares two bundled documents; the diff engine once it is there. */
export type DiffEngine = (oldDoc: Record<string, unknown>, newDoc: Record<string, unknown>) => Promise<ChangeLine[]>;

const cache = new WeakMap<object, WeakMap<object, Promise<ChangeLine[]>>>();

/** The changes from the previous major version of the same API to this one. */
export async function changelogFor(catalog: SpecCatalog, entry: SpecEntry, diff: DiffEngine | undefined): Promise<Changelog> {
  const older = catalog.versionsOf(entry.api).filter((other) => versionNumber(other.version) < versionNumber(entry.version));
  const previous = older[older.length - 1];
  if (!previous) return { status: "first" };
  if (!diff) return { status: "unavailable", reason: "the diff engine is not available in this build." };
  if (!previous.current || !entry.current) return { status: "unavailable", reason: `${previous.current ? entry.version : previous.version} does not load.` };
  const oldDoc = previous.current.bundled;
  const newDoc = entry.current.bundled;
  let byNew = cache.get(oldDoc);
  if (!byNew) cache.set(oldDoc, (byNew = new WeakMap()));
  let changes = byNew.get(newDoc);
  if (!changes) byNew.set(newDoc, (changes = diff(oldDoc, newDoc)));
  const lines = await changes;
  return { status: "ok", previous: versionView(catalog, previous), changes: [...lines].sort((a, b) => Number(b.kind === "breaking") - Number(a.kind === "breaking")) };
}
