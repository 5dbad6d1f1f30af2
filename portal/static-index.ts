import type { PortalSettings } from "../generator/config/index.js";
import { API_PAGE_SIZE, paginate, type SearchResult } from "./catalog/search.js";
import { EMPTY_QUERY, renderIndexPage } from "./pages/index-page.js";
import { Links } from "./pages/links.js";
import { searchJson } from "./pages/search-json.js";
import type { ApiView } from "./catalog/api-views.js";
import type { WritePage } from "./static-api-pages.js";

/** Where page `n` of a static site's catalog is: the site root for the first, `page/<n>/` for the others. */
export function staticIndexDir(page: number): string {
  return page <= 1 ? "" : `page/${page}`;
}

export const STATIC_SEARCH_INDEX = "search.json";

/**
 * The catalog's index pages. A catalog that fits on one page is written as one, with every card on it for the page
 * script to filter. A larger one (2,600 APIs would make a 3 MB page) is paged as the live portal's HTML index is, 20
 * APIs a page, with `page/<n>/` for `?page=<n>`, and the page script searches `search.json`: every API, in the shape
 * of the live portal's `/search.json`.
 */
export async function writeIndexPages(
  apis: ApiView[],
  brand: PortalSettings,
  writePage: WritePage,
  write: (path: string, content: string) => Promise<void>,
): Promise<void> {
  const noOperations = paginate([], 1, 1);
  if (apis.length <= API_PAGE_SIZE) {
    const result = {
      apis: paginate(apis, 1, Math.max(1, apis.length)),
      operations: noOperations,
      allApis: apis.length,
    };
    await writePage("", (links, csp) =>
      renderIndexPage({ result, query: EMPTY_QUERY, everyApi: apis, links, frame: { metaCsp: csp(), brand } }),
    );
    return;
  }
  const pages = Math.ceil(apis.length / API_PAGE_SIZE);
  for (let page = 1; page <= pages; page++) {
    const result: SearchResult = {
      apis: paginate(apis, page, API_PAGE_SIZE),
      operations: noOperations,
      allApis: apis.length,
    };
    await writePage(staticIndexDir(page), (links, csp) =>
      renderIndexPage({
        result,
        query: { ...EMPTY_QUERY, page },
        links,
        staticPages: {
          pageHref: (n) => links.root + (n <= 1 ? "" : `${staticIndexDir(n)}/`),
          searchIndex: links.root + STATIC_SEARCH_INDEX,
        },
        frame: { metaCsp: csp(), brand },
      }),
    );
  }
  const everything = { apis: paginate(apis, 1, apis.length), operations: noOperations, allApis: apis.length };
  const idle = { running: false, indexed: 0, queued: 0 };
  await write(STATIC_SEARCH_INDEX, JSON.stringify(searchJson(everything, EMPTY_QUERY, new Links(""), idle)));
}
