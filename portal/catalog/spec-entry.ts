import type { IndexRecord } from "./index-record.js";
import type { LoadedSpec } from "./loaded-spec.js";

export interface LoadProblem {
  message: string;
  /** Path relative to the specs directory. */
  file: string;
  line?: number;
  column?: number;
  fix?: string;
}

/**
 * One API version in the portal: its index record (what the catalog pages show) and, while it is in memory, its
 * load. Keeps serving its last good record and load while a broken edit is shown as `problem`.
 */
export interface SpecEntry {
  file: string;
  api: string;
  version: string;
  /** `v<N>` from the folder layout, when the version does not come from `info.version`. */
  placeVersion?: string;
  record?: IndexRecord;
  /** Set while the spec is in memory: ask `SpecCatalog.load` for it rather than reading this. */
  current?: LoadedSpec;
  problem?: LoadProblem;
}

export function entryKey(entry: { api: string; version: string }): string {
  return `${entry.api}/${entry.version}`;
}
