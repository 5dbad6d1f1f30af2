import { EventEmitter } from "node:events";
import { existsSync, watch, type FSWatcher } from "node:fs";
import { extname, join, relative } from "node:path";
import { SpecLoadError } from "../../generator/load/index.js";
import {
  ALL_RULES,
  lintDocument,
  presetConfig,
  type Diagnostic,
  type LintConfig,
} from "../../generator/conventions/index.js";
import { discoverSpecs, versionFromInfo, type FoundSpec } from "./discover.js";
import { recordOf, type IndexRecord } from "./index-record.js";
import { IndexPool } from "./index-pool.js";
import { readSpec, type IndexRequest } from "./read-spec.js";
import { configDigest, contentHash, IndexStore, statAll, type StoredSpec } from "./index-store.js";
import { runQueue } from "./queue.js";
import { approximateBytes, SpecCache } from "./spec-cache.js";
import type { LoadedSpec } from "./loaded-spec.js";
import { entryKey, type LoadProblem, type SpecEntry } from "./spec-entry.js";

export interface CatalogOptions {
  /** The lint configuration for one spec file; the recommended preset when absent. */
  lintConfigFor?: (file: string) => LintConfig;
  /** Folder for the persistent index (`<cacheDir>/portal-index/`); without one the index is kept in memory only. */
  cacheDir?: string;
  /** What loaded specs may take, in MB (estimated from their source size); default 400. */
  memoryBudgetMb?: number;
  /** Specs read at once while indexing (default 2: one reads its files while the other is parsed and linted). */
  concurrency?: number;
  /** Above this many operations a spec's search hits link to its tag groups' pages (`portal.tagGroupThreshold`). */
  tagGroupThreshold?: number;
  /**
   * Index a bulk refresh (a cold start) in worker threads, off the event loop (default: when they can run, see
   * `IndexPool.available`). A small refresh (an edit) reads on the main thread: it keeps the load it makes.
   */
  indexInWorkers?: boolean;
  /**
   * Keep the loads a small refresh makes (default true: an edit served at once, and kept while a later edit is
   * broken). A static build says false: it reads each spec once more for its pages, and a kept load of a spec the
   * size of Microsoft Graph beta, lint included, would sit beside that one.
   */
  keepIndexedLoads?: boolean;
}

/** How far the background indexing is: `indexed` of `queued` specs read in the current run. */
export interface IndexProgress {
  running: boolean;
  indexed: number;
  queued: number;
}

export const DEFAULT_MEMORY_BUDGET_MB = 400;
const WATCH_DEBOUNCE_MS = 120;
/** Specs indexed between two writes of the index, so a portal stopped during a cold start keeps most of its work. */
const SAVE_EVERY = 200;
/** Specs indexed between two updates of what the index page lists, so a cold start fills in as it goes. */
const SHOW_EVERY = 20;
/**
 * A refresh reading more specs than this is a bulk index (a cold start, a checkout): its loads are dropped once
 * recorded, so they do not push out of memory the specs readers are using. A smaller one (an edit, a small folder)
 * keeps them, which is also what lets a later broken edit keep its last good version served.
 */
const KEEP_LOADS_UP_TO = 16;
const SPEC_EXTENSIONS = new Set([".yaml", ".yml", ".json"]);

/**
 * Every API version under a specs directory. What the index and search show comes from the persistent index
 * (read at start, refreshed for changed files only); a spec itself is loaded, bundled and linted when first asked
 * for (`load`) and kept in an LRU within the memory budget. Emits "change" after each refresh that changed something,
 * "evict" when a loaded spec leaves memory.
 */
