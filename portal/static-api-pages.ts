import type { PortalSettings } from "../generator/config/index.js";
import type { SpecCatalog } from "./catalog/catalog.js";
import type { LoadedSpec } from "./catalog/loaded-spec.js";
import type { SpecEntry } from "./catalog/spec-entry.js";
import { changelogFor, type DiffEngine } from "./changelog.js";
import type { CodeSamplesFor } from "./code-samples.js";
import { referenceDocument } from "./downloads.js";
import { renderChangelogPage } from "./pages/changelog-page.js";
import { renderLintPage } from "./pages/lint-page.js";
import type { Links } from "./pages/links.js";
import { renderRedocPage, type ApiPageInput } from "./pages/redoc-page.js";
import { renderSwaggerPage } from "./pages/swagger-page.js";
import { isLargeSpec, operationIndexJson, specForTag, tagGroups } from "./catalog/tag-groups.js";
import { versionView } from "./catalog/api-views.js";
import { tryItOrigins } from "./security.js";
import { collectGarbage } from "../generator/emit/shared/collect-garbage.js";

/** Renders one page into `dir` (relative to the site root) with links and a CSP meta tag for that depth. */
export type WritePage = (
  dir: string,
  render: (links: Links, metaCsp: (connect?: string[]) => string) => string,
) => Promise<void>;

export interface SiteWriter {
  brand: PortalSettings;
  samples: CodeSamplesFor;
  diff?: DiffEngine;
  writePage: WritePage;
  /** Writes a document as JSON or YAML (by the path's extension), as a stream. */
  writeSpec: (path: string, spec: unknown) => Promise<void>;
  writeText: (path: string, text: string) => Promise<void>;
}

/**
 * The pages and files of one API version. Ordered so that what a large spec needs beside its document is built one
 * thing at a time, while the heap holds little else, and let go before the next, with a full collection between
 * (`collectGarbage`, a no-op below 256 MB of heap). Microsoft Graph beta: 180 MB loaded; its lint takes 450 MB more
 * at its peak and keeps 78,000 problems (120 MB), so it comes first and its problems die with its page; the code
 * samples' model takes 250 MB more and is dropped once the samples are made. Peak RSS for that spec's pages went
 * from 1.6 GB to under 1 GB with this order.
 */
export async function writeApiVersion(
  catalog: SpecCatalog,
  entry: SpecEntry,
  loaded: LoadedSpec | undefined,
  site: SiteWriter,
): Promise<void> {
  const base = `apis/${entry.api}/${entry.version}`;
  const files = `specs/${entry.api}/${entry.version}`;
  const input = (links: Links, metaCsp: string): ApiPageInput => ({
    current: versionView(catalog, entry),
    versions: catalog.versionsOf(entry.api).map((other) => versionView(catalog, other)),
    loaded,
    links,
    frame: { metaCsp, brand: site.brand },
  });
  const groups = loaded && isLargeSpec(loaded.bundled, site.brand.tagGroupThreshold) ? tagGroups(loaded.bundled) : [];

  await writeLintPage(catalog, entry, loaded, `${base}/lint`, site, input);
  collectGarbage();
  await site.writePage(base, (links, csp) => renderRedocPage(input(links, csp())));
  // The pages of the groups fetch it for links to other groups (Links.tagIndex).
  if (loaded && groups.length > 0) await site.writeText(`${files}/tags/index.json`, operationIndexJson(loaded.bundled));
  for (const group of groups) {
    await site.writePage(`${base}/tags/${group.slug}`, (links, csp) =>
      renderRedocPage({ ...input(links, csp()), tag: group }),
    );
    if (loaded) await site.writeSpec(`${files}/tags/${group.slug}/openapi.json`, specForTag(loaded.bundled, group));
  }
  const origins = loaded ? tryItOrigins(loaded) : [];
  await site.writePage(`${base}/swagger`, (links, csp) =>
    renderSwaggerPage({ ...input(links, csp(origins)), withMock: false }),
  );
  const changelog = await changelogFor(catalog, entry, site.diff);
  await site.writePage(`${base}/changelog`, (links, csp) => renderChangelogPage({ ...input(links, csp()), changelog }));
  if (loaded) {
    await site.writeSpec(`${files}/openapi.json`, loaded.bundled);
    await site.writeSpec(`${files}/openapi.yaml`, loaded.bundled);
    // The samples are made (and the model let go) before the reference document is: each at its own peak.
    collectGarbage();
    await site.samples(loaded);
    collectGarbage();
    await site.writeSpec(`${files}/reference.json`, await referenceDocument(loaded, site.samples));
    for (const group of groups)
      await site.writeSpec(
        `${files}/tags/${group.slug}/reference.json`,
        await referenceDocument(loaded, site.samples, group),
      );
  }
}

/** In a function of its own, so the problems (a large spec's 78,000) are garbage once the page is written. */
async function writeLintPage(
  catalog: SpecCatalog,
  entry: SpecEntry,
  loaded: LoadedSpec | undefined,
  dir: string,
  site: SiteWriter,
  input: (links: Links, metaCsp: string) => ApiPageInput,
): Promise<void> {
  const diagnostics = loaded ? catalog.lintOnce(loaded, entry.file) : [];
  await site.writePage(dir, (links, csp) =>
    renderLintPage({ ...input(links, csp()), diagnostics, relative: (file) => catalog.relative(file) }),
  );
}
