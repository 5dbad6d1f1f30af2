import SwaggerParser from "@apidevtools/swagger-parser";
import type { SourceFile } from "./source-file.js";
import type { SpecDocument } from "./spec-document.js";

const bundled = new WeakMap<SpecDocument, Promise<Record<string, unknown>>>();

/**
 * The document as one object with only internal `#/...` refs: what the emitters and the diff read.
 * A single-file document is returned as it is (callers must not mutate it); cached per document.
 */
export function bundleSpec(document: SpecDocument): Promise<Record<string, unknown>> {
  let result = bundled.get(document);
  if (!result) {
    const root = document.files.get(document.rootFile)!;
    result = document.isMultiFile ? bundleFiles(document.rootFile, document.files) : Promise.resolve(root.value as Record<string, unknown>);
    bundled.set(document, result);
  }
  return result;
}

/** swagger-parser's bundler, fed from the files already read (so it never touches the disk or the network itself). */
export async function bundleFiles(rootFile: string, files: ReadonlyMap<string, SourceFile>): Promise<Record<string, unknown>> {
  const root = files.get(rootFile)!;
  const readLoaded = {
    order: 1,
    canRead: true,
    read: (file: { url: string }) => {
      const source = files.get(decodeURIComponent(file.url)) ?? files.get(file.url);
      if (!source) throw new Error(`not loaded: ${file.url}`);
      return structuredClone(source.value) as object;
    },
  };
  const api = await SwaggerParser.bundle(rootFile, structuredClone(root.value) as never, {
    resolve: { file: false, http: false, loaded: readLoaded } as never,
  });
  return api as unknown as Record<string, unknown>;
}
