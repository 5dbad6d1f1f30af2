// Lint of GitHub's API description (~10 MB JSON), side by side in one run: specwright (strict preset: every rule on)
// vs @redocly/cli lint (v2, its recommended rules) vs @stoplight/spectral-cli (v6, ruleset spectral:oas).
// Each run is a child process under /usr/bin/time -v: median wall time over N runs (Spectral once: it takes minutes)
// and peak RSS. Goals: specwright <= 0.5x Redocly's and <= 0.1x Spectral's wall time, peak RSS < 600 MB.
// Anchors are installed in bench/ only: cd bench && npm i.
// Run: node bin/run-ts.js bench/lint.ts [--runs N] [--skip-spectral]   (writes bench/results/lint.{md,json})
import { measureCommand, median, type Sample } from "./measure.js";
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";

const root = resolve(import.meta.dirname, "..");
const spec = join(root, "node_modules/@octokit/openapi/generated/api.github.com.json");
const bin = (name: string) => join(root, "bench/node_modules/.bin", name);
const { values } = parseArgs({
  options: { runs: { type: "string", default: "5" }, "skip-spectral": { type: "boolean", default: false } },
});
const runs = Math.max(1, Number(values.runs));

interface Tool {
  name: string;
  command: string[];
  runs: number;
}

const scratch = mkdtempSync(join(tmpdir(), "specwright-bench-lint-"));
const spectralRuleset = join(scratch, ".spectral.yaml");
writeFileSync(spectralRuleset, 'extends: ["spectral:oas"]\n');

const tools: Tool[] = [
  {
    name: "specwright lint (strict, all rules)",
    command: [
      process.execPath,
      join(root, "bin/specwright.js"),
      "lint",
      spec,
      "--preset",
      "strict",
      "--format",
      "json",
    ],
    runs,
  },
  { name: "@redocly/cli lint (v2, recommended)", command: [bin("redocly"), "lint", spec, "--format", "json"], runs },
  ...(values["skip-spectral"]
    ? []
    : [
        {
          name: "@stoplight/spectral-cli lint (v6, spectral:oas)",
          command: [bin("spectral"), "lint", spec, "--ruleset", spectralRuleset, "--format", "json"],
          runs: 1,
        },
      ]),
];

const results: Array<{
  tool: string;
  runs: number;
  medianSeconds: number;
  minSeconds: number;
  medianCpuSeconds: number | undefined;
  peakRssMb: number | undefined;
  exitCodes: Array<number | null>;
}> = [];
for (const tool of tools) {
  const samples: Sample[] = [];
  for (let i = 0; i < tool.runs; i++) {
    samples.push(await measureCommand(tool.command, { cwd: root }));
    process.stderr.write(`  ${tool.name}: run ${i + 1}/${tool.runs} ${samples.at(-1)!.wallSeconds.toFixed(2)} s\n`);
  }
  const rss = samples.map((s) => s.peakRssMb).filter((value): value is number => value !== undefined);
  const cpu = samples.map((s) => s.cpuSeconds).filter((value): value is number => value !== undefined);
  results.push({
    tool: tool.name,
    runs: tool.runs,
    medianSeconds: median(samples.map((s) => s.wallSeconds)),
    minSeconds: Math.min(...samples.map((s) => s.wallSeconds)),
    medianCpuSeconds: cpu.length ? median(cpu) : undefined,
    peakRssMb: rss.length ? Math.max(...rss) : undefined,
    exitCodes: samples.map((s) => s.exitCode),
  });
}
rmSync(scratch, { recursive: true, force: true });

const ours = results[0]!;
const ratio = (other: (typeof results)[number] | undefined) =>
  other ? ours.medianSeconds / other.medianSeconds : undefined;
const redocly = results.find((r) => r.tool.includes("redocly"));
const spectral = results.find((r) => r.tool.includes("spectral"));
const mb = (value: number | undefined) => (value === undefined ? "n/a" : value.toFixed(0));
const lines = [
  `### Lint of GitHub's API (${(statSync(spec).size / 1e6).toFixed(1)} MB JSON), ${new Date().toISOString().slice(0, 10)}`,
  "",
  `Machine: ${cpus().length} CPUs, load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(" ")} at the end; Node ${process.version}.`,
  "",
  "| tool | runs | median wall (s) | min wall (s) | median CPU user+sys (s) | peak RSS (MB) | specwright / tool (wall) | exit codes |",
  "| --- | --- | --- | --- | --- | --- | --- | --- |",
  ...results.map(
    (r) =>
      `| ${r.tool} | ${r.runs} | ${r.medianSeconds.toFixed(2)} | ${r.minSeconds.toFixed(2)} | ${r.medianCpuSeconds?.toFixed(2) ?? "n/a"} | ${mb(r.peakRssMb)} | ${r === ours ? "1.00" : ratio(r)!.toFixed(3)} | ${r.exitCodes.join(" ")} |`,
  ),
  "",
  "Goals:",
  `- specwright <= 0.5x Redocly: ${redocly ? `${ratio(redocly)!.toFixed(3)}x, ${ratio(redocly)! <= 0.5 ? "met" : "NOT met"}` : "not measured"}`,
  `- specwright <= 0.1x Spectral: ${spectral ? `${ratio(spectral)!.toFixed(3)}x, ${ratio(spectral)! <= 0.1 ? "met" : "NOT met"}` : "not measured (--skip-spectral)"}`,
  `- specwright peak RSS < 600 MB: ${ours.peakRssMb === undefined ? "not measured (no /usr/bin/time)" : `${mb(ours.peakRssMb)} MB, ${ours.peakRssMb < 600 ? "met" : "NOT met"}`}`,
  "",
];
console.log(lines.join("\n"));
mkdirSync(join(root, "bench/results"), { recursive: true });
writeFileSync(join(root, "bench/results/lint.md"), lines.join("\n"));
writeFileSync(
  join(root, "bench/results/lint.json"),
  JSON.stringify({ spec: "api.github.com.json", results }, null, 2) + "\n",
);
