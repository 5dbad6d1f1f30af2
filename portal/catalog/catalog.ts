import { EventEmitter } from "node:events";
import { watch, type FSWatcher } from "node:fs";
import { relative } from "node:path";
import { bundleSpec, loadSpec, SpecLoadError } from "../../generator/load/index.js";
import { ALL_RULES, lintDocument, presetConfig, type Diagnostic, type LintConfig } from "../../generator/conventions/index.js";
import { discoverSpecs, versionFromInfo, type FoundSpec } from "./discover.js";
import { fingerprintFiles } from "./fingerprint.js";
import { entryKey, summarize, type LoadedSpec, type LoadProblem, type SpecEntry } from "./spec-entry.js";

export interface CatalogOptions {
  /** The lint configuration for one spec file; the recommended preset when absent. */
  lintConfigFor?: (file: string) => LintConfig;
}

const WATCH_DEBOUNCE_MS = 120;

/**
 * Every API version under a specs directory, loaded once and reloaded when its files change.
 * Emits "change" after each refresh that changed something.
 */
export class SpecCatalog extends EventEmitter {
  readonly specsDir: string;
  private readonly lintConfigFor: (file: string) => LintConfig;
  private byFile = new Map<string, SpecEntry>();
  private refreshing: Promise<void> | undefined;
  private refreshAgain = false;
  private watcher: FSWatcher | undefined;
  private debounce: NodeJS.Timeout | undefined;
  /** Bumped on every change; pages use it to tell the browser to reload. */
  generation = 0;

  constructor(specsDir: string, options: CatalogOptions = {}) {
    super();
    this.specsDir = specsDir;
    const fallback = presetConfig("recommended", ALL_RULES);
    this.lintConfigFor = options.lintConfigFor ?? (() => fallback);
  }

  /** Entries sorted by API then by major version number. */
  entries(): SpecEntry[] {
    return [...this.byFile.values()].sort((a, b) => a.api.localeCompare(b.api) || versionNumber(a.version) - versionNumber(b.version));
  }

  find(api: string, version: string): SpecEntry | undefined {
    return this.entries().find((entry) => entry.api === api && entry.version === version);
  }

  versionsOf(api: string): SpecEntry[] {
    return this.entries().filter((entry) => entry.api === api);
  }

  /** The lint problems of a loaded spec, computed once per load. */
  lintOf(loaded: LoadedSpec, file: string): Diagnostic[] {
    loaded.lint ??= lintDocument(loaded.document, portalLintConfig(this.lintConfigFor(file)));
    return loaded.lint;
  }

  /** Rescans the directory and reloads what changed; concurrent calls share one run and queue at most one more. */
  refresh(): Promise<void> {
    if (this.refreshing) {
      this.refreshAgain = true;
      return this.refreshing;
    }
    this.refreshing = (async () => {
      do {
        this.refreshAgain = false;
        if (await this.refreshOnce()) {
          this.generation += 1;
          this.emit("change");
        }
      } while (this.refreshAgain);
    })().finally(() => {
      this.refreshing = undefined;
    });
    return this.refreshing;
  }

  /** Lints every loaded spec now, so the first page view does not pay for it. */
  lintAll(): void {
    for (const entry of this.byFile.values()) if (entry.current) this.lintOf(entry.current, entry.file);
  }

  watch(): void {
    if (this.watcher) return;
    this.watcher = watch(this.specsDir, { recursive: true }, () => {
      clearTimeout(this.debounce);
      this.debounce = setTimeout(() => void this.refresh(), WATCH_DEBOUNCE_MS);
    });
    this.watcher.on("error", () => {
      // The directory went away or the watch limit was hit: keep serving what is loaded.
    });
  }

  close(): void {
    clearTimeout(this.debounce);
    this.watcher?.close();
    this.watcher = undefined;
  }

  private async refreshOnce(): Promise<boolean> {
    const found = await discoverSpecs(this.specsDir);
    let changed = false;
    const seen = new Set(found.map((spec) => spec.file));
    for (const file of this.byFile.keys()) {
      if (!seen.has(file)) {
        this.byFile.delete(file);
        changed = true;
      }
    }
    for (const spec of found) {
      const entry = this.byFile.get(spec.file);
      if (entry && !entry.problem && entry.current && entry.current.fingerprint === (await fingerprintFiles(entry.current.files))) continue;
      this.byFile.set(spec.file, await this.load(spec, entry));
      changed = true;
    }
    if (changed) this.disambiguate();
    return changed;
  }

  private async load(spec: FoundSpec, previous: SpecEntry | undefined): Promise<SpecEntry> {
    try {
      const document = await loadSpec(spec.file);
      const bundled = await bundleSpec(document);
      const files = [...document.files.keys()].filter((file) => !/^https?:/i.test(file));
      const summary = summarize(bundled);
      const current: LoadedSpec = { document, bundled, summary, files, fingerprint: await fingerprintFiles(files) };
      return { file: spec.file, api: spec.api, version: spec.version ?? versionFromInfo(summary.infoVersion), current };
    } catch (error) {
      const problem = this.describe(error, spec.file);
      // A broken edit keeps the last good version served, with the error shown next to it.
      return { file: spec.file, api: spec.api, version: previous?.version ?? spec.version ?? "v1", current: previous?.current, problem };
    }
  }

  private describe(error: unknown, file: string): LoadProblem {
    if (error instanceof SpecLoadError) {
      return { message: error.message, file: this.relative(error.file), line: error.line, column: error.column, fix: error.fix };
    }
    return { message: error instanceof Error ? error.message : String(error), file: this.relative(file) };
  }

  relative(file: string): string {
    return /^https?:/i.test(file) ? file : relative(this.specsDir, file);
  }

  /** Two files claiming the same API and version (say `a/openapi.yaml` and `a.yaml`) both stay reachable. */
  private disambiguate(): void {
    const taken = new Set<string>();
    for (const entry of [...this.byFile.values()].sort((a, b) => a.file.localeCompare(b.file))) {
      let key = entryKey(entry);
      for (let n = 2; taken.has(key); n++) {
        entry.api = `${entry.api.replace(/-\d+$/, "")}-${n}`;
        key = entryKey(entry);
      }
      taken.add(key);
    }
  }
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
  const budget = typeof rule.options.budgetMs === "number" ? Math.min(rule.options.budgetMs, PORTAL_PATTERN_BUDGET_MS) : PORTAL_PATTERN_BUDGET_MS;
  return { ...config, rules: { ...config.rules, "oas/pattern-backtracking": { ...rule, options: { ...rule.options, budgetMs: budget } } } };
}
