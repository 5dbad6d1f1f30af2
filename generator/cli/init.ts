// `specwright init`: a starting specwright.config.yaml for the specs found under the folder (one `apis:` entry each)
// and a GitHub Actions workflow that lints them and diffs pull requests. Never overwrites a file without --force.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, dirname, join, relative, resolve } from "node:path";
import type { Command } from "commander";
import { glob } from "tinyglobby";
import { EXIT_OK, reportFailure } from "./errors.js";
import { UsageError } from "../errors/usage-error.js";
import { createRequire } from "node:module";

const SPECWRIGHT_VERSION = (createRequire(import.meta.url)("../../package.json") as { version: string }).version;

interface InitOptions {
  force?: boolean;
  workflow: boolean;
}

const SPEC_GLOBS = ["**/*.yaml", "**/*.yml", "**/*.json"];
const SKIPPED = ["**/node_modules/**", "**/.git/**", "**/dist/**", "**/gen/**", "**/site/**", "**/.tmp/**"];
/** A YAML root document says `openapi:` or `swagger:` unindented, at its top level, in its first lines. */
const YAML_ROOT_DOCUMENT = /^(?:openapi|swagger)\s*:/m;

export function registerInit(program: Command): void {
  program
    .command("init")
    .description(
      "write a specwright.config.yaml for the OpenAPI files under the folder, and a GitHub Actions workflow that lints and diffs them (exit 0 written, 2 nothing to do or a file exists)",
    )
    .argument("[dir]", "the project folder", ".")
    .option("--force", "overwrite an existing specwright.config.yaml or workflow")
    .option("--no-workflow", "do not write .github/workflows/specwright.yml")
    .action(async (dir: string, options: InitOptions) => {
      try {
        process.exitCode = await runInit(resolve(dir), options);
      } catch (error) {
        reportFailure(error);
      }
    });
}

export async function runInit(root: string, options: InitOptions): Promise<number> {
  const specs = await findSpecs(root);
  if (specs.length === 0)
    throw new UsageError(
      `no OpenAPI documents found under ${root}`,
      "run init in the folder that holds your specs (files whose top level has `openapi:` or `swagger:`)",
    );
  const configFile = join(root, "specwright.config.yaml");
  const workflowFile = join(root, ".github", "workflows", "specwright.yml");
  const writes = [
    { file: configFile, text: configText(specs) },
    ...(options.workflow ? [{ file: workflowFile, text: workflowText(specs, dependsOnSpecwright(root)) }] : []),
  ];
  const existing = writes.filter(({ file }) => existsSync(file));
  if (existing.length > 0 && !options.force) {
    throw new UsageError(
      `${existing.map(({ file }) => relative(root, file)).join(" and ")} already exist${existing.length === 1 ? "s" : ""}`,
      existing.length === 1
        ? "edit it by hand, or run `specwright init --force` to replace it"
        : "edit them by hand, or run `specwright init --force` to replace them",
    );
  }
  for (const { file, text } of writes) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
    process.stderr.write(`wrote ${relative(root, file)}\n`);
  }
  process.stderr.write(
    `${specs.length} ${specs.length === 1 ? "API" : "APIs"}: ${specs.map((spec) => spec.name).join(", ")}\n`,
  );
  return EXIT_OK;
}

interface FoundSpec {
  name: string;
  /** Relative to the project folder, with forward slashes. */
  path: string;
}

/** Root documents only: a file that other files `$ref` into has no `openapi:` key of its own. */
async function findSpecs(root: string): Promise<FoundSpec[]> {
  const files = await glob(SPEC_GLOBS, { cwd: root, ignore: SKIPPED, onlyFiles: true, dot: false });
  const roots = files.sort().filter((file) => isRootDocument(readFileSync(join(root, file), "utf8"), file));
  const names = new Set<string>();
  return roots.map((path) => {
    const base = nameFor(path);
    let name = base;
    for (let n = 2; names.has(name); n++) name = `${base}-${n}`;
    names.add(name);
    return { name, path };
  });
}

function isRootDocument(text: string, file: string): boolean {
  if (!file.endsWith(".json")) return YAML_ROOT_DOCUMENT.test(text.slice(0, 4096));
  try {
    const value = JSON.parse(text) as unknown;
    return typeof value === "object" && value !== null && ("openapi" in value || "swagger" in value);
  } catch {
    return false; // not JSON: not a spec init can list (lint would say why)
  }
}

/** `specs/petstore/v1/openapi.yaml` -> petstore-v1; `api/orders.yaml` -> orders. */
function nameFor(path: string): string {
  const parts = path.split("/");
  const file = basename(path).replace(/\.(ya?ml|json)$/i, "");
  const meaningful = /^(openapi|swagger|api|spec)$/i.test(file) ? parts.slice(0, -1).slice(-2) : [file];
  const name = meaningful.filter((part) => !/^(specs?|apis?|openapi|\.)$/i.test(part)).join("-") || "api";
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9-]+/g, "-")
      .replace(/^-+|-+$/g, "") || "api"
  );
}

function configText(specs: readonly FoundSpec[]): string {
  const apis = specs
    .map(
      (spec) =>
        `  - name: ${spec.name}\n    spec: ${JSON.stringify(spec.path)}\n    out: ${JSON.stringify(`gen/${spec.name}`)}\n    client: true\n    server: false\n`,
    )
    .join("");
  return `# specwright configuration (written by \`specwright init\`; reference: README "Configuration").
# The conventions to lint against: recommended, strict, or minimal (for specs that follow other conventions).
extends: recommended

# Per-rule severities and options, e.g.:
# rules:
#   rest/plural-collections: warn

# What \`specwright generate\` (without a spec argument) builds.
apis:
${apis}`;
}

/** Whether the project's package.json lists specwright, so CI installs it with the project's own lock file. */
function dependsOnSpecwright(root: string): boolean {
  try {
    const manifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as Record<
      string,
      Record<string, string> | undefined
    >;
    return ["dependencies", "devDependencies"].some((field) => manifest[field]?.specwright !== undefined);
  } catch {
    return false;
  }
}

/**
 * The workflow runs the action that ships inside the installed package (`uses: ./node_modules/specwright`), so it
 * needs no repository name and uses the very version the project installs.
 */
function workflowText(specs: readonly FoundSpec[], fromLockFile: boolean): string {
  const install = fromLockFile
    ? "npm ci"
    : `npm install --no-save --no-audit --no-fund specwright@${SPECWRIGHT_VERSION}`;
  return `# Lint the OpenAPI specs on every push and pull request (annotations on the changed lines), and fail a pull request
# that makes a breaking change without a new major version (written by \`specwright init\`).
name: specwright
on:
  push:
    branches: [main]
  pull_request:
permissions:
  contents: read
jobs:
  specwright:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0
      - uses: actions/setup-node@v4
        with:
          node-version: 20
      - run: ${install}
      - uses: ./node_modules/specwright
        with:
          specs: ${JSON.stringify(specs.map((spec) => spec.path).join(" "))}
`;
}
