import { basename, dirname, join, sep } from "node:path";
import { SpecLoadError } from "./load-error.js";
import type { FileAccess } from "./file-access.js";

export interface ReadLimits {
  /** Largest file accepted, in bytes: beyond it a spec is refused before it is read into memory. */
  maxFileBytes: number;
  allowRemoteRefs: boolean;
  /** The real path of the root document's folder: local `$ref`s may not leave it. */
  rootDir: string;
  /** Where local files are read from (the disk, or a git revision). */
  access: FileAccess;
}

export const DEFAULT_MAX_FILE_BYTES = 64 * 1024 * 1024;
const REMOTE_TIMEOUT_MS = 10_000;

export function isRemote(file: string): boolean {
  return /^https?:\/\//i.test(file);
}

/** Reads one file of a spec, enforcing the loader's security limits. `referencedFrom` names the `$ref` for errors. */
export async function readSource(
  file: string,
  limits: ReadLimits,
  referencedFrom?: { file: string; line: number; column: number; kind?: string },
): Promise<string> {
  const where = referencedFrom
    ? { file: referencedFrom.file, line: referencedFrom.line, column: referencedFrom.column }
    : { file, line: 1, column: 1 };
  const kind = referencedFrom?.kind ?? "$ref";
  if (isRemote(file)) {
    if (!limits.allowRemoteRefs) {
      throw new SpecLoadError({
        ...where,
        message: `remote ${kind} refused: ${file}`,
        fix: "download that document next to the spec and reference it by relative path, or pass --allow-remote-refs",
      });
    }
    return fetchRemote(file, limits, where);
  }
  // Checked before existence, so a refusal says nothing about which files exist outside the folder.
  if (referencedFrom) assertInsideRoot(await realPathOfNearest(file, limits.access), file, limits, where, kind);
  const real = await limits.access.realPath(file);
  const info = real === undefined ? undefined : await limits.access.entry(real);
  if (real === undefined || info === undefined) {
    const elsewhere = limits.access.missing?.(file, referencedFrom !== undefined);
    throw new SpecLoadError({
      ...where,
      message: `${referencedFrom ? `${kind} target not found` : "file not found"}: ${elsewhere?.name ?? file}`,
      fix: `${referencedFrom ? `correct the ${kind} path (it is relative to the file it is written in)` : "check the path to the spec"}${elsewhere ? `; ${elsewhere.fix}` : ""}`,
    });
  }
  // Checked again on the real path that is read: a symlink created since cannot lead out.
  if (referencedFrom) assertInsideRoot(real, file, limits, where, kind);
  if (info.isDirectory) {
    throw new SpecLoadError({
      ...where,
      message: `is a directory, not a spec file: ${file}`,
      fix: "name the OpenAPI file itself (e.g. openapi.yaml)",
    });
  }
  if (info.size > limits.maxFileBytes) {
    throw new SpecLoadError({
      ...where,
      message: `file is ${(info.size / 1048576).toFixed(1)} MiB, over the ${(limits.maxFileBytes / 1048576).toFixed(0)} MiB limit: ${file}`,
      fix: "split the spec into files joined by $ref, or raise the limit with --max-file-size",
    });
  }
  const text = await limits.access.readText(real);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Refuses a reference whose real path (symlinks followed) is outside the root document's folder. */
export function assertInsideRoot(
  real: string,
  written: string,
  limits: ReadLimits,
  where: { file: string; line: number; column: number },
  kind: string,
): void {
  if (real === limits.rootDir || real.startsWith(limits.rootDir + sep)) return;
  throw new SpecLoadError({
    ...where,
    message: `${kind} leaves the spec's folder: ${written}`,
    fix: `keep referenced files inside ${limits.rootDir} (symlinks and ../ out of it are refused)`,
  });
}

/** The real path of `path`, or of its nearest existing ancestor joined with the rest: a target need not exist. */
export async function realPathOfNearest(path: string, access: FileAccess): Promise<string> {
  const rest: string[] = [];
  for (let current = path; ; current = dirname(current)) {
    const real = await access.realPath(current);
    if (real !== undefined) return join(real, ...rest);
    if (dirname(current) === current) return path;
    rest.unshift(basename(current));
  }
}

async function fetchRemote(
  url: string,
  limits: ReadLimits,
  where: { file: string; line: number; column: number },
): Promise<string> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(REMOTE_TIMEOUT_MS), redirect: "follow" });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return await readLimited(response, limits.maxFileBytes);
  } catch (error) {
    throw new SpecLoadError({
      ...where,
      message: `could not fetch remote $ref ${url}: ${(error as Error).message}`,
      fix: "download that document next to the spec and reference it by relative path",
    });
  }
}

/** The body as text, stopped as soon as it passes `maxBytes`: a huge or endless response never fills memory. */
async function readLimited(response: Response, maxBytes: number): Promise<string> {
  const overLimit = () => new Error(`response over the ${(maxBytes / 1048576).toFixed(0)} MiB size limit`);
  if (Number(response.headers.get("content-length") ?? 0) > maxBytes) {
    await response.body?.cancel();
    throw overLimit();
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body?.getReader();
  for (;;) {
    const chunk = await reader?.read();
    if (!chunk || chunk.done) break;
    size += chunk.value.byteLength;
    if (size > maxBytes) {
      await reader!.cancel();
      throw overLimit();
    }
    chunks.push(chunk.value);
  }
  const text = Buffer.concat(chunks).toString("utf8");
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
