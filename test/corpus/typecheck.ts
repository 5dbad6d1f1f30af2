// Type-checks many generated outputs in one compiler run (start-up and lib parsing paid once per batch), then
// attributes each error to the output it is in by file path.
import { spawnSync } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { REPO_ROOT } from "./corpus-specs.js";
import { firstLine } from "./outcome.js";

/** The native compiler (TypeScript 7 preview) when installed: the same checks, several times faster. */
const COMPILERS = {
  tsgo: join(REPO_ROOT, "node_modules/@typescript/native-preview/bin/tsgo"),
  tsc: join(REPO_ROOT, "node_modules/typescript/bin/tsc"),
};
export type CompilerName = keyof typeof COMPILERS;

export function defaultCompiler(): CompilerName {
  return existsSync(COMPILERS.tsgo) ? "tsgo" : "tsc";
}

/** The strictness generated code promises its users. */
export const STRICT_OPTIONS = {
  target: "ES2022",
  module: "NodeNext",
  moduleResolution: "NodeNext",
  lib: ["ES2023", "DOM", "DOM.Iterable"],
  strict: true,
  noUncheckedIndexedAccess: true,
  skipLibCheck: true,
  noEmit: true,
  types: ["node"],
};

export interface TypecheckUnit {
  id: string;
  /** A folder inside the batch folder holding this unit's .ts files. */
  dir: string;
}

export interface UnitVerdict {
  errors: number;
  /** The first error, as `file(line,col): error TSnnnn: message` with the file relative to the unit. */
  first?: string;
}

export interface BatchResult {
  verdicts: Map<string, UnitVerdict>;
  /** Set when the compiler itself did not finish (timeout, crash): no verdict is trustworthy then. */
  failure?: string;
  ms: number;
}

const DIAGNOSTIC = /^(.+?)\((\d+),(\d+)\): error (TS\d+): (.*)$/;

export function typecheckBatch(
  batchDir: string,
  units: readonly TypecheckUnit[],
  options: { compiler?: CompilerName; timeoutMs: number },
): BatchResult {
  const started = performance.now();
  const tsconfig = join(batchDir, "tsconfig.json");
  const include = units.map((unit) => `${relative(batchDir, unit.dir).split(sep).join("/")}/**/*.ts`);
  writeFileSync(tsconfig, JSON.stringify({ compilerOptions: STRICT_OPTIONS, include }, null, 2));
  const compiler = options.compiler ?? defaultCompiler();
  const run = spawnSync(process.execPath, [COMPILERS[compiler], "-p", tsconfig, "--pretty", "false"], {
    cwd: batchDir,
    encoding: "utf8",
    timeout: options.timeoutMs,
    maxBuffer: 256 * 1024 * 1024,
  });
  const ms = Math.round(performance.now() - started);
  const verdicts = new Map<string, UnitVerdict>(units.map((unit) => [unit.id, { errors: 0 }]));
  if (run.error || run.signal)
    return { verdicts, ms, failure: `${compiler} did not finish: ${run.error?.message ?? run.signal}` };

  const unattributed: string[] = [];
  for (const line of run.stdout.split("\n")) {
    const match = DIAGNOSTIC.exec(line.trim());
    if (!match) continue;
    const file = join(batchDir, match[1]!);
    const unit = units.find((u) => file.startsWith(u.dir + sep));
    if (!unit) {
      unattributed.push(line.trim());
      continue;
    }
    const verdict = verdicts.get(unit.id)!;
    verdict.errors += 1;
    verdict.first ??= firstLine(`${relative(unit.dir, file)}(${match[2]},${match[3]}): error ${match[4]}: ${match[5]}`);
  }
  const otherOutput = firstLine(
    `${run.stdout}${run.stderr}`
      .split("\n")
      .filter((l) => l.trim() !== "" && !DIAGNOSTIC.test(l.trim()))
      .join("\n"),
  );
  if (unattributed.length > 0)
    return { verdicts, ms, failure: `errors outside the outputs: ${firstLine(unattributed[0]!)}` };
  if (run.status !== 0 && [...verdicts.values()].every((v) => v.errors === 0))
    return { verdicts, ms, failure: `${compiler} exited ${run.status}: ${otherOutput}` };
  return { verdicts, ms };
}
