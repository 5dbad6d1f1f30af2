import type { SpecCatalog } from "./catalog.js";
import type { OperationRecord } from "./index-record.js";
import { apiViews, queryWords, searchText, type ApiView, type VersionView } from "./api-views.js";

export const LINT_FILTERS = ["clean", "warnings", "errors", "broken"] as const;
export type LintFilter = (typeof LINT_FILTERS)[number];

export interface SearchQuery {
  /** Words that must all appear (case-insensitive). */
  q: string;
  /** Only APIs carrying this tag (case-insensitive). */
  tag: string;
  lint: LintFilter | undefined;
  /** 1-based page of the API list. */
  page: number;
  /** 1-based page of the operation hits. */
  opage: number;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pages: number;
  pageSize: number;
}

export interface OperationHit {
  api: string;
  version: string;
  title: string;
  operation: OperationRecord;
}

export interface SearchResult {
  apis: Page<ApiView>;
  /** Empty without words to search for: every operation is not a useful answer. */
  operations: Page<OperationHit>;
  /** APIs in the catalog before any filter. */
  allApis: number;
}

export const API_PAGE_SIZE = 20;
export const OPERATION_PAGE_SIZE = 20;

interface IndexedApi {
  view: ApiView;
  text: string;
  /** The id and title alone: a hit there ranks above one in the description. */
  name: string;
  tags: Set<string>;
  statuses: Set<LintFilter>;
}

interface IndexedOperation {
  hit: OperationHit;
  text: string;
  /** Path and operationId: a hit there ranks above one in the summary. */
  name: string;
}

/** The operations of one API version, with all their texts in one string: a word not in it rules them all out at once. */
interface OperationGroup {
  api: string;
  all: string;
  operations: IndexedOperation[];
}

interface SearchIndex {
  apis: IndexedApi[];
  operations: OperationGroup[];
}

/** Built once per catalog state (the sorted entry list is replaced on every change). */
const indexes = new WeakMap<object, SearchIndex>();

function searchIndexOf(catalog: SpecCatalog): SearchIndex {
  const entries = catalog.entries();
  let index = indexes.get(entries);
  if (!index) {
    const apis = apiViews(catalog).map(
      (view): IndexedApi => ({
        view,
        text: searchText(view),
        name: `${view.api} ${view.summary?.title ?? ""}`.toLowerCase(),
        tags: new Set((view.summary?.tags ?? []).map((tag) => tag.toLowerCase())),
        statuses: new Set(view.versions.map(lintStatus)),
      }),
    );
    const operations: OperationGroup[] = [];
    for (const entry of entries) {
      const title = entry.record?.summary.title ?? entry.api;
      const group: IndexedOperation[] = [];
      for (const operation of entry.record?.operations ?? []) {
        const name = `${operation.path} ${operation.operationId}`.toLowerCase();
        group.push({
          hit: { api: entry.api, version: entry.version, title, operation },
          name,
          text: `${operation.method.toLowerCase()} ${name} ${operation.summary.toLowerCase()} ${title.toLowerCase()}`,
        });
      }
      if (group.length > 0)
        operations.push({ api: entry.api, all: group.map((op) => op.text).join("\n"), operations: group });
    }
    index = { apis, operations };
    indexes.set(entries, index);
  }
  return index;
}

export function lintStatus(view: VersionView): LintFilter {
  if (view.problem) return "broken";
  if (!view.lint) return "clean";
  return view.lint.errors > 0 ? "errors" : view.lint.warnings > 0 ? "warnings" : "clean";
}

/** Server-side search of the catalog: APIs by id, title, description and tags; operations by method, path, summary. */
export function searchCatalog(catalog: SpecCatalog, query: SearchQuery): SearchResult {
  const index = searchIndexOf(catalog);
  const words = queryWords(query.q);
  const tag = query.tag.trim().toLowerCase();
  const apis = rank(
    index.apis.filter(
      (api) =>
        (tag === "" || api.tags.has(tag)) &&
        (!query.lint || api.statuses.has(query.lint)) &&
        words.every((word) => api.text.includes(word)),
    ),
    words,
  ).map((api) => api.view);
  // Operations of the APIs the filters keep; with a tag or lint filter alone there is nothing to look for in them.
  const kept = tag === "" && !query.lint ? undefined : new Set(apis.map((api) => api.api));
  const matching: IndexedOperation[] = [];
  if (words.length > 0) {
    for (const group of index.operations) {
      if ((kept && !kept.has(group.api)) || !words.every((word) => group.all.includes(word))) continue;
      for (const op of group.operations) if (words.every((word) => op.text.includes(word))) matching.push(op);
    }
  }
  const operations = rankOperations(matching, words).map((op) => op.hit);
  return {
    apis: paginate(apis, query.page, API_PAGE_SIZE),
    operations: paginate(operations, query.opage, OPERATION_PAGE_SIZE),
    allApis: index.apis.length,
  };
}

/** Hits whose name holds every word first, each group in catalog order. */
function rank<T extends { name: string }>(hits: T[], words: string[]): T[] {
  if (words.length === 0) return hits;
  const strong: T[] = [];
  const weak: T[] = [];
  for (const hit of hits) (words.every((word) => hit.name.includes(word)) ? strong : weak).push(hit);
  return [...strong, ...weak];
}

/**
 * Operations whose path has a word as a whole segment first (`issues` puts `GET /repos/{owner}/{repo}/issues` before
 * `/issue/{id}/relatedIssues`), then those with every word in the path or operationId, then the rest.
 */
function rankOperations(hits: IndexedOperation[], words: string[]): IndexedOperation[] {
  const tiers: IndexedOperation[][] = [[], [], []];
  for (const hit of hits) {
    const segments = hit.hit.operation.path.toLowerCase().split("/");
    const tier = words.some((word) => segments.includes(word))
      ? 0
      : words.every((word) => hit.name.includes(word))
        ? 1
        : 2;
    tiers[tier]!.push(hit);
  }
  return tiers.flat();
}

export function paginate<T>(items: T[], page: number, pageSize: number): Page<T> {
  const pages = Math.max(1, Math.ceil(items.length / pageSize));
  const current = Math.min(Math.max(1, Math.floor(page) || 1), pages);
  return {
    items: items.slice((current - 1) * pageSize, current * pageSize),
    total: items.length,
    page: current,
    pages,
    pageSize,
  };
}

/** The query from `?q=&tag=&lint=&page=&opage=`; anything malformed reads as its default (never an error). */
export function parseSearchQuery(params: Record<string, unknown>): SearchQuery {
  const text = (value: unknown) => (typeof value === "string" ? value.slice(0, 200) : "");
  const number = (value: unknown) => {
    const n = Number(text(value));
    return Number.isInteger(n) && n > 0 ? n : 1;
  };
  const lint = text(params.lint);
  return {
    q: text(params.q),
    tag: text(params.tag),
    lint: (LINT_FILTERS as readonly string[]).includes(lint) ? (lint as LintFilter) : undefined,
    page: number(params.page),
    opage: number(params.opage),
  };
}
