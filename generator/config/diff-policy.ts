import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import type { ValidateFunction } from "ajv";
import { SpecLoadError } from "../load/load-error.js";
import { SourceFile } from "../load/source-file.js";
import { joinPointer } from "../load/json-pointer.js";
import { allChecks } from "../diff/checks.js";
import type { Classification } from "../diff/types.js";
import { parseOperationSelector, parseStabilitySelector } from "../diff/policy/operation-selector.js";
import type { AcceptEntry, DiffPolicy, StabilityLevel } from "../diff/policy/types.js";
import { ACCEPT_ENTRY_SCHEMA } from "./config-schema.js";
import { ConfigError } from "./config-error.js";
import { closestMatch } from "./closest-match.js";
import { configValidator } from "./config-validator.js";

/** `diff:` as written, after the shape check of config-schema.ts. */
export interface RawDiffSettings {
  accept?: Array<Omit<AcceptEntry, "at">>;
  severity?: Record<string, Classification>;
  stability?: Record<string, StabilityLevel>;
}

type Fail = (message: string, pointer: string, fix: string) => never;

const CHECKS_DOC = "the check ids are listed in generator/diff/README.md#checks";

/** The `diff:` section of a config file: every check id, operation and date checked, each entry located for its messages. */
export function parseDiffPolicy(raw: RawDiffSettings | undefined, source: SourceFile, fail: Fail): DiffPolicy {
  const at = (pointer: string) => ({ file: source.path, ...source.locate(pointer) });
  const severity: DiffPolicy["severity"] = {};
  for (const [id, classification] of Object.entries(raw?.severity ?? {})) {
    const pointer = joinPointer("/diff/severity", id);
    checkId(id, pointer, fail);
    severity[id] = { classification, at: at(pointer) };
  }
  const stability = Object.entries(raw?.stability ?? {}).map(([selector, level]) => {
    const pointer = joinPointer("/diff/stability", selector);
    const parsed = parseStabilitySelector(selector);
    if ("error" in parsed)
      fail(
        `invalid diff.stability key "${selector}": ${parsed.error}`,
        pointer,
        'write `METHOD /path-glob` or `/path-glob`, e.g. "GET /beta/**": beta',
      );
    return { selector, level, at: at(pointer) };
  });
  return { severity, stability, accept: acceptEntries(raw?.accept ?? [], "/diff/accept", source, fail) };
}

function acceptEntries(
  entries: ReadonlyArray<Omit<AcceptEntry, "at">>,
  base: string,
  source: SourceFile,
  fail: Fail,
): AcceptEntry[] {
  return entries.map((entry, index) => {
    const pointer = `${base}/${index}`;
    checkId(entry.check, `${pointer}/check`, fail);
    if (entry.operation !== undefined) {
      const selector = parseOperationSelector(entry.operation);
      if ("error" in selector)
        fail(
          `invalid operation "${entry.operation}": ${selector.error}`,
          `${pointer}/operation`,
          "write `METHOD /path` as in the spec (e.g. `GET /pets/{id}`) or the operationId (e.g. `getPet`)",
        );
    }
    if (!isCalendarDate(entry.expires))
      fail(
        `invalid date "${entry.expires}"`,
        `${pointer}/expires`,
        "write the last day the entry holds as YYYY-MM-DD, e.g. 2027-01-31",
      );
    return { ...entry, at: { file: source.path, ...source.locate(pointer) } };
  });
}

const KNOWN_CHECKS = () => allChecks().map((check) => check.id);

function checkId(id: string, pointer: string, fail: Fail): void {
  const known = KNOWN_CHECKS();
  if (known.includes(id)) return;
  const guess = closestMatch(id, known);
  fail(`unknown check "${id}"`, pointer, `${guess ? `did you mean "${guess}"? ` : ""}${CHECKS_DOC}`);
}

function isCalendarDate(text: string): boolean {
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

let validateAcceptFile: ValidateFunction | undefined;

/**
 * An `--accept FILE` (YAML or JSON): `accept:` with a list of entries, as under `diff:` in the config, or the list
 * alone. Every mistake is a ConfigError at its line:col in that file.
 */
export async function loadAcceptFile(path: string, cwd = process.cwd()): Promise<AcceptEntry[]> {
  const file = resolve(cwd, path);
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch {
    throw new ConfigError({
      message: `accept file not found or not readable: ${file}`,
      file,
      fix: "check the path given to --accept",
    });
  }
  let source: SourceFile;
  try {
    source = await SourceFile.parse(file, text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    if (error instanceof SpecLoadError) throw new ConfigError(error);
    throw error;
  }
  const fail: Fail = (message, pointer, fix) => {
    throw new ConfigError({ message, file, ...source.locate(pointer), fix });
  };
  const isList = Array.isArray(source.value);
  const value = isList ? { accept: source.value } : (source.value ?? {});
  validateAcceptFile ??= configValidator("accept-file", {
    type: "object",
    additionalProperties: false,
    required: ["accept"],
    properties: { accept: { type: "array", items: ACCEPT_ENTRY_SCHEMA } },
  });
  if (!validateAcceptFile(value)) {
    const error = validateAcceptFile.errors![0]!;
    const instancePath = isList ? error.instancePath.replace(/^\/accept/, "") : error.instancePath;
    const params = error.params as Record<string, unknown>;
    const detail =
      error.keyword === "required"
        ? `missing "${String(params.missingProperty)}"`
        : error.keyword === "additionalProperties"
          ? `unknown key "${String(params.additionalProperty)}"`
          : `invalid value: ${error.message ?? error.keyword}`;
    fail(
      detail,
      instancePath,
      "an accept entry is { check, operation, pointer?, reason, expires } (generator/diff/README.md#accept-list)",
    );
  }
  return acceptEntries(
    (value as { accept: Array<Omit<AcceptEntry, "at">> }).accept,
    isList ? "" : "/accept",
    source,
    fail,
  );
}
