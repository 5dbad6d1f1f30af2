import { open, readdir } from "node:fs/promises";
import { basename, extname, join, relative, sep } from "node:path";

/** A spec root file found in the specs directory, with the API and version it is shown under. */
export interface FoundSpec {
  file: string;
  /** URL-safe API id: the directory above `v<N>/`, or the file's own path for files outside that layout. */
  api: string;
  /** `v<N>` from the layout, or undefined when it must come from `info.version` once loaded. */
  version: string | undefined;
}

const SPEC_EXTENSIONS = new Set([".yaml", ".yml", ".json"]);
const SKIPPED_DIRS = new Set(["node_modules"]);
const VERSION_DIR = /^v\d+$/;
/** A root document names its OpenAPI version near the top; the files it `$ref`s do not. */
const YAML_ROOT_MARKER = /^["']?(openapi|swagger)["']?\s*:/m;
const JSON_ROOT_MARKER = /[{,]\s*"(openapi|swagger)"\s*:/;
const SNIFF_BYTES = 4096;

export async function discoverSpecs(specsDir: string): Promise<FoundSpec[]> {
  const files = await listSpecFiles(specsDir);
  const found: FoundSpec[] = [];
  for (const file of files) {
    if (!(await looksLikeRoot(file))) continue;
    found.push(placeOf(specsDir, file));
  }
  return found.sort((a, b) => a.file.localeCompare(b.file));
}

/** Every .yaml, .yml and .json file under a folder, dot entries and node_modules aside. */
export async function listSpecFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const files: string[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith(".") || SKIPPED_DIRS.has(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await listSpecFiles(path)));
    else if (entry.isFile() && SPEC_EXTENSIONS.has(extname(entry.name).toLowerCase())) files.push(path);
  }
  return files;
}

async function looksLikeRoot(file: string): Promise<boolean> {
  const handle = await open(file, "r").catch(() => undefined);
  if (!handle) return false;
  try {
    const buffer = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SNIFF_BYTES, 0);
    const head = buffer.subarray(0, bytesRead).toString("utf8");
    return YAML_ROOT_MARKER.test(head) || JSON_ROOT_MARKER.test(head);
  } finally {
    await handle.close();
  }
}

function placeOf(specsDir: string, file: string): FoundSpec {
  const parts = relative(specsDir, file).split(sep);
  const dir = parts.slice(0, -1);
  const last = dir[dir.length - 1];
  const isRootName = /^(openapi|swagger)\.(ya?ml|json)$/i.test(basename(file));
  if (last !== undefined && VERSION_DIR.test(last) && dir.length >= 2 && isRootName) {
    return { file, api: slug(dir.slice(0, -1).join("-")), version: last };
  }
  const stem = isRootName && dir.length > 0 ? dir.join("-") : [...dir, basename(file, extname(file))].join("-");
  return { file, api: slug(stem), version: undefined };
}

export function slug(text: string): string {
  const cleaned = text
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, "-")
    .replace(/^[-.]+|[-.]+$/g, "");
  return cleaned === "" ? "api" : cleaned;
}

/** `v<major>` of an `info.version` such as "2.3.1" or "v2"; v1 when there is no number to read. */
export function versionFromInfo(infoVersion: unknown): string {
  const match = typeof infoVersion === "string" ? /(\d+)/.exec(infoVersion) : null;
  return `v${match ? Number(match[1]) : 1}`;
}
