import type { IndexProgress } from "../catalog/catalog.js";
import type { Page, SearchQuery, SearchResult } from "../catalog/search.js";
import { newestLoadedVersion, operationHref } from "./index-page.js";
import type { Links } from "./links.js";

/** `/search.json`: the same search as the index page, with the links a client needs to follow a hit. */
export function searchJson(result: SearchResult, query: SearchQuery, links: Links, progress: IndexProgress) {
  const page = <T, U>(p: Page<T>, map: (item: T) => U) => ({
    page: p.page,
    pages: p.pages,
    pageSize: p.pageSize,
    total: p.total,
    items: p.items.map(map),
  });
  return {
    query: { q: query.q, tag: query.tag, lint: query.lint ?? "", page: query.page, opage: query.opage },
    indexing: progress.running ? { indexed: progress.indexed, queued: progress.queued } : null,
    totalApis: result.allApis,
    apis: page(result.apis, (api) => ({
      api: api.api,
      title: api.summary?.title ?? api.api,
      description: api.summary?.description ?? "",
      tags: api.summary?.tags ?? [],
      // Where the index card links: a client (static-search.js among them) need not guess which version loads.
      reference: links.redoc(api.api, newestLoadedVersion(api).version),
      versions: api.versions.map((v) => ({
        version: v.version,
        infoVersion: v.summary?.infoVersion ?? "",
        operations: v.operationCount ?? null,
        lint: v.lint ?? null,
        broken: v.problem !== undefined,
        reference: links.redoc(v.api, v.version),
        download: links.download(v.api, v.version, "json"),
      })),
    })),
    operations: page(result.operations, (hit) => ({
      api: hit.api,
      version: hit.version,
      title: hit.title,
      method: hit.operation.method,
      path: hit.operation.path,
      summary: hit.operation.summary,
      operationId: hit.operation.operationId,
      reference: operationHref(links, hit),
    })),
  };
}
