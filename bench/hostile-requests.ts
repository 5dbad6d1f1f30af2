// Worst request times for hostile inputs against the generated server (issue 11), in-process on loopback:
//   node bin/run-ts.js bench/hostile-requests.ts [repeats=5]
// 1. Catastrophic spec patterns (`^(a+)+$` in the query, `^(a|aa)+$` in the body): the generated server's worst
//    request time, against the same schema compiled with ajv's default (native, backtracking) RegExp, timed on short
//    inputs and extrapolated (each extra character doubles the work), since 50 characters never finish.
// 2. A 1 MB body of 250,000 wrong integers: status, response size, time and RSS growth.
import { performance } from "node:perf_hooks";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { Ajv2020 } from "ajv/dist/2020.js";
import express from "express";
import { generateApi } from "../test/server/e2e-harness.js";
import { listen } from "../test/server/listen.js";
import { specPattern } from "../templates/runtime/server/patterns.js";

const repeats = Number(process.argv[2] ?? 5);
const outDir = await generateApi("test/server/fixtures/hardening.spec.json", "bench-hostile", { client: false });
const { createRouter } = (await import(pathToFileURL(join(outDir, "server.ts")).href)) as {
  createRouter(handlers: unknown, options: unknown): express.Router;
};
const handlers = {
  listThings: () => ({ status: 200, body: { items: [] } }),
  createThing: () => ({ status: 201, body: {} }),
};
const server = await listen(
  express().use(createRouter(handlers, { pageTokenSecret: "b".repeat(32), logger: { error: () => undefined } })),
);

async function worst(path: string, init: RequestInit = {}): Promise<{ ms: number; status: number; bytes: number }> {
  let ms = 0;
  let status = 0;
  let bytes = 0;
  for (let i = 0; i < repeats; i++) {
    const start = performance.now();
    const response = await fetch(server.url + path, init);
    bytes = (await response.arrayBuffer()).byteLength;
    ms = Math.max(ms, performance.now() - start);
    status = response.status;
  }
  return { ms: Math.round(ms * 10) / 10, status, bytes };
}
const post = (body: string): RequestInit => ({ method: "POST", body, headers: { "content-type": "application/json" } });

const rows: Record<string, unknown>[] = [];
await worst("/api*v1/things?name=aaa"); // warm-up: the first request compiles the route and the validators' code
for (const length of [50, 8000]) {
  rows.push({
    input: `query name=${length} a's + "!"`,
    ...(await worst(`/api*v1/things?name=${"a".repeat(length)}!`)),
  });
}
for (const length of [50, 50_000, 1_000_000]) {
  rows.push({
    input: `body name=${length} a's + "!"`,
    ...(await worst("/api*v1/things", post(JSON.stringify({ name: `${"a".repeat(length)}!` })))),
  });
}

// The pattern engine alone, without HTTP: what one hostile value holds the event loop for.
for (const pattern of ["^(a+)+$", "^(a|aa)+$"]) {
  const matcher = specPattern(pattern);
  for (const length of [50, 50_000, 1_000_000]) {
    const input = `${"a".repeat(length)}!`;
    let ms = 0;
    for (let i = 0; i < repeats; i++) {
      const start = performance.now();
      matcher.test(input);
      ms = Math.max(ms, performance.now() - start);
    }
    rows.push({ input: `re2js ${pattern}, ${length} a's + "!"`, ms: Math.round(ms * 100) / 100 });
  }
}

// The old behaviour: ajv's default RegExp on the same patterns.
const native = new Ajv2020({ allErrors: true, strict: false });
for (const [where, pattern] of [
  ["query", "^(a+)+$"],
  ["body", "^(a|aa)+$"],
] as const) {
  const validate = native.compile({ type: "string", pattern });
  const times: string[] = [];
  let last = { n: 0, ms: 0 };
  for (let n = 18; n <= 40; n += 2) {
    const start = performance.now();
    validate(`${"a".repeat(n)}!`);
    const ms = performance.now() - start;
    times.push(`${n}: ${ms.toFixed(1)} ms`);
    last = { n, ms };
    if (ms > 500) break;
  }
  const growth = where === "query" ? 2 : 1.618; // (a+)+ doubles per character; (a|aa)+ grows like Fibonacci
  const extrapolated = last.ms * growth ** (50 - last.n);
  rows.push({
    input: `native RegExp, ${where} ${pattern}`,
    ms: `${times.join(", ")}; 50 chars ≈ ${(extrapolated / 3_600_000).toExponential(1)} h`,
  });
}

// Error lists: 250,000 wrong integers in a 1 MB body.
const wrong = JSON.stringify({ numbers: Array.from({ length: 250_000 }, () => 0.5) });
const rssBefore = process.memoryUsage().rss;
const errors = await worst("/api*v1/things", post(wrong));
rows.push({
  input: `1 MB body, 250,000 wrong integers (${Math.round(wrong.length / 1024)} KiB)`,
  ...errors,
  "RSS growth MiB": Math.round((process.memoryUsage().rss - rssBefore) / 1048576),
});

// Four at once, with a /ping sent alongside: how long the server is unavailable.
const rssBeforeFour = process.memoryUsage().rss;
const fourStart = performance.now();
let pingMs = 0;
await Promise.all([
  ...Array.from({ length: 4 }, () =>
    fetch(`${server.url}/api*v1/things`, post(wrong)).then((response) => response.arrayBuffer()),
  ),
  new Promise((next) => setTimeout(next, 50)).then(async () => {
    const start = performance.now();
    await fetch(`${server.url}/api*v1/things?name=aa`).then((response) => response.arrayBuffer());
    pingMs = performance.now() - start;
  }),
]);
rows.push({
  input: "4 such bodies at once, and a small GET 50 ms in",
  ms: `all: ${Math.round(performance.now() - fourStart)}, small GET: ${Math.round(pingMs)}`,
  "RSS growth MiB": Math.round((process.memoryUsage().rss - rssBeforeFour) / 1048576),
});

await server.close();
console.table(rows);
