import { copyFile, mkdir, rename, rm, stat, writeFile } from "node:fs/promises";
import { dirname, join, relative, resolve, sep } from "node:path";
import { defaultPortalSettings, type PortalSettings } from "../generator/config/index.js";
import { ALL_RULES, type LintConfig } from "../generator/conventions/index.js";
import { UsageError } from "../generator/errors/usage-error.js";
import { assetTable } from "./assets.js";
import { SpecCatalog } from "./catalog/catalog.js";
import type { DiffEngine } from "./changelog.js";
import { codeSamplesFor, type CodeSamplesFor } from "./code-samples.js";
import { Links } from "./pages/links.js";
import { renderRulesPage } from "./pages/rules-page.js";
import { apiViews } from "./catalog/api-views.js";
import { metaContentSecurityPolicy } from "./security.js";
import { writeApiVersion, type WritePage } from "./static-api-pages.js";
import { writeIndexPages } from "./static-index.js";
import { writeSpecFile } from "./spec-text.js";
import { tempSiteDir } from "./temp-site.js";

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
    keepIndexedLoads: false,
    // Workers keep a server's event loop free while it indexes; a build has no reader waiting. And what a worker's
    // heap took stays in the process once it has stopped (glibc keeps a thread's malloc arena): after a cold index
    // of the corpus in workers the build began 0.6 GB higher, and its peak was 1.51 GB against 1.28 GB warm.
    indexInWorkers: false,
  });
  await catalog.refresh();
  const samples = options.codeSamples ?? codeSamplesFor();
  const brand = options.brand ?? defaultPortalSettings();

  const temp = tempSiteDir(outDir);
  let pages = 0;
  const write = async (path: string, content: string | Buffer) => {
    const file = join(temp, path);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, content);
  };
  const writeSpec = async (path: string, spec: unknown) => {
    const file = join(temp, path);
    await mkdir(dirname(file), { recursive: true });
    await writeSpecFile(file, spec, path.endsWith(".yaml") ? "yaml" : "json");
  };
  const writePage: WritePage = async (dir, render) => {
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
    await writeIndexPages(apiViews(catalog), brand, writePage, write);
    await writePage("rules", (links, csp) => renderRulesPage(ALL_RULES, links, { metaCsp: csp(), brand }));
    for (const entry of catalog.entries()) {
      // One spec at a time, from the index: memory holds what the budget allows, not the whole folder.
      const loaded = await catalog.load(entry);
      await writeApiVersion(catalog, entry, loaded, {
        brand,
        samples,
        diff: options.diff,
        writePage,
        writeSpec,
        writeText: write,
      });
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
