// Start-up: `lint` of the small petstore example, where the run is nearly all start-up, side by side in one run and
// alternating (A B C A B C …, so a drift of the machine's speed hits all alike): the installed package's CLI
// (dist/, as `npm pack` builds it), the checkout's bin/specwright.js, @redocly/cli lint, and `node -e 0` for the
// floor. Goal: the installed CLI at most 0.5x Redocly's wall time. Median wall and CPU seconds over N runs.
// Each lint runs twice per round: "warm" on the spec itself (specwright's per-content caches hit after the first run),
// and "cold" on a fresh copy with one comment line changed, so no cached value, verdict or position fits it (the first
// lint after an edit; the compiled OpenAPI-schema validator, keyed by the schema, stays cached as it would).
// Run: node bin/run-ts.js bench/lint-start.ts [--runs N]   (builds dist/ first when it is missing)
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { measureCommand, median, type Sample } from "./measure.js";

const root = resolve(import.meta.dirname, "..");
const spec = join(root, "specs/petstore/v1/openapi.yaml");
const { values } = parseArgs({ options: { runs: { type: "string", default: "9" } } });
const runs = Math.max(1, Number(values.runs));
if (!existsSync(join(root, "dist/cli.mjs")))
  execFileSync(process.execPath, [join(root, "bin/build-dist.js")], { stdio: "inherit" });

const linters: Array<{ name: string; command: (spec: string) => string[] }> = [
  {
    name: "specwright lint (installed: dist/)",
    command: (at) => [process.execPath, join(root, "dist/cli.mjs"), "lint", at],
  },
  {
    name: "specwright lint (checkout: bin/specwright.js)",
    command: (at) => [process.execPath, join(root, "bin/specwright.js"), "lint", at],
  },
  { name: "@redocly/cli lint (v2)", command: (at) => [join(root, "bench/node_modules/.bin/redocly"), "lint", at] },
];
const specText = readFileSync(spec, "utf8");
const scratch = mkdtempSync(join(tmpdir(), "specwright-lint-cold-"));
let edits = 0;
/** A spec no earlier run has seen: its own file, one comment line different (each tool gets its own, as the CLIs share a cache). */
function editedSpec(): string {
  const file = join(scratch, `openapi-${++edits}.yaml`);
  writeFileSync(file, `${specText}# edit ${edits} ${process.pid} ${Date.now()}\n`);
  return file;
}
const tools: Array<{ name: string; command: () => string[] }> = [
  ...linters.map((linter) => ({ name: `${linter.name}, warm`, command: () => linter.command(spec) })),
  ...linters.map((linter) => ({ name: `${linter.name}, cold`, command: () => linter.command(editedSpec()) })),
  { name: "node -e 0", command: () => [process.execPath, "-e", "0"] },
];

const samples = tools.map((): Sample[] => []);
try {
  for (let run = 0; run <= runs; run++) {
    for (const [index, tool] of tools.entries()) {
      const sample = await measureCommand(tool.command(), { cwd: root });
      if (run > 0) samples[index]!.push(sample); // run 0 warms the caches
    }
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

const wall = (index: number) => median(samples[index]!.map((s) => s.wallSeconds));
const cpu = (index: number) => median(samples[index]!.map((s) => s.cpuSeconds ?? Number.NaN));
// Each row against Redocly in the same mode (warm or cold); `node -e 0` against warm Redocly.
const redocly = (name: string) =>
  tools.findIndex(
    (tool) => tool.name.includes("redocly") && tool.name.endsWith(name.endsWith(", cold") ? ", cold" : ", warm"),
  );
console.log(
  `| command | wall s (median of ${runs}) | CPU s | wall vs Redocly | CPU vs Redocly |\n| --- | ---: | ---: | ---: | ---: |`,
);
for (const [index, tool] of tools.entries()) {
  const base = redocly(tool.name);
  console.log(
    `| ${tool.name} | ${wall(index).toFixed(2)} | ${cpu(index).toFixed(2)} | ${(wall(index) / wall(base)).toFixed(2)}x | ${(cpu(index) / cpu(base)).toFixed(2)}x |`,
  );
}
