// Start-up: `lint` of the small petstore example, where the run is nearly all start-up, side by side in one run and
// alternating (A B C A B C …, so a drift of the machine's speed hits all alike): the installed package's CLI
// (dist/, as `npm pack` builds it), the checkout's bin/specwright.js, @redocly/cli lint, and `node -e 0` for the
// floor. Goal: the installed CLI at most 0.5x Redocly's wall time. Median wall and CPU seconds over N runs.
// Run: node bin/run-ts.js bench/lint-start.ts [--runs N]   (builds dist/ first when it is missing)
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { measureCommand, median, type Sample } from "./measure.js";

const root = resolve(import.meta.dirname, "..");
const spec = join(root, "specs/petstore/v1/openapi.yaml");
const { values } = parseArgs({ options: { runs: { type: "string", default: "9" } } });
const runs = Math.max(1, Number(values.runs));
if (!existsSync(join(root, "dist/cli.mjs")))
  execFileSync(process.execPath, [join(root, "bin/build-dist.js")], { stdio: "inherit" });

const tools: Array<{ name: string; command: string[] }> = [
  { name: "specwright lint (installed: dist/)", command: [process.execPath, join(root, "dist/cli.mjs"), "lint", spec] },
  {
    name: "specwright lint (checkout: bin/specwright.js)",
    command: [process.execPath, join(root, "bin/specwright.js"), "lint", spec],
  },
  { name: "@redocly/cli lint (v2)", command: [join(root, "bench/node_modules/.bin/redocly"), "lint", spec] },
  { name: "node -e 0", command: [process.execPath, "-e", "0"] },
];

const samples = tools.map((): Sample[] => []);
for (let run = 0; run <= runs; run++) {
  for (const [index, tool] of tools.entries()) {
    const sample = await measureCommand(tool.command, { cwd: root });
    if (run > 0) samples[index]!.push(sample); // run 0 warms the caches
  }
}

const wall = (index: number) => median(samples[index]!.map((s) => s.wallSeconds));
const cpu = (index: number) => median(samples[index]!.map((s) => s.cpuSeconds ?? Number.NaN));
const redocly = tools.findIndex((tool) => tool.name.includes("redocly"));
console.log(
  `| command | wall s (median of ${runs}) | CPU s | wall vs Redocly | CPU vs Redocly |\n| --- | ---: | ---: | ---: | ---: |`,
);
for (const [index, tool] of tools.entries()) {
  console.log(
    `| ${tool.name} | ${wall(index).toFixed(2)} | ${cpu(index).toFixed(2)} | ${(wall(index) / wall(redocly)).toFixed(2)}x | ${(cpu(index) / cpu(redocly)).toFixed(2)}x |`,
  );
}
