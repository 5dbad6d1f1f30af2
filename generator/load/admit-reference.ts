import type { FoundReference } from "./find-refs.js";
import { SpecLoadError } from "./load-error.js";
import { assertInsideRoot, isRemote, realPathOfNearest, type ReadLimits } from "./read-source.js";
import type { SourceFile } from "./source-file.js";
import { resolveRefFile } from "./spec-document.js";

/** A reference the bundler follows: `uri` as written (the part before `#`), `target` the file or URL it reads. */
export interface FollowedReference {
  uri: string;
  target: string;
  from: { file: string; line: number; column: number; kind: string };
}

/**
 * Decides what happens to one reference found in `file`:
 * - `$ref` and mapping references are followed: the target is returned, and `readSource` checks it (inside the
 *   folder, size limit, remote only with --allow-remote-refs) before anything reads it;
 * - a mapping reference that cannot be followed (a missing file, or a URL without --allow-remote-refs) is left as
 *   written, as Redocly leaves it: published bundles often keep stale mapping paths (DigitalOcean's does);
 * - `externalValue` and `operationRef` are never read (OpenAPI's Example and Link Objects: the example or the operation
 *   lives elsewhere): a URL stays as written and no request is made; a local path must still stay inside the folder.
 * A fragment that is not a JSON pointer is refused here, at its place, rather than failing later.
 */
export async function admitReference(
  found: FoundReference,
  file: string,
  source: SourceFile,
  limits: ReadLimits,
): Promise<FollowedReference | undefined> {
  const where = () => ({ file, ...source.locate(found.pointer) });
  const hash = found.value.indexOf("#");
  const uri = hash === -1 ? found.value : found.value.slice(0, hash);
  const fragment = hash === -1 ? "" : found.value.slice(hash + 1);
  const label = found.kind === "mapping" ? "discriminator mapping" : found.kind;
  if (found.kind === "$ref" || found.kind === "mapping") {
    if (fragment !== "" && !fragment.startsWith("/")) throw notAPointer(found.value, uri, fragment, label, where());
    if (uri === "") return undefined;
    const target = resolveRefFile(file, uri);
    if (found.kind === "mapping" && !(await mappingIsFollowed(target, found.value, limits, where))) return undefined;
    return { uri, target, from: { ...where(), kind: label } };
  }
  if (uri === "") return undefined;
  const target = resolveRefFile(file, uri);
  if (!isRemote(target))
    assertInsideRoot(await realPathOfNearest(target, limits.access), found.value, limits, where(), label);
  return undefined;
}

function notAPointer(
  ref: string,
  uri: string,
  fragment: string,
  label: string,
  where: { file: string; line: number; column: number },
): SpecLoadError {
  const example = fragment.includes("/") ? `${uri}#/${fragment}` : `${uri}#/components/schemas/${fragment}`;
  return new SpecLoadError({
    ...where,
    message: `${label} ${JSON.stringify(ref)}: the part after "#" is not a JSON pointer`,
    fix: `write the fragment as a JSON pointer, which starts with "/" (e.g. ${JSON.stringify(example)}); plain-name fragments such as $anchor names are not followed`,
  });
}

/** Whether to follow a mapping reference; a local one that leaves the folder is refused all the same. */
async function mappingIsFollowed(
  target: string,
  written: string,
  limits: ReadLimits,
  where: () => { file: string; line: number; column: number },
): Promise<boolean> {
  if (isRemote(target)) return limits.allowRemoteRefs;
  assertInsideRoot(await realPathOfNearest(target, limits.access), written, limits, where(), "discriminator mapping");
  const real = await limits.access.realPath(target);
  const entry = real === undefined ? undefined : await limits.access.entry(real);
  return entry !== undefined && !entry.isDirectory;
}
