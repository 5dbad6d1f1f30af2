import type { SpecDocument } from "./spec-document.js";

const bundled = new WeakMap<SpecDocument, Promise<Record<string, unknown>>>();

/**
 * The document as one object with only internal `#/...` refs: what the emitters, the diff and the portal read.
 * A single-file document is returned as it is (callers must not mutate it); cached per document.
 */
export function bundleSpec(document: SpecDocument): Promise<Record<string, unknown>> {
  let result = bundled.get(document);
  if (!result) {
    const root = document.files.get(document.rootFile)!;
    result = document.isMultiFile ? bundleFiles(document.rootFile) : Promise.resolve(root.value as Record<string, unknown>);
    bundled.set(document, result);
  }
  return result;
}

/**
 * Redocly's bundler: unlike swagger-parser's, which inlines an external schema where it is first used, it hoists
 * external targets into `components` under their own names, so generated types keep the names the author chose.
 * Called only after `loadSpec` has read every file and checked each `$ref` against the loader's security limits.
 */
export async function bundleFiles(rootFile: string): Promise<Record<string, unknown>> {
  // Imported on demand: a large module that single-file specs never need.
  const { bundle: redoclyBundle, createConfig } = await import("@redocly/openapi-core");
  const config = await createConfig({});
  const result = await redoclyBundle({ ref: rootFile, config, dereference: false });
  return result.bundle.parsed as Record<string, unknown>;
}