export class SpecCatalog extends EventEmitter {
  readonly specsDir: string;
  private readonly lintConfigFor: (file: string) => LintConfig;
  private readonly store: IndexStore;
  private readonly cache: SpecCache<string, LoadedSpec>;
  private readonly concurrency: number;
  private byFile = new Map<string, SpecEntry>();
  private byKey = new Map<string, SpecEntry>();
  private sorted: SpecEntry[] = [];
  /** The API id each file's place gives it, before two files claiming the same one are told apart. */
  private placeApi = new Map<string, string>();
  private loading = new Map<string, Promise<LoadedSpec | undefined>>();
  private refreshing: Promise<void> | undefined;
  private refreshAgain = false;
  private changedPaths: Set<string> | "all" = new Set();
  private watcher: FSWatcher | undefined;
  private debounce: NodeJS.Timeout | undefined;
  private opened: Promise<void> | undefined;
  private readonly configKeys = new WeakMap<LintConfig, string>();
  private readonly tagGroupThreshold: number | undefined;
  private readonly pool: IndexPool | undefined;
  private readonly keepIndexedLoads: boolean;
  /** Bumped on every change; pages use it to tell the browser to reload. */
  generation = 0;
  progress: IndexProgress = { running: false, indexed: 0, queued: 0 };

  constructor(specsDir: string, options: CatalogOptions = {}) {
    super();
    this.specsDir = specsDir;
    const fallback = presetConfig("recommended", ALL_RULES);
    this.lintConfigFor = options.lintConfigFor ?? (() => fallback);
    this.store = new IndexStore(specsDir, options.cacheDir);
    this.concurrency = Math.max(1, options.concurrency ?? 2);
    this.tagGroupThreshold = options.tagGroupThreshold;
    this.keepIndexedLoads = options.keepIndexedLoads ?? true;
    this.pool = (options.indexInWorkers ?? IndexPool.available()) ? new IndexPool() : undefined;
    this.cache = new SpecCache((options.memoryBudgetMb ?? DEFAULT_MEMORY_BUDGET_MB) * 1024 * 1024, (file, loaded) => {
      const entry = this.byFile.get(file);
      if (entry?.current === loaded) entry.current = undefined;
      this.emit("evict", loaded);
    });
  }

  /** Where the index is written, if anywhere. */
  get indexFile(): string | undefined {
    return this.store.path;
  }

  /** Reads the index of an earlier run, so its entries are served before the folder is scanned; idempotent. */
  open(): Promise<void> {
    this.opened ??= (async () => {
      await this.store.load();
      for (const [file, stored] of this.store.all()) {
        this.placeApi.set(file, stored.api);
        this.byFile.set(file, entryOf(file, stored, undefined));
      }
      this.reorder();
    })();
    return this.opened;
  }

  /** Entries sorted by API then by major version number. */
  entries(): SpecEntry[] {
    return this.sorted;
  }

  find(api: string, version: string): SpecEntry | undefined {
    return this.byKey.get(entryKey({ api, version }));
  }

  versionsOf(api: string): SpecEntry[] {
    return this.sorted.filter((entry) => entry.api === api);
  }

  /** Loaded specs in memory now and the bytes they are estimated to take. */
  memory(): { specs: number; bytes: number; budgetBytes: number } {
    return { specs: this.cache.size, bytes: this.cache.bytes, budgetBytes: this.cache.budgetBytes };
  }

  /**
   * The loaded spec of an entry: from memory, else read, bundled and kept (concurrent asks share one load). A spec
   * that no longer loads gives undefined; its last good load is served while it is still in memory.
   */
  load(entry: SpecEntry): Promise<LoadedSpec | undefined> {
    const cached = this.cache.get(entry.file);
    if (cached) return Promise.resolve(cached);
    if (entry.current) return Promise.resolve(entry.current);
    if (entry.problem) return Promise.resolve(undefined);
    let pending = this.loading.get(entry.file);
    if (!pending) {
      const expected = this.store.get(entry.file)?.files.reduce((sum, file) => sum + file.size, 0) ?? 0;
      this.cache.makeRoom(approximateBytes(expected));
      pending = readSpec(entry.file)
        .then(
          ({ loaded, bytes }) => {
            if (this.byFile.get(entry.file) === entry) this.keep(entry, loaded, bytes);
            return loaded;
          },
          () => undefined,
        )
        .finally(() => this.loading.delete(entry.file));
      this.loading.set(entry.file, pending);
    }
    return pending;
  }

