import { dirname, resolve as resolvePath } from "node:path";
import { SourceFile } from "./source-file.js";
import { SpecDocument, type SpecVersion } from "./spec-document.js";
import { SpecLoadError } from "./load-error.js";
import { findReferences } from "./find-refs.js";
import { admitReference } from "./admit-reference.js";
import { checkNesting } from "./nesting-limit.js";
import { DEFAULT_MAX_FILE_BYTES, isRemote, readSource, type ReadLimits } from "./read-source.js";
import { checkStructure } from "./structure-cache.js";
import { swagger2Pointer, upgradeSwagger2 } from "./upgrade-swagger2.js";
import { bundleFiles, rememberBundle } from "./bundle.js";
import { DISK_ACCESS, type FileAccess } from "./file-access.js";

export interface LoadOptions {
  allowRemoteRefs?: boolean;
  maxFileBytes?: number;
  /** Where local files are read from: the disk by default; a git revision for `diff --base git:REF`. */
  access?: FileAccess;
}

/**
 * Loads an OpenAPI 2.0/3.0/3.1 document and every file its `$ref`s reach, keeping positions for every node.
 * Throws SpecLoadError (never anything else for bad input) when the input cannot be used.
 */
export async function loadSpec(path: string, options: LoadOptions = {}): Promise<SpecDocument> {
  const rootFile = isRemote(path) ? path : resolvePath(path);
  const access = options.access ?? DISK_ACCESS;
  const rootDir = isRemote(rootFile) ? "" : ((await access.realPath(dirname(rootFile))) ?? dirname(rootFile));
  const limits: ReadLimits = {
    maxFileBytes: options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES,
    allowRemoteRefs: options.allowRemoteRefs ?? false,
    rootDir,
    access,
  };
  const { files, edges } = await readAllFiles(rootFile, limits);
  const root = files.get(rootFile)!;
  const specVersion = detectVersion(root);
  const document = files.size > 1 ? await bundleFiles(rootFile, files, edges) : root.value;
  const structuralProblems = checkStructure(document, rootFile, files);
  if (specVersion !== "2.0") {
    const spec = new SpecDocument({ rootFile, files, specVersion, structuralProblems });
    if (files.size > 1) rememberBundle(spec, document as Record<string, unknown>);
    return spec;
  }

  root.value = await upgradeSwagger2(document);
  // The upgraded document is self-contained: the other files' content now lives inside it.
  const upgradedFiles = new Map([[rootFile, root]]);
  return new SpecDocument({
    rootFile,
    files: upgradedFiles,
    specVersion,
    structuralProblems,
    mapPointer: (_file, pointer) => swagger2Pointer(pointer),
  });
}

/** Reads the root and every file its references reach, each checked before it is read; `edges` records how. */
async function readAllFiles(
  rootFile: string,
  limits: ReadLimits,
): Promise<{ files: Map<string, SourceFile>; edges: Map<string, Map<string, string>> }> {
  const files = new Map<string, SourceFile>();
  const edges = new Map<string, Map<string, string>>();
  const queue: Array<{ file: string; from?: { file: string; line: number; column: number; kind: string } }> = [
    { file: rootFile },
  ];
  while (queue.length > 0) {
    const { file, from } = queue.shift()!;
    if (files.has(file)) continue;
    const source = await SourceFile.parse(file, await readSource(file, limits, from));
    checkNesting(source);
    files.set(file, source);
    const followed = new Map<string, string>();
    for (const found of findReferences(source.value)) {
      const reference = await admitReference(found, file, source, limits);
      if (!reference) continue;
      followed.set(reference.uri, reference.target);
      if (!files.has(reference.target)) queue.push({ file: reference.target, from: reference.from });
    }
    edges.set(file, followed);
  }
  return { files, edges };
}

function detectVersion(root: SourceFile): SpecVersion {
  const value = root.value as Record<string, unknown> | null;
  const openapi = value && typeof value === "object" ? (value.openapi ?? value.swagger) : undefined;
  if (typeof openapi === "string") {
    if (openapi === "2.0") return "2.0";
    if (openapi.startsWith("3.0")) return "3.0";
    if (openapi.startsWith("3.1")) return "3.1";
  }
  const at = root.locate(value && typeof value === "object" && "openapi" in value ? "/openapi" : "");
  throw new SpecLoadError({
    message:
      openapi === undefined
        ? "not an OpenAPI document: no `openapi` or `swagger` field at the top level"
        : `unsupported OpenAPI version ${JSON.stringify(openapi)}`,
    file: root.path,
    ...at,
    fix: 'start the document with `openapi: 3.1.0` (or 3.0.x, or `swagger: "2.0"`)',
  });
}
