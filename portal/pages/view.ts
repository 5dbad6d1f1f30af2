import type { SpecCatalog } from "../catalog/catalog.js";
import type { LoadProblem, SpecEntry, SpecSummary } from "../catalog/spec-entry.js";

export interface LintCounts {
  errors: number;
  warnings: number;
}

/** What the pages show of one API version. */
export interface VersionView {
  api: string;
  version: string;
  summary: SpecSummary | undefined;
  problem: LoadProblem | undefined;
  lint: LintCounts | undefined;
}

export interface ApiView {
  api: string;
  /** Newest version that loaded, for the title and description. */
  summary: SpecSummary | undefined;
  versions: VersionView[];
}

export function versionView(catalog: SpecCatalog, entry: SpecEntry): VersionView {
  const diagnostics = entry.current ? catalog.lintOf(entry.current, entry.file) : undefined;
  const lint = diagnostics && {
    errors: diagnostics.filter((d) => d.severity === "error").length,
    warnings: diagnostics.filter((d) => d.severity === "warn").length,
  };
  return { api: entry.api, version: entry.version, summary: entry.current?.summary, problem: entry.problem, lint };
}

export function apiViews(catalog: SpecCatalog): ApiView[] {
  const byApi = new Map<string, VersionView[]>();
  for (const entry of catalog.entries()) {
    const list = byApi.get(entry.api) ?? [];
    list.push(versionView(catalog, entry));
    byApi.set(entry.api, list);
  }
  return [...byApi].map(([api, versions]) => ({ api, versions, summary: [...versions].reverse().find((v) => v.summary)?.summary }));
}

/** Case-insensitive match on the API id, title and tags: the index filter, the same on the server and in the page. */
export function matchesQuery(api: ApiView, query: string): boolean {
  const needle = query.trim().toLowerCase();
  if (needle === "") return true;
  const haystack = [api.api, api.summary?.title ?? "", ...(api.summary?.tags ?? [])].join(" ").toLowerCase();
  return needle.split(/\s+/).every((word) => haystack.includes(word));
}
