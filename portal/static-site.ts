import { copyFile, mkdir, rename, rm, stat, writeFile } from "node:fs/promises";
import { dirname, join, relative, resolve, sep } from "node:path";
import { defaultPortalSettings, type PortalSettings } from "../generator/config/index.js";
import { ALL_RULES, type LintConfig } from "../generator/conventions/index.js";
import { UsageError } from "../generator/errors/usage-error.js";
import { assetTable } from "./assets.js";
import { SpecCatalog } from "./catalog/catalog.js";
import { changelogFor, type DiffEngine } from "./changelog.js";
import { codeSamplesFor, type CodeSamplesFor } from "./code-samples.js";
import { referenceDocument, serializeSpec } from "./downloads.js";
import { renderChangelogPage } from "./pages/changelog-page.js";
import { EMPTY_QUERY, renderIndexPage } from "./pages/index-page.js";
import { paginate } from "./catalog/search.js";
import { renderLintPage } from "./pages/lint-page.js";
import { Links } from "./pages/links.js";
import { renderRedocPage, type ApiPageInput } from "./pages/redoc-page.js";
import { renderRulesPage } from "./pages/rules-page.js";
import { renderSwaggerPage } from "./pages/swagger-page.js";
import { isLargeSpec, specForTag, tagGroups } from "./catalog/tag-groups.js";
import { apiViews, versionView } from "./catalog/api-views.js";
import { metaContentSecurityPolicy, tryItOrigins } from "./security.js";

export interface StaticSiteOptions {
  specsDir: string;
  outDir: string;
  lintConfigFor?: (file: string) => LintConfig;
  diff?: DiffEngine;
  codeSamples?: CodeSamplesFor;
  brand?: PortalSettings;
  /** Folder of the persistent index, shared with `specwright portal`: unchanged specs are not indexed again. */
  cacheDir?: string;
  memoryBudgetMb?: number;
}

export interface StaticSiteResult {
  pages: number;
  specs: number;
  /** Specs that did not load (shown as error cards in the site). */
  problems: string[];
}

/**
 * Writes the portal as plain files: every page (links relative, so any base path works), the assets and the
 * bundled specs. Built in a temporary folder next to `outDir` and moved into place only when complete.
 */
