// The portal with GitHub's API (~10 MB JSON) in its specs folder. Goals (issue "specwright portal"): starts in < 5 s;
// serves the bundled spec gzipped in < 50 ms p50 when warm; Redoc shows the first operation in headless Chromium,
// reported against `redocly build-docs` output of the same spec opened in the same browser.
// Run: node bin/run-ts.js bench/portal.ts [--runs N]   (needs chromium: apt-get install -y chromium)
// With --scale: the catalog at scale over the APIs.guru corpus instead (bench/portal-scale.ts, its flags there).
import { execFile, spawn } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer, request, type Server } from "node:http";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { chromium, type Browser } from "playwright-core";

if (process.argv.includes("--scale")) {
  const { measureScale } = await import("./portal-scale.js");
  const rows = await measureScale();
  console.log("| measure | result | goal | verdict |\n|---|---|---|---|");
  for (const row of rows) console.log(`| ${row.join(" | ")} |`);
  process.exit(0);
}

const root = resolve(import.meta.dirname, "..");
const GITHUB = join(root, "node_modules/@octokit/openapi/generated/api.github.com.json");
const REDOCLY = join(root, "bench/node_modules/.bin/redocly");
const REDOC_STANDALONE = join(root, "bench/node_modules/@redocly/cli/lib/chunks/redoc.standalone.js");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const runsFlag = process.argv.indexOf("--runs");
const RUNS = runsFlag > 0 ? Number(process.argv[runsFlag + 1]) : 3;

const work = mkdtempSync(join(tmpdir(), "specwright-bench-portal-"));
const specsDir = join(work, "specs");
mkdirSync(join(specsDir, "github/v1"), { recursive: true });
copyFileSync(GITHUB, join(specsDir, "github/v1/openapi.json"));

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((values.length * p) / 100))] ?? NaN;

interface Portal {
  url: string;
  startSeconds: number;
  stop(): Promise<void>;
}

/** `specwright portal` as a user starts it; timed from spawn to the "portal: URL" line (every spec loaded). */
function startPortal(): Promise<Portal> {
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [join(root, "bin/specwright.js"), "portal", "--specs", specsDir, "--port", "0", "--no-watch"],
    { cwd: work },
  );
  return new Promise((resolvePortal, reject) => {
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const match = /portal: (http:\/\/\S+)/.exec(out);
      if (match?.[1])
        resolvePortal({
          url: match[1],
          startSeconds: (performance.now() - started) / 1000,
          stop: () => new Promise((done) => (child.once("exit", () => done()), child.kill("SIGTERM"))),
        });
    });
    child.stderr.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.once("exit", (code) => reject(new Error(`portal exited with ${code}:\n${out}`)));
  });
}

/** Time of one GET with gzip, body fully read; returns milliseconds and the transferred size. */
function timedGet(url: string): Promise<{ ms: number; bytes: number; encoding: string | undefined }> {
  const started = performance.now();
  return new Promise((resolveGet, reject) => {
    request(url, { headers: { "accept-encoding": "gzip" }, agent: false }, (res) => {
      let bytes = 0;
      res.on("data", (chunk: Buffer) => (bytes += chunk.length));
      res.on("end", () =>
        resolveGet({ ms: performance.now() - started, bytes, encoding: res.headers["content-encoding"] }),
      );
    })
      .on("error", reject)
      .end();
  });
}

/** A static file server for the redocly output (opened over http like the portal, so both pay the same transport). */
function serveFile(file: string): Promise<{ url: string; server: Server }> {
  const body = readFileSync(file);
  const server = createServer((_req, res) =>
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(body),
  );
  return new Promise((done) =>
    server.listen(0, "127.0.0.1", () =>
      done({ url: `http://127.0.0.1:${(server.address() as { port: number }).port}/`, server }),
    ),
  );
}

const TITLE = "#redoc h1";
// Redoc 2 renders each operation as a section (id "operation/x", or "tag/t/operation/x" under tags) headed by an h2.
const FIRST_OPERATION = "[data-section-id^='operation/'] h2, [data-section-id*='/operation/'] h2";

/** Milliseconds from navigation until each selector's first match is visible, in order (undefined: never, within the wait). */
async function timesToVisible(
  browser: Browser,
  url: string,
  selectors: string[],
  waitMs = 180_000,
): Promise<Array<number | undefined>> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  // build-docs output imports Redoc from cdn.redocly.com; this machine is offline, so the same version is served from
  // the copy inside @redocly/cli (same bytes, so the page's integrity check passes and it hydrates as it would online).
  await page.route(/^https:\/\/cdn\.redocly\.com\/.*redoc\.standalone\.js$/, (route) =>
    route.fulfill({
      status: 200,
      contentType: "text/javascript",
      headers: { "access-control-allow-origin": "*" },
      body: readFileSync(REDOC_STANDALONE),
    }),
  );
  const started = performance.now();
  await page.goto(url, { waitUntil: "commit" });
  const times: Array<number | undefined> = [];
  for (const selector of selectors) {
    const visible = await page
      .locator(selector)
      .first()
      .waitFor({ state: "visible", timeout: waitMs })
      .then(
        () => true,
        () => false,
      );
    times.push(visible ? performance.now() - started : undefined);
  }
  await page.close();
  return times;
}

const seconds = (values: Array<number | undefined>) => {
  const measured = values.filter((value): value is number => value !== undefined);
  if (measured.length === 0) return "not shown";
  return `${(median(measured) / 1000).toFixed(2)} s median (${values.map((ms) => (ms === undefined ? "never" : (ms / 1000).toFixed(2))).join(", ")})`;
};