  /** The lint problems of a loaded spec, computed once per load. */
  lintOf(loaded: LoadedSpec, file: string): Diagnostic[] {
    loaded.lint ??= this.lintOnce(loaded, file);
    return loaded.lint;
  }

  /**
   * The lint problems of a loaded spec, without keeping them on it when they were not kept already: a static build
   * writes each spec's lint page once, and a large spec's problems (78,000 for Microsoft Graph beta) need not outlive it.
   */
  lintOnce(loaded: LoadedSpec, file: string): Diagnostic[] {
    if (loaded.lint) return loaded.lint;
    const diagnostics = lintDocument(loaded.document, portalLintConfig(this.lintConfigFor(file)));
    // The places are in the problems now; what finding them built need not outlive them either.
    loaded.document.releasePositionIndexes();
    return diagnostics;
  }

  /** Rescans the directory and re-indexes what changed; concurrent calls share one run and queue at most one more. */
  refresh(): Promise<void> {
    this.changedPaths = "all";
    return this.run();
  }

  /** Lints every spec in memory now, so a lint page view does not pay for it (indexing lints as it reads). */
  lintAll(): void {
    for (const file of this.cache.keys()) {
      const entry = this.byFile.get(file);
      if (entry?.current) this.lintOf(entry.current, entry.file);
    }
  }

  /** One recursive watcher; changes are gathered for a debounce, then only the specs they touch are re-indexed. */
  watch(): void {
    if (this.watcher) return;
    this.watcher = watch(this.specsDir, { recursive: true }, (_event, name) => {
      if (this.changedPaths !== "all") {
        if (name) this.changedPaths.add(join(this.specsDir, name.toString()));
        else this.changedPaths = "all";
      }
      clearTimeout(this.debounce);
      this.debounce = setTimeout(() => void this.run(), WATCH_DEBOUNCE_MS);
    });
    this.watcher.on("error", () => {
      // The directory went away or the watch limit was hit: keep serving what is indexed.
    });
  }

  close(): void {
    this.pool?.close();
    clearTimeout(this.debounce);
    this.watcher?.close();
    this.watcher = undefined;
  }

  relative(file: string): string {
    return /^https?:/i.test(file) ? file : relative(this.specsDir, file);
  }

  private run(): Promise<void> {
    if (this.refreshing) {
      this.refreshAgain = true;
      return this.refreshing;
    }
    // Running from the first moment: a page asked for during the folder scan says so rather than "no APIs".
    this.progress = { running: true, indexed: 0, queued: 0 };
    this.refreshing = (async () => {
      await this.open();
      do {
        this.refreshAgain = false;
        const paths = this.changedPaths;
        this.changedPaths = new Set();
        if (await this.refreshOnce(paths)) {
          this.generation += 1;
          this.emit("change");
        }
      } while (this.refreshAgain);
    })().finally(() => {
      this.refreshing = undefined;
      this.progress = { ...this.progress, running: false };
    });
    return this.refreshing;
  }