export async function buildStaticSite(options: StaticSiteOptions): Promise<StaticSiteResult> {
  const outDir = resolve(options.outDir);
  const specsDir = resolve(options.specsDir);
  if (specsDir === outDir || specsDir.startsWith(outDir + sep))
    throw new UsageError(
      `--out ${options.outDir} would replace the specs folder`,
      "write the site to a folder outside the specs folder, e.g. --out site/",
    );
  const catalog = new SpecCatalog(specsDir, {
    lintConfigFor: options.lintConfigFor,
    cacheDir: options.cacheDir,
    memoryBudgetMb: options.memoryBudgetMb,
    tagGroupThreshold: options.brand?.tagGroupThreshold,
  });
  await catalog.refresh();
  const samples = options.codeSamples ?? codeSamplesFor();
  const brand = options.brand ?? defaultPortalSettings();

  const temp = `${outDir}.tmp-${process.pid}-${Date.now()}`;
  let pages = 0;
  const write = async (path: string, content: string | Buffer) => {
    const file = join(temp, path);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, content);
  };
  const writePage = async (dir: string, render: (links: Links, metaCsp: (connect?: string[]) => string) => string) => {
    const depth = dir === "" ? 0 : dir.split("/").length;
    const links = new Links(depth === 0 ? "./" : "../".repeat(depth));
    await write(
      join(dir, "index.html"),
      render(links, (connect = []) => metaContentSecurityPolicy(connect)),
    );
    pages += 1;
  };

  try {
    await mkdir(temp, { recursive: true });
    const apis = apiViews(catalog);
    // A static host has no search: every card is on the page and the page script filters them as you type.
    const result = {
      apis: paginate(apis, 1, Math.max(1, apis.length)),
      operations: paginate([], 1, 1),
      allApis: apis.length,
    };
    await writePage("", (links, csp) =>
      renderIndexPage({ result, query: EMPTY_QUERY, everyApi: apis, links, frame: { metaCsp: csp(), brand } }),
    );
    await writePage("rules", (links, csp) => renderRulesPage(ALL_RULES, links, { metaCsp: csp(), brand }));
    for (const entry of catalog.entries()) {
      // One spec at a time, from the index: memory holds what the budget allows, not the whole folder.
      const loaded = await catalog.load(entry);
      const base = `apis/${entry.api}/${entry.version}`;
      const input = (links: Links, metaCsp: string): ApiPageInput => ({
        current: versionView(catalog, entry),
        versions: catalog.versionsOf(entry.api).map((other) => versionView(catalog, other)),
        loaded,
        links,
        frame: { metaCsp, brand },
      });
      const origins = loaded ? tryItOrigins(loaded) : [];
      await writePage(base, (links, csp) => renderRedocPage(input(links, csp())));
      if (loaded && isLargeSpec(loaded.bundled, brand.tagGroupThreshold)) {
        for (const group of tagGroups(loaded.bundled)) {
          await writePage(`${base}/tags/${group.slug}`, (links, csp) =>
            renderRedocPage({ ...input(links, csp()), tag: group }),
          );
          await write(
            `specs/${entry.api}/${entry.version}/tags/${group.slug}/openapi.json`,
            serializeSpec(specForTag(loaded.bundled, group), "json"),
          );
          await write(
            `specs/${entry.api}/${entry.version}/tags/${group.slug}/reference.json`,
            serializeSpec(await referenceDocument(loaded, samples, group), "json"),
          );
        }
      }
      await writePage(`${base}/swagger`, (links, csp) =>
        renderSwaggerPage({ ...input(links, csp(origins)), withMock: false }),
      );
      const diagnostics = loaded ? catalog.lintOf(loaded, entry.file) : [];
      await writePage(`${base}/lint`, (links, csp) =>
        renderLintPage({ ...input(links, csp()), diagnostics, relative: (file) => catalog.relative(file) }),
      );
      const changelog = await changelogFor(catalog, entry, options.diff);
      await writePage(`${base}/changelog`, (links, csp) => renderChangelogPage({ ...input(links, csp()), changelog }));
      if (loaded) {
        for (const format of ["json", "yaml"] as const)
          await write(`specs/${entry.api}/${entry.version}/openapi.${format}`, serializeSpec(loaded.bundled, format));
        await write(
          `specs/${entry.api}/${entry.version}/reference.json`,
          serializeSpec(await referenceDocument(loaded, samples), "json"),
        );
      }
    }
    for (const [path, source] of assetTable(brand)) {
      await mkdir(dirname(join(temp, "assets", path)), { recursive: true });
      await copyFile(source, join(temp, "assets", path));
    }
    await replaceDir(temp, outDir);
  } catch (error) {
    await rm(temp, { recursive: true, force: true });
    throw error;
  }
  const entries = catalog.entries();
  return {
    pages,
    specs: entries.filter((entry) => entry.record && !entry.problem).length,
    problems: entries
      .filter((entry) => entry.problem)
      .map((entry) => `${relative(process.cwd(), entry.file)}: ${entry.problem!.message}`),
  };
}

/** Swaps the finished folder in; the previous site stays whole until the new one is in place. */
async function replaceDir(from: string, to: string): Promise<void> {
  const existing = await stat(to).catch(() => undefined);
  if (!existing) return rename(from, to);
  if (!existing.isDirectory())
    throw new UsageError(`--out ${to} exists and is not a folder`, "choose a folder path for --out");
  const old = `${to}.old-${process.pid}-${Date.now()}`;
  await rename(to, old);
  await rename(from, to);
  await rm(old, { recursive: true, force: true });
}
