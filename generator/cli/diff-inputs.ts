import { relative, resolve } from "node:path";
import {
  configFileForSpec,
  findConfigFile,
  loadAcceptFile,
  loadConfigFile,
  type SpecwrightConfig,
} from "../config/index.js";
import { parseGitSource } from "../git/index.js";
import { isRemote } from "../load/read-source.js";
import type { DiffPolicy } from "../diff/policy/index.js";
import { UsageError } from "./errors.js";

/** The previous version: a file, or the same spec read from a git ref. */
export type BaseSource = { kind: "file"; file: string } | { kind: "git"; ref: string };

export interface DiffInputs {
  base: BaseSource;
  /** The new version of each spec to compare (absolute paths). */
  specs: string[];
  config: SpecwrightConfig;
  policy: DiffPolicy;
}

export interface DiffInputOptions {
  base?: string;
  config?: string;
  accept?: string;
}

/** A path relative to the working folder, made absolute; a URL as it is (the loader fetches it with --allow-remote-refs). */
function specPath(spec: string, cwd: string): string {
  return isRemote(spec) ? spec : resolve(cwd, spec);
}

const USAGE_FIX = "specwright diff OLD NEW, or specwright diff --base git:REF [spec] (e.g. --base git:origin/main)";

/**
 * What the command line asks for:
 * - `diff OLD NEW`: two files (OLD may also be `git:REF`: NEW as it was at that ref);
 * - `diff --base git:REF [spec...]`: each spec against itself at REF; without a spec, every API of the config;
 * - `diff --base OLD NEW`: the same as `diff OLD NEW`.
 * The policy is the config's `diff:` (the config nearest the first spec, or --config) plus the `--accept` file.
 */
export async function diffInputs(args: readonly string[], options: DiffInputOptions, cwd: string): Promise<DiffInputs> {
  const rest = [...args];
  let baseText = options.base;
  if (baseText === undefined && rest[0] !== undefined && (parseGitSource(rest[0]) !== undefined || rest.length === 2))
    baseText = rest.shift();
  if (baseText === undefined)
    throw new UsageError(
      rest.length === 0
        ? "nothing to compare"
        : rest.length === 1
          ? "give the previous version too"
          : `${rest.length} specs and no --base: which one is the previous version?`,
      USAGE_FIX,
    );
  const ref = parseGitSource(baseText);
  const base: BaseSource = ref !== undefined ? { kind: "git", ref } : { kind: "file", file: specPath(baseText, cwd) };
  if (base.kind === "file" && rest.length !== 1)
    throw new UsageError(
      rest.length === 0 ? "give the new version of the spec too" : "with a file as the base, give exactly one new spec",
      USAGE_FIX,
    );

  const specs = rest.map((spec) => specPath(spec, cwd));
  if (base.kind === "git" && specs.some(isRemote))
    throw new UsageError(
      "a spec given by URL has no git history to read",
      "with --base git:REF name the spec by its path in the repository",
    );
  const configFile =
    options.config !== undefined
      ? resolve(cwd, options.config)
      : specs[0] !== undefined
        ? configFileForSpec(specs[0], cwd)
        : findConfigFile(cwd);
  const config = await loadConfigFile(configFile);
  if (specs.length === 0) {
    if (!configFile)
      throw new UsageError(
        "no spec given and no specwright.config.yaml found",
        "name the spec: specwright diff --base git:REF api/openapi.yaml",
      );
    if (config.apis.length === 0)
      throw new UsageError(
        `no spec given and ${relative(cwd, configFile) || configFile} lists no APIs`,
        "name the spec (specwright diff --base git:REF api/openapi.yaml), or list APIs under `apis:`",
      );
    specs.push(...new Set(config.apis.map((api) => api.spec)));
  }
  const accepted = options.accept !== undefined ? await loadAcceptFile(options.accept, cwd) : [];
  return { base, specs, config, policy: { ...config.diff, accept: [...config.diff.accept, ...accepted] } };
}
