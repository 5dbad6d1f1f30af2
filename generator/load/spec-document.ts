import { dirname, resolve as resolvePath } from "node:path";
import { getAtPointer, joinPointer, parsePointer } from "./json-pointer.js";
import type { SourceFile } from "./source-file.js";

/** A place in the source: which file (absolute path or URL) and the JSON pointer inside that file. */
export interface NodeRef {
  file: string;
  pointer: string;
}

/** A value together with where it is written, so that anything derived from it can be reported at its source. */
export interface Located<T = unknown> {
  value: T;
  at: NodeRef;
}

export interface SourceLocation extends NodeRef {
  line: number;
  column: number;
}

export type SpecVersion = "2.0" | "3.0" | "3.1";

export interface StructuralProblem {
  message: string;
  at: NodeRef;
}

/**
 * A loaded OpenAPI document: every file it spans, parsed, with positions. For OpenAPI 2.0 the root file's value is
 * the upgraded 3.0 document and `locate` maps 3.0 pointers back to the 2.0 source as closely as it can.
 */
export class SpecDocument {
  readonly rootFile: string;
  readonly files: ReadonlyMap<string, SourceFile>;
  readonly specVersion: SpecVersion;
  /** Schema violations found by swagger-parser's validator; rules report them as `oas/schema`. */
  readonly structuralProblems: readonly StructuralProblem[];
  private readonly mapPointer: (file: string, pointer: string) => string;

  constructor(args: {
    rootFile: string;
    files: ReadonlyMap<string, SourceFile>;
    specVersion: SpecVersion;
    structuralProblems: StructuralProblem[];
    mapPointer?: (file: string, pointer: string) => string;
  }) {
    this.rootFile = args.rootFile;
    this.files = args.files;
    this.specVersion = args.specVersion;
    this.structuralProblems = args.structuralProblems;
    this.mapPointer = args.mapPointer ?? ((_file, pointer) => pointer);
  }

  get root(): Located<Record<string, unknown>> {
    return {
      value: this.valueAt({ file: this.rootFile, pointer: "" }) as Record<string, unknown>,
      at: { file: this.rootFile, pointer: "" },
    };
  }

  /** True when the document spans more than one file. */
  get isMultiFile(): boolean {
    return this.files.size > 1;
  }

  valueAt(ref: NodeRef): unknown {
    const file = this.files.get(ref.file);
    if (!file) return undefined;
    return getAtPointer(file.value, parsePointer(ref.pointer));
  }

  /** The member `key` (or the chain of members) of a located object or array, without following `$ref`s. */
  child(parent: Located, ...keys: Array<string | number>): Located | undefined {
    let value: unknown = parent.value;
    for (const key of keys) {
      if (value === null || typeof value !== "object" || !Object.prototype.hasOwnProperty.call(value, key))
        return undefined;
      value = (value as Record<string, unknown>)[key as string];
    }
    return { value, at: { file: parent.at.file, pointer: joinPointer(parent.at.pointer, ...keys) } };
  }

  /** Each own member of a located object (or item of an array), in source order. */
  children(parent: Located): Array<[string, Located]> {
    const value = parent.value;
    if (value === null || typeof value !== "object") return [];
    return Object.keys(value).map((key) => [
      key,
      {
        value: (value as Record<string, unknown>)[key],
        at: { file: parent.at.file, pointer: joinPointer(parent.at.pointer, key) },
      },
    ]);
  }

  /** Follows a chain of `$ref`s to the node it ends at. A broken or circular chain yields the last node reached. */
  resolve(node: Located): Located {
    let current = node;
    const seen = new Set<string>();
    for (;;) {
      const ref = refOf(current.value);
      if (ref === undefined) return current;
      const key = `${current.at.file}#${current.at.pointer}`;
      if (seen.has(key)) return current;
      seen.add(key);
      const target = this.resolveRef(current.at.file, ref);
      if (!target) return current;
      current = { value: this.valueAt(target), at: target };
      if (current.value === undefined) return { value: undefined, at: target };
    }
  }

  /** Where a `$ref` string written in `fromFile` points, or undefined for a remote ref that was not loaded. */
  resolveRef(fromFile: string, ref: string): NodeRef | undefined {
    const hashIndex = ref.indexOf("#");
    const filePart = hashIndex === -1 ? ref : ref.slice(0, hashIndex);
    const pointer = hashIndex === -1 ? "" : decodeFragment(ref.slice(hashIndex + 1));
    const file = filePart === "" ? fromFile : resolveRefFile(fromFile, filePart);
    if (!this.files.has(file)) return undefined;
    return { file, pointer };
  }

  locate(ref: NodeRef): SourceLocation {
    return this.locateMany([ref])[0]!;
  }

  /** Lets go of what locating built in each file (`SourceFile.releasePositionIndexes`). */
  releasePositionIndexes(): void {
    for (const file of this.files.values()) file.releasePositionIndexes();
  }

  /** Locates many places at once (one scan per file), in the order given. */
  locateMany(refs: readonly NodeRef[]): SourceLocation[] {
    const byFile = new Map<string, string[]>();
    for (const ref of refs) {
      const list = byFile.get(ref.file) ?? [];
      list.push(this.mapPointer(ref.file, ref.pointer));
      byFile.set(ref.file, list);
    }
    const positions = new Map<string, Map<string, { line: number; column: number }>>();
    for (const [fileName, pointers] of byFile) {
      const file = this.files.get(fileName);
      if (file) positions.set(fileName, file.locateMany(pointers));
    }
    return refs.map((ref) => ({
      ...ref,
      ...(positions.get(ref.file)?.get(this.mapPointer(ref.file, ref.pointer)) ?? { line: 1, column: 1 }),
    }));
  }
}

export function refOf(value: unknown): string | undefined {
  if (value === null || typeof value !== "object") return undefined;
  const ref = (value as Record<string, unknown>).$ref;
  return typeof ref === "string" ? ref : undefined;
}

/** Resolves the file part of a `$ref` against the file it is written in: a path next to it, or a URL. */
export function resolveRefFile(fromFile: string, filePart: string): string {
  if (/^https?:\/\//i.test(filePart)) return filePart;
  if (/^https?:\/\//i.test(fromFile)) return new URL(filePart, fromFile).href;
  return resolvePath(dirname(fromFile), decodeURIComponentSafe(filePart));
}

function decodeFragment(fragment: string): string {
  const decoded = decodeURIComponentSafe(fragment);
  return decoded === "/" ? "" : decoded;
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
