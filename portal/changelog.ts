import type { SpecCatalog } from "./catalog/catalog.js";
import { versionNumber } from "./catalog/catalog.js";
import type { LoadedSpec } from "./catalog/loaded-spec.js";
import type { SpecEntry } from "./catalog/spec-entry.js";
import type { Changelog, ChangeLine } from "./pages/changelog-page.js";
import { versionView } from "./catalog/api-views.js";

/** Compares two loads of an API (`specwright diff` in the CLI build). */
export type DiffEngine = (oldSpec: LoadedSpec, newSpec: LoadedSpec) => Promise<ChangeLine[]>;

const cache = new WeakMap<object, WeakMap<object, Promise<ChangeLine[]>>>();

/** The changes from the previous major version of the same API to this one. */
export async function changelogFor(
  catalog: SpecCatalog,
  entry: SpecEntry,
  diff: DiffEngine | undefined,
): Promise<Changelog> {
  const older = catalog
    .versionsOf(entry.api)
    .filter((other) => versionNumber(other.version) < versionNumber(entry.version));
  const previous = older[older.length - 1];
  if (!previous) return { status: "first" };
  if (!diff) return { status: "unavailable", reason: "the diff engine is not available in this build." };
  const [oldSpec, newSpec] = await Promise.all([catalog.load(previous), catalog.load(entry)]);
  if (!oldSpec || !newSpec)
    return { status: "unavailable", reason: `${oldSpec ? entry.version : previous.version} does not load.` };
  // Keyed by load: an edit to either version makes a new LoadedSpec, so the changelog follows the files.
  let byNew = cache.get(oldSpec);
  if (!byNew) cache.set(oldSpec, (byNew = new WeakMap()));
  let changes = byNew.get(newSpec);
  if (!changes) byNew.set(newSpec, (changes = diff(oldSpec, newSpec)));
  const lines = await changes;
  return {
    status: "ok",
    previous: versionView(catalog, previous),
    changes: [...lines].sort((a, b) => Number(b.kind === "breaking") - Number(a.kind === "breaking")),
  };
}