const rows: string[][] = [];
const starts: number[] = [];
let portal: Portal | undefined;
for (let run = 0; run < RUNS; run++) {
  await portal?.stop();
  portal = await startPortal();
  starts.push(portal.startSeconds);
}
rows.push([
  "portal start with GitHub's spec (spawn -> listening, spec loaded)",
  `${median(starts).toFixed(2)} s median of ${RUNS} (${starts.map((s) => s.toFixed(2)).join(", ")})`,
  "< 5 s",
  median(starts) < 5 ? "met" : "NOT met",
]);

const specUrl = `${portal!.url}/specs/github/v1/openapi.json`;
const first = await timedGet(specUrl);
for (let i = 0; i < 5; i++) await timedGet(specUrl);
const warm: number[] = [];
for (let i = 0; i < 50; i++) warm.push((await timedGet(specUrl)).ms);
rows.push(["bundled spec download, first request (bundle + gzip)", `${first.ms.toFixed(0)} ms`, "", ""]);
rows.push([
  `bundled spec download, warm (${first.encoding ?? "identity"}, ${(first.bytes / 1e6).toFixed(2)} MB on the wire), 50 requests`,
  `p50 ${median(warm).toFixed(1)} ms, p95 ${percentile(warm, 95).toFixed(1)} ms`,
  "< 50 ms p50",
  median(warm) < 50 ? "met" : "NOT met",
]);

if (!existsSync(CHROMIUM)) {
  console.error(`chromium not found at ${CHROMIUM}: install it (apt-get install -y chromium) or set CHROMIUM_PATH`);
  process.exitCode = 1;
} else {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  });
  // GitHub's spec is above LARGE_SPEC_OPERATIONS: its reference page lists the tag groups (server-rendered) and each
  // group's page runs Redoc on that group; the first group is the one a reader meets first.
  const referencePage = await (await fetch(`${portal!.url}/apis/github/v1/`)).text();
  const firstGroup = /href="\/apis\/github\/v1\/tags\/([^/"]+)\/"/.exec(referencePage)?.[1];
  const groupList: Array<Array<number | undefined>> = [];
  for (let run = 0; run < RUNS; run++)
    groupList.push(await timesToVisible(browser, `${portal!.url}/apis/github/v1/`, [".tag-groups li"], 30_000));
  rows.push([
    "reference page of GitHub's spec: list of tag groups visible",
    seconds(groupList.map((t) => t[0])),
    "",
    "",
  ]);
  const ours: Array<Array<number | undefined>> = [];
  const groupUrl = `${portal!.url}/apis/github/v1/${firstGroup ? `tags/${firstGroup}/` : ""}`;
  for (let run = 0; run < RUNS; run++) ours.push(await timesToVisible(browser, groupUrl, [TITLE, FIRST_OPERATION]));
  const groupOperations = firstGroup
    ? (referencePage.match(new RegExp(`tags/${firstGroup}/">[^<]*</a> <small>(\\d+) operations`))?.[1] ?? "?")
    : "all";
  rows.push([
    `Redoc, API title visible: specwright, first group (${firstGroup ?? "whole spec"}, ${groupOperations} operations)`,
    seconds(ours.map((t) => t[0])),
    "",
    "",
  ]);
  rows.push([
    "Redoc, first operation visible: specwright, same page",
    seconds(ours.map((t) => t[1])),
    "shown",
    ours.every((t) => t[1] !== undefined) ? "met" : "NOT met",
  ]);
  if (existsSync(REDOCLY)) {
    const out = join(work, "redoc-static.html");
    const built = performance.now();
    await promisify(execFile)(REDOCLY, ["build-docs", GITHUB, "--output", out], { cwd: work, maxBuffer: 1 << 26 });
    const buildSeconds = (performance.now() - built) / 1000;
    const { url, server } = await serveFile(out);
    const theirs: Array<Array<number | undefined>> = [];
    // Redoc 3 (what build-docs of @redocly/cli 2 emits) lists tags first and renders an operation only once a reader
    // opens it, so its first operation is looked for briefly: "not shown" is the finding, not a failure.
    for (let run = 0; run < RUNS; run++)
      theirs.push(await timesToVisible(browser, url, [TITLE, FIRST_OPERATION], 20_000));
    server.close();
    const oursTitle = median(ours.map((t) => t[0] ?? NaN));
    const theirsTitle = median(theirs.map((t) => t[0] ?? NaN));
    rows.push([
      `Redoc, API title visible: \`redocly build-docs\` output (build ${buildSeconds.toFixed(1)} s, ${(readFileSync(out).length / 1e6).toFixed(1)} MB HTML)`,
      seconds(theirs.map((t) => t[0])),
      "",
      `specwright ${(oursTitle / theirsTitle).toFixed(2)}x`,
    ]);
    rows.push([
      "Redoc, first operation visible: `redocly build-docs` output",
      seconds(theirs.map((t) => t[1])),
      "",
      "",
    ]);
  } else {
    rows.push(["Redoc: `redocly build-docs` output", "not measured: run `cd bench && npm ci` first", "", ""]);
  }
  await browser.close();
}
await portal?.stop();
rmSync(work, { recursive: true, force: true });

console.log("| measure | result | goal | verdict |\n|---|---|---|---|");
for (const row of rows) console.log(`| ${row.join(" | ")} |`);
