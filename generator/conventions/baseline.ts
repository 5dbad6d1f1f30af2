import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { SpecLoadError } from "../load/load-error.js";
import { relativePosix } from "../load/relative-posix.js";
import type { Diagnostic } from "./diagnostic.js";

/**
 * A recorded problem. It names the place by file (relative to the baseline's folder) and JSON pointer, never by
 * line, so that editing elsewhere in the spec does not turn old problems into new ones.
 */
export interface BaselineEntry {
  ruleId: string;
  file: string;
  pointer: string;
  messageHash: string;
}

export interface Baseline {
  version: 1;
  problems: BaselineEntry[];
}

export function messageHash(message: string): string {
  return createHash("sha256").update(message).digest("hex").slice(0, 16);
}

/** One string that identifies a problem across runs (also SARIF's partial fingerprint). */
export function problemFingerprint(diagnostic: Diagnostic, baseDir: string): string {
  return [
    diagnostic.ruleId,
    relativeFile(baseDir, diagnostic.file),
    diagnostic.pointer,
    messageHash(diagnostic.message),
  ].join("\u0000");
}

export function createBaseline(diagnostics: readonly Diagnostic[], baseDir: string): Baseline {
  const problems = diagnostics.map((d) => ({
    ruleId: d.ruleId,
    file: relativeFile(baseDir, d.file),
    pointer: d.pointer,
    messageHash: messageHash(d.message),
  }));
  problems.sort(
    (a, b) =>
      a.file.localeCompare(b.file) ||
      a.pointer.localeCompare(b.pointer) ||
      a.ruleId.localeCompare(b.ruleId) ||
      a.messageHash.localeCompare(b.messageHash),
  );
  return { version: 1, problems };
}

/** The problems the baseline does not account for. Each recorded entry absorbs one matching problem (a multiset). */
export function newProblems(diagnostics: readonly Diagnostic[], baseline: Baseline, baseDir: string): Diagnostic[] {
  const remaining = new Map<string, number>();
  for (const entry of baseline.problems) {
    const key = [entry.ruleId, entry.file, entry.pointer, entry.messageHash].join("\u0000");
    remaining.set(key, (remaining.get(key) ?? 0) + 1);
  }
  return diagnostics.filter((diagnostic) => {
    const key = problemFingerprint(diagnostic, baseDir);
    const count = remaining.get(key) ?? 0;
    if (count === 0) return true;
    remaining.set(key, count - 1);
    return false;
  });
}

export function readBaselineFile(path: string): Baseline {
  const file = resolve(path);
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    throw new SpecLoadError({
      message: `baseline file not found: ${file}`,
      file,
      fix: "create it with `specwright lint --write-baseline` or correct the --baseline path",
    });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new SpecLoadError({
      message: `baseline is not valid JSON: ${(error as Error).message}`,
      file,
      fix: "regenerate it with `specwright lint --write-baseline`",
    });
  }
  if (!isBaseline(value)) {
    throw new SpecLoadError({
      message: "not a specwright baseline (expected { version: 1, problems: [...] })",
      file,
      fix: "regenerate it with `specwright lint --write-baseline`",
    });
  }
  return value;
}

/** Writes through a temporary file and a rename, so an interrupted run never leaves half a baseline. */
export function writeBaselineFile(path: string, diagnostics: readonly Diagnostic[]): Baseline {
  const file = resolve(path);
  const baseline = createBaseline(diagnostics, dirname(file));
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(baseline, null, 2) + "\n");
  renameSync(temporary, file);
  return baseline;
}

function relativeFile(baseDir: string, file: string): string {
  return /^https?:\/\//i.test(file) ? file : relativePosix(baseDir, file);
}

function isBaseline(value: unknown): value is Baseline {
  if (value === null || typeof value !== "object") return false;
  const { version, problems } = value as Record<string, unknown>;
  return (
    version === 1 &&
    Array.isArray(problems) &&
    problems.every(
      (p) =>
        p !== null &&
        typeof p === "object" &&
        ["ruleId", "file", "pointer", "messageHash"].every(
          (key) => typeof (p as Record<string, unknown>)[key] === "string",
        ),
    )
  );
}
