// Server benchmark: specwright's generated server vs the same routes in bare Express (no validation) vs the
// same routes behind express-openapi-validator, side by side in one run, with autocannon on loopback.
// Cases: JSON POST with a ~1 kB body, paginated GET (following a page token). Plus the start-up time of the
// server generated for GitHub's spec.
// Usage: node bin/run-ts.js bench/server-throughput.ts [seconds per run = 5] [rounds = 2] [--skip-github]
import { spawn, type ChildProcess } from "node:child_process";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { createRequire } from "node:module";
import { generateServer } from "../generator/emit/server/generate-server.js";
import { buildModel } from "../generator/model/build-model.js";
import { benchBody, benchSpec } from "./server-spec.js";

/** The part of autocannon's API used here (the package ships no types). */
type Autocannon = (options: {
  url: string;
  method: string;
  body?: string;
  headers?: Record<string, string>;
  connections: number;
  duration: number;
}) => Promise<{
  requests: { average: number; total: number };
  latency: { p50: number; p99: number };
  non2xx: number;
  errors: number;
}>;
const autocannon = createRequire(import.meta.url)("autocannon") as Autocannon;

const SECONDS = Number(process.argv[2] ?? 5);
const ROUNDS = Number(process.argv[3] ?? 2);
const CONNECTIONS = 32;
const KINDS = ["generated", "bare", "eov"] as const;
type Kind = (typeof KINDS)[number];
// Outside bench/ so that the generated runtime resolves the root package's Express 5, not bench/node_modules'.
const BENCH_DIR = resolve(".tmp/bench/server-bench");
const GITHUB_DIR = resolve(".tmp/bench/server-github");
const GITHUB_SPEC = "node_modules/@octokit/openapi/generated/api.github.com.json";

interface Running {
  url: string;
  child: ChildProcess;
  readyLine: string[];
  /** The next stdout line starting with `prefix`. */
  nextLine(prefix: string): Promise<string>;
}

async function start(script: string, args: string[]): Promise<Running> {
  const child = spawn(process.execPath, ["bin/run-ts.js", script, ...args], { stdio: ["ignore", "pipe", "inherit"] });
  const lines: string[] = [];
  const waiters: (() => void)[] = [];
  let buffer = "";
  let exited = false;
  child.stdout?.on("data", (chunk: Buffer) => {
    buffer += chunk.toString();
    const parts = buffer.split("\n");
    buffer = parts.pop() ?? "";
    lines.push(...parts);
    waiters.splice(0).forEach((wake) => wake());
  });
  child.once("exit", () => {
    exited = true;
    waiters.splice(0).forEach((wake) => wake());
  });
  const nextLine = async (prefix: string): Promise<string> => {
    for (;;) {
      const index = lines.findIndex((line) => line.startsWith(prefix));
      if (index >= 0) return lines.splice(0, index + 1).pop() ?? "";
      if (exited) throw new Error(`${script} ${args.join(" ")} exited before printing ${prefix}`);
      await new Promise<void>((wake) => waiters.push(wake));
    }
  };
  const parts = (await nextLine("READY ")).split(" ");
  return { url: `http://127.0.0.1:${parts[1]}`, child, readyLine: parts, nextLine };
}

/** CPU microseconds the server process has used so far. */
async function cpuOf(running: Running): Promise<number> {
  const line = running.nextLine("CPU ");
  running.child.kill("SIGUSR2");
  return Number((await line).split(" ")[1]);
}

async function stop(running: Running): Promise<void> {
  const exited = new Promise((done) => running.child.once("exit", done));
  running.child.kill("SIGTERM");
  await exited;
}

interface Case {
  name: string;
  /** Builds the request for this server (the GET follows a token the server itself issued). */
  request(
    url: string,
  ): Promise<{ method: "GET" | "POST"; path: string; body?: string; headers?: Record<string, string>; expect: number }>;
}

const CASES: Case[] = [
  {
    name: "POST 1 kB JSON",
    request: async () => ({
      method: "POST",
      path: "/v1/items",
      body: benchBody,
      headers: { "content-type": "application/json" },
      expect: 201,
    }),
  },
  {
    name: "GET page (token)",
    request: async (url) => {
      const first = (await (await fetch(`${url}/v1/items?page_size=20&category=books`)).json()) as {
        next_page_token: string;
      };
      return {
        method: "GET",
        path: `/v1/items?page_size=20&category=books&page_token=${first.next_page_token}`,
        expect: 200,
      };
    },
  },
];

interface Measured {
  rps: number;
  p50: number;
  p99: number;
  bad: number;
  /** Server CPU time per request, µs: stable when the machine is shared, unlike req/s. */
  cpuPerRequest: number;
}

async function measure(
  running: Running,
  request: Awaited<ReturnType<Case["request"]>>,
  seconds: number,
): Promise<Measured> {
  const cpuBefore = await cpuOf(running);
  const result = await autocannon({
    url: running.url + request.path,
    method: request.method,
    body: request.body,
    headers: request.headers,
    connections: CONNECTIONS,
    duration: seconds,
  });
  const cpu = (await cpuOf(running)) - cpuBefore;
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    bad: result.non2xx + result.errors,
    cpuPerRequest: cpu / Math.max(1, result.requests.total),
  };
}

/** Each server must answer the case correctly, and the validating ones must reject a bad body, before timing. */
async function sanityCheck(kind: Kind, url: string, request: Awaited<ReturnType<Case["request"]>>): Promise<void> {
  const response = await fetch(url + request.path, {
    method: request.method,
    body: request.body,
    headers: request.headers,
  });
  if (response.status !== request.expect)
    throw new Error(`${kind}: ${request.method} ${request.path} answered ${response.status}`);
  if (kind !== "bare" && request.method === "POST") {
    const bad = await fetch(url + request.path, {
      method: "POST",
      body: JSON.stringify({ name: 42 }),
      headers: request.headers,
    });
    if (bad.status !== 400) throw new Error(`${kind}: an invalid body answered ${bad.status}, not 400`);
  }
}

