// Start-up of a generated server: import server.ts + mock.ts, build the router, listen. Prints one line:
// "READY <port> <ms since process start> <import ms> <createRouter ms>".
// Usage: node bin/run-ts.js bench/server-startup.ts <generated-dir>
import { join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import express from "express";

const dir = resolve(process.argv[2] ?? "");
const t0 = performance.now();
const { createRouter } = await import(pathToFileURL(join(dir, "server.ts")).href);
const { createMockHandlers } = await import(pathToFileURL(join(dir, "mock.ts")).href);
const t1 = performance.now();
const router = createRouter(createMockHandlers(), { pageTokenSecret: "bench-secret-bench-secret-bench-secret", security: {} });
const t2 = performance.now();
const server = express().use(router).listen(0, "127.0.0.1", () => {
  const address = server.address();
  const port = typeof address === "object" && address !== null ? address.port : 0;
  console.log(`READY ${port} ${performance.now().toFixed(0)} ${(t1 - t0).toFixed(0)} ${(t2 - t1).toFixed(0)}`);
});
