import type { SpecCatalog } from "./catalog.js";
import type { LintCounts } from "./index-record.js";
import type { SpecSummary } from "./loaded-spec.js";
import type { LoadProblem, SpecEntry } from "./spec-entry.js";

export type { LintCounts };

/** What the pages show of one API version: all of it from the index, so no page of the catalog loads a spec. */
export interface VersionView {
  api: string;
  version: string;
  summary: SpecSummary | undefined;
  problem: LoadProblem | undefined;
  lint: LintCounts | undefined;
  operationCount?: number;
}

export interface ApiView {
  api: string;
  /** Newest version that loaded, for the title and description. */
  summary: SpecSummary | undefined;
  versions: VersionView[];
}

export function versionView(_catalog: SpecCatalog, entry: SpecEntry): VersionView {
  const record = entry.record;
  return {
    api: entry.api,
    version: entry.version,
    summary: record?.summary,
    problem: entry.problem,
    lint: record?.lint,
    operationCount: record?.operationCount,
  };
}

export function apiViews(catalog: SpecCatalog): ApiView[] {
  const byApi = new Map<string, VersionView[]>();
  for (const entry of catalog.entries()) {
    const list = byApi.get(entry.api) ?? [];
    list.push(versionView(catalog, entry));
    byApi.set(entry.api, list);
  }
  return [...byApi].map(([api, versions]) => ({
    api,
    versions,
    summary: [...versions].reverse().find((v) => v.summary)?.summary,
  }));
}

/** The text an API is searched by: its id, title, description and tags, lowercased. */
export function searchText(api: ApiView): string {
  return [api.api, api.summary?.title ?? "", api.summary?.description ?? "", ...(api.summary?.tags ?? [])]
    .join(" ")
    .toLowerCase();
}

/** Every word of the query in the text (case-insensitive): the index search, the same on the server and in the page. */
export function matchesWords(text: string, query: string): boolean {
  return queryWords(query).every((word) => text.includes(word));
}

export function queryWords(query: string): string[] {
  return query
    .trim()
    .toLowerCase()
    .split(/\s+/)
    .filter((word) => word !== "");
}

export function matchesQuery(api: ApiView, query: string): boolean {
  return matchesWords(searchText(api), query);
}