async function throughput(): Promise<Map<string, Map<Kind, Measured>>> {
  const model = buildModel(structuredClone(benchSpec) as unknown as Record<string, unknown>, {
    source: "bench/server-spec.ts",
  });
  await generateServer(model, structuredClone(benchSpec) as unknown as Record<string, unknown>, BENCH_DIR);
  const results = new Map<string, Map<Kind, Measured>>();
  for (const benchCase of CASES) {
    const best = new Map<Kind, Measured>();
    // Rounds interleave the servers, and the cheapest round counts: the machine is shared, noise only slows down.
    for (let round = 0; round < ROUNDS; round++) {
      for (const kind of KINDS) {
        const running = await start("bench/server-apps.ts", [kind, BENCH_DIR]);
        try {
          const request = await benchCase.request(running.url);
          await sanityCheck(kind, running.url, request);
          await measure(running, request, 1); // warm-up: JIT, connection pool
          const measured = await measure(running, request, SECONDS);
          if (measured.bad > 0)
            throw new Error(`${kind} ${benchCase.name}: ${measured.bad} failed or non-2xx responses`);
          const previous = best.get(kind);
          if (previous === undefined || measured.cpuPerRequest < previous.cpuPerRequest) best.set(kind, measured);
        } finally {
          await stop(running);
        }
      }
    }
    results.set(benchCase.name, best);
  }
  return results;
}

interface StartupRun {
  mode: "stub" | "mock";
  processMs: number;
  importMs: number;
  routerMs: number;
  firstResponseMs: number;
}

async function githubStartup(): Promise<{ generateMs: number; runs: StartupRun[] }> {
  const document = JSON.parse(await readFile(GITHUB_SPEC, "utf8")) as Record<string, unknown>;
  const t0 = performance.now();
  await generateServer(buildModel(document, { source: GITHUB_SPEC }), document, GITHUB_DIR);
  const generateMs = performance.now() - t0;
  const runs: StartupRun[] = [];
  // The first run of each mode also pays tsx's one-time transpilation of the generated .ts (cached after).
  for (const mode of ["stub", "stub", "stub", "mock", "mock"] as const) {
    const running = await start("bench/server-startup.ts", [GITHUB_DIR, mode]);
    const before = performance.now();
    const response = await fetch(`${running.url}/repos/octocat/hello-world`);
    const firstResponseMs = performance.now() - before;
    if (response.status !== (mode === "mock" ? 200 : 501))
      throw new Error(`GitHub ${mode} server answered ${response.status}`);
    await stop(running);
    const [, , processMs, importMs, routerMs] = running.readyLine.map(Number);
    runs.push({ mode, processMs: processMs ?? 0, importMs: importMs ?? 0, routerMs: routerMs ?? 0, firstResponseMs });
  }
  return { generateMs, runs };
}

const fmt = (n: number, digits = 0) => n.toFixed(digits);
const results = await throughput();
const startup = process.argv.includes("--skip-github") ? { generateMs: NaN, runs: [] } : await githubStartup();

console.log(
  `\nServer throughput: autocannon, ${CONNECTIONS} connections, ${SECONDS} s per run, best of ${ROUNDS} interleaved rounds, 127.0.0.1`,
);
console.log(
  "Ratios use server CPU per request (req per CPU-second); wall-clock req/s swing with the machine's other load.",
);
console.log(
  "| case | server | req/s | p50 ms | p99 ms | CPU µs/req | req per CPU-s vs bare | vs express-openapi-validator |",
);
console.log("|---|---|---:|---:|---:|---:|---:|---:|");
for (const [name, byKind] of results) {
  const bare = byKind.get("bare")?.cpuPerRequest ?? NaN;
  const eov = byKind.get("eov")?.cpuPerRequest ?? NaN;
  for (const kind of KINDS) {
    const m = byKind.get(kind);
    if (m === undefined) continue;
    const label =
      kind === "generated"
        ? "specwright generated"
        : kind === "bare"
          ? "bare Express (no validation)"
          : "express-openapi-validator";
    console.log(
      `| ${name} | ${label} | ${fmt(m.rps)} | ${fmt(m.p50)} | ${fmt(m.p99)} | ${fmt(m.cpuPerRequest)} | ${fmt((100 * bare) / m.cpuPerRequest)}% | ${fmt(eov / m.cpuPerRequest, 2)}x |`,
    );
  }
}
console.log(
  `\nGitHub spec (${GITHUB_SPEC}): server generation ${fmt(startup.generateMs)} ms; start-up of the generated server (run through tsx):`,
);
console.log("| run | handlers | process start -> listening ms | import ms | createRouter ms | first response ms |");
console.log("|---|---|---:|---:|---:|---:|");
startup.runs.forEach((run, i) =>
  console.log(
    `| ${i + 1} | ${run.mode} | ${fmt(run.processMs)} | ${fmt(run.importMs)} | ${fmt(run.routerMs)} | ${fmt(run.firstResponseMs)} |`,
  ),
);
await mkdir("bench/results", { recursive: true });
await writeFile(
  "bench/results/server-throughput.json",
  JSON.stringify(
    {
      seconds: SECONDS,
      connections: CONNECTIONS,
      results: Object.fromEntries([...results].map(([k, v]) => [k, Object.fromEntries(v)])),
      startup,
    },
    null,
    2,
  ),
);