  private async refreshOnce(paths: Set<string> | "all"): Promise<boolean> {
    const targeted = paths === "all" ? undefined : this.specsTouchedBy(paths);
    if (targeted?.length === 0) return false;
    const found = targeted ?? (await discoverSpecs(this.specsDir));
    let changed = false;
    if (!targeted) {
      const seen = new Set(found.map((spec) => spec.file));
      for (const file of [...this.byFile.keys()]) {
        if (seen.has(file)) continue;
        this.forget(file);
        changed = true;
      }
    }
    const stale: FoundSpec[] = [];
    await runQueue(found, 32, async (spec) => {
      const entry = this.byFile.get(spec.file);
      if (entry && (await this.store.isCurrent(spec.file, this.configKey(spec.file)))) return;
      stale.push(spec);
    });
    stale.sort((a, b) => a.file.localeCompare(b.file));
    this.progress = { running: true, indexed: 0, queued: stale.length };
    const keepLoads = this.keepIndexedLoads && stale.length <= KEEP_LOADS_UP_TO;
    await runQueue(stale, this.concurrency, async (spec) => {
      await this.index(spec, keepLoads);
      changed = true;
      this.progress.indexed += 1;
      if (this.progress.indexed % SHOW_EVERY === 0) this.reorder();
      if (this.progress.indexed % SAVE_EVERY === 0) void this.store.save();
    });
    // Stopped between refreshes: an idle portal keeps no second heap (a worker's grows to the largest spec it read).
    this.pool?.close();
    if (changed) this.reorder();
    await this.store.save();
    return changed;
  }

  /**
   * The specs a set of changed paths can affect, when every path is a file the index knows (a root or a file it
   * `$ref`s); undefined when one is not (a new file, a folder), which takes a rescan of the folder.
   */
  private specsTouchedBy(paths: Set<string>): FoundSpec[] | undefined {
    const owners = new Map<string, Set<string>>();
    for (const [file, stored] of this.store.all()) {
      for (const { path } of stored.files) {
        let set = owners.get(path);
        if (!set) owners.set(path, (set = new Set()));
        set.add(file);
      }
    }
    const roots = new Set<string>();
    for (const path of paths) {
      const touched = owners.get(path);
      if (touched) touched.forEach((root) => roots.add(root));
      else if (SPEC_EXTENSIONS.has(extname(path).toLowerCase()) || extname(path) === "") return undefined;
      // Anything else (an editor's swap file, a README) cannot change a spec.
    }
    const found: FoundSpec[] = [];
    for (const root of roots) {
      const entry = this.byFile.get(root);
      // A root gone is a spec removed, not a broken one: the rescan forgets it.
      if (!entry || !existsSync(root)) return undefined;
      found.push({ file: root, api: this.placeApi.get(root) ?? entry.api, version: entry.placeVersion });
    }
    return found;
  }

  private async index(spec: FoundSpec, keepLoad: boolean): Promise<void> {
    const previous = this.byFile.get(spec.file);
    const configKey = this.configKey(spec.file);
    this.placeApi.set(spec.file, spec.api);
    let stored: StoredSpec;
    let loaded: LoadedSpec | undefined;
    let bytes = 0;
    try {
      let record: IndexRecord;
      let specFiles: string[];
      const request = this.indexRequest(spec);
      if (!keepLoad && this.pool && !request.lintConfig.customRules?.length) {
        ({ record, files: specFiles } = await this.pool.index(request));
      } else {
        ({ loaded, bytes } = await readSpec(spec.file));
        const version = spec.version ?? versionFromInfo(loaded.summary.infoVersion);
        record = recordOf(loaded, version, this.lintOf(loaded, spec.file), this.tagGroupThreshold);
        specFiles = loaded.files;
      }
      const files = (await statAll(specFiles)) ?? [];
      stored = {
        files,
        hash: await contentHash(specFiles, configKey),
        config: configDigest(configKey),
        api: spec.api,
        placeVersion: spec.version,
        record,
      };
    } catch (error) {
      const files = (await statAll([spec.file])) ?? [];
      // A broken edit keeps the last good record (and load, while in memory) served, with the error shown next to it.
      stored = {
        files,
        hash: await contentHash([spec.file], configKey),
        config: configDigest(configKey),
        api: spec.api,
        placeVersion: spec.version,
        record: previous?.record,
        problem: this.describe(error, spec.file),
      };
    }
    this.store.set(spec.file, stored);
    const entry = entryOf(spec.file, stored, loaded ? undefined : previous?.current);
    this.byFile.set(spec.file, entry);
    if (loaded && (keepLoad || previous?.current)) this.keep(entry, loaded, bytes);
    else if (!entry.current) this.cache.delete(spec.file);
  }

