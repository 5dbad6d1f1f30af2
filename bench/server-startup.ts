// Start-up of a generated server: import server.ts (and its validators), build the router, listen. Handlers are
// stubs answering 501 (`stub`) or the generated mock (`mock`, which also loads mock.ts's samples).
// Prints one line: "READY <port> <ms since process start> <import ms> <createRouter ms>".
// Usage: node bin/run-ts.js bench/server-startup.ts <generated-dir> [stub|mock]
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";

// The root package's Express 5, never bench/node_modules' Express 4 (a dependency of the reference tools).
const express = createRequire(resolve("package.json"))("express") as typeof import("express");

const dir = resolve(process.argv[2] ?? "");
const mode = process.argv[3] ?? "stub";
const t0 = performance.now();
const { createRouter } = await import(pathToFileURL(join(dir, "server.ts")).href);
const handlers =
  mode === "mock"
    ? (await import(pathToFileURL(join(dir, "mock.ts")).href)).createMockHandlers()
    : new Proxy(
        {},
        { get: () => () => ({ status: 501, body: { type: "about:blank", title: "Not Implemented", status: 501 } }) },
      );
const t1 = performance.now();
const router = createRouter(handlers, { pageTokenSecret: "bench-secret-bench-secret-bench-secret" });
const t2 = performance.now();
const server = express()
  .use(router)
  .listen(0, "127.0.0.1", () => {
    const address = server.address();
    const port = typeof address === "object" && address !== null ? address.port : 0;
    console.log(`READY ${port} ${performance.now().toFixed(0)} ${(t1 - t0).toFixed(0)} ${(t2 - t1).toFixed(0)}`);
  });
