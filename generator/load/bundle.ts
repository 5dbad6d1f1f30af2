import { createAdmittedResolver, type FollowedEdges } from "./admitted-resolver.js";
import type { SourceFile } from "./source-file.js";
import type { SpecDocument } from "./spec-document.js";

const bundled = new WeakMap<SpecDocument, Promise<Record<string, unknown>>>();

/**
 * The document as one object with only internal `#/...` refs: what the emitters, the diff and the portal read.
 * A single-file document is returned as it is (callers must not mutate it). A multi-file document was bundled once,
 * by `loadSpec`, which passed it to `rememberBundle`.
 */
export function bundleSpec(document: SpecDocument): Promise<Record<string, unknown>> {
  const result = bundled.get(document);
  if (result) return result;
  if (document.isMultiFile)
    return Promise.reject(new Error("bundleSpec: a multi-file SpecDocument must come from loadSpec"));
  return Promise.resolve(document.files.get(document.rootFile)!.value as Record<string, unknown>);
}

export function rememberBundle(document: SpecDocument, bundle: Record<string, unknown>): void {
  bundled.set(document, Promise.resolve(bundle));
}

/**
 * Redocly's bundler: unlike swagger-parser's, which inlines an external schema where it is first used, it hoists
 * external targets into `components` under their own names, so generated types keep the names the author chose.
 * It reads only through the admitted resolver: the files `loadSpec` has read and checked, along the edges it followed.
 */
export async function bundleFiles(
  rootFile: string,
  files: ReadonlyMap<string, SourceFile>,
  edges: FollowedEdges,
): Promise<Record<string, unknown>> {
  // Imported on demand: a large module that single-file specs never need.
  const redocly = await import("@redocly/openapi-core");
  const resolver = createAdmittedResolver(redocly, files, edges);
  const config = await redocly.createConfig({});
  const result = await redocly.bundle({
    doc: resolver.documentFor(rootFile),
    config,
    dereference: false,
    externalRefResolver: resolver,
  });
  return result.bundle.parsed as Record<string, unknown>;
}