  private keep(entry: SpecEntry, loaded: LoadedSpec, bytes: number): void {
    entry.current = loaded;
    this.cache.set(entry.file, loaded, approximateBytes(bytes));
  }

  private forget(file: string): void {
    this.byFile.delete(file);
    this.store.delete(file);
    this.placeApi.delete(file);
    this.cache.delete(file);
  }

  private indexRequest(spec: FoundSpec): IndexRequest {
    return {
      file: spec.file,
      placeVersion: spec.version,
      lintConfig: portalLintConfig(this.lintConfigFor(spec.file)),
      tagGroupThreshold: this.tagGroupThreshold,
    };
  }

  /** What a record depends on besides the files: the lint configuration, the rules that exist, the tag-group threshold. */
  private configKey(file: string): string {
    const config = this.lintConfigFor(file);
    let key = this.configKeys.get(config);
    if (key === undefined) {
      key = JSON.stringify([
        portalLintConfig(config),
        ALL_RULES.map((rule) => rule.id),
        this.tagGroupThreshold ?? null,
      ]);
      this.configKeys.set(config, key);
    }
    return key;
  }

  private describe(error: unknown, file: string): LoadProblem {
    if (error instanceof SpecLoadError) {
      return {
        message: error.message,
        file: this.relative(error.file),
        line: error.line,
        column: error.column,
        fix: error.fix,
      };
    }
    return { message: error instanceof Error ? error.message : String(error), file: this.relative(file) };
  }

  /** Sorts, and tells apart two files claiming the same API and version (say `a/openapi.yaml` and `a.yaml`). */
  private reorder(): void {
    const taken = new Set<string>();
    this.byKey = new Map();
    for (const entry of [...this.byFile.values()].sort((a, b) => a.file.localeCompare(b.file))) {
      const base = this.placeApi.get(entry.file) ?? entry.api;
      entry.api = base;
      for (let n = 2; taken.has(entryKey(entry)); n++) entry.api = `${base}-${n}`;
      taken.add(entryKey(entry));
      this.byKey.set(entryKey(entry), entry);
    }
    this.sorted = [...this.byFile.values()].sort(
      (a, b) => a.api.localeCompare(b.api) || versionNumber(a.version) - versionNumber(b.version),
    );
  }
}

function entryOf(file: string, stored: StoredSpec, current: LoadedSpec | undefined): SpecEntry {
  return {
    file,
    api: stored.api,
    version: stored.record?.version ?? stored.placeVersion ?? "v1",
    placeVersion: stored.placeVersion,
    record: stored.record,
    current,
    problem: stored.problem,
  };
}

export function versionNumber(version: string): number {
  return Number(version.replace(/^v/, "")) || 0;
}

/** What the portal lets pattern analysis take per spec load; verdicts are kept on disk, so the next load goes on. */
export const PORTAL_PATTERN_BUDGET_MS = 2000;

/**
 * The portal lints in its own process, and oas/pattern-backtracking waits for its analysis synchronously: a spec
 * made of thousands of slow patterns would hold every other reader for the CLI's 30 s budget. Capped here.
 */
export function portalLintConfig(config: LintConfig): LintConfig {
  const rule = config.rules["oas/pattern-backtracking"];
  if (!rule) return config;
  const budget =
    typeof rule.options.budgetMs === "number"
      ? Math.min(rule.options.budgetMs, PORTAL_PATTERN_BUDGET_MS)
      : PORTAL_PATTERN_BUDGET_MS;
  return {
    ...config,
    rules: { ...config.rules, "oas/pattern-backtracking": { ...rule, options: { ...rule.options, budgetMs: budget } } },
  };
}
