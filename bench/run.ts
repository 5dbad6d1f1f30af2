// `npm run bench`: runs every benchmark below that is present, one after another (never in parallel: they time
// themselves), and prints their tables. `npm run bench -- lint diff-github` runs only the named ones.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";

const root = resolve(import.meta.dirname, "..");
/** The benchmark entry points, in the order they run (the other bench/*.ts files are their helpers). */
const BENCHMARKS = [
  "suite",
  "lint",
  "client-generate",
  "client-runtime-size",
  "server-throughput",
  "diff-github",
  "diff-compare",
  "portal",
];

const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !BENCHMARKS.includes(name));
if (unknown.length > 0) {
  console.error(`unknown benchmark ${unknown.join(", ")}; known: ${BENCHMARKS.join(", ")}`);
  process.exit(2);
}
if (!existsSync(join(root, "bench/node_modules"))) {
  // The anchor tools live in bench/package.json so that `npm ci` for the project and its tests stays lean.
  console.log("installing the reference tools into bench/node_modules (npm ci --prefix bench) ...");
  const install = spawnSync("npm", ["ci", "--no-audit", "--no-fund"], { cwd: join(root, "bench"), stdio: "inherit" });
  if (install.status !== 0) {
    console.error("could not install the reference tools: run `cd bench && npm ci` and look at its output");
    process.exit(2);
  }
}

const failed: string[] = [];
for (const name of wanted.length > 0 ? wanted : BENCHMARKS) {
  const script = join(root, "bench", `${name}.ts`);
  if (!existsSync(script)) continue;
  console.log(`\n## bench/${name}.ts\n`);
  const result = spawnSync(process.execPath, [join(root, "bin/run-ts.js"), script], { cwd: root, stdio: "inherit" });
  if (result.status !== 0) failed.push(`${name} (exit ${result.status ?? result.signal})`);
}
if (failed.length > 0) {
  console.error(`\nfailed: ${failed.join(", ")}`);
  process.exit(1);
}
