import type { BaseResolver, Document, Source } from "@redocly/openapi-core";
import type { SourceFile } from "./source-file.js";

/** For each file, the references the loader followed from it: the part before `#` as written -> the file it read. */
export type FollowedEdges = ReadonlyMap<string, ReadonlyMap<string, string>>;

export type AdmittedResolver = BaseResolver & { documentFor(file: string): Document };

type RedoclyClasses = { BaseResolver: typeof BaseResolver; Source: typeof Source };

/**
 * The only way Redocly's bundler gets at another document: from the files the loader has already read and checked,
 * through an edge the loader followed. It never touches the disk or the network itself, so whatever Redocly follows
 * (`$ref`, `externalValue`, mapping values) and however it would resolve the path, nothing unchecked is read.
 * Anything else is refused, which Redocly takes as an unresolved reference and leaves as written.
 */
export function createAdmittedResolver(
  redocly: RedoclyClasses,
  files: ReadonlyMap<string, SourceFile>,
  edges: FollowedEdges,
): AdmittedResolver {
  class Resolver extends redocly.BaseResolver {
    private readonly documents = new Map<string, Document>();

    /** Redocly's own resolution differs from the loader's (it does not percent-decode): use the loader's edges. */
    override resolveExternalRef(base: string | null, ref: string): string {
      const target = base === null ? undefined : edges.get(base)?.get(ref);
      if (target === undefined) throw new Error(`not read by the loader: ${ref}`);
      return target;
    }

    override async loadExternalRef(absoluteRef: string): Promise<Source> {
      throw new Error(`not read by the loader: ${absoluteRef}`);
    }

    override async resolveDocument(base: string | null, ref: string): Promise<Document> {
      return this.documentFor(this.resolveExternalRef(base, ref));
    }

    /** One document per file, a copy of the loader's value: the bundler rewrites `$ref`s in place. */
    documentFor(file: string): Document {
      let document = this.documents.get(file);
      if (!document) {
        const source = files.get(file);
        if (!source) throw new Error(`not read by the loader: ${file}`);
        document = { source: new redocly.Source(file, source.text), parsed: structuredClone(source.value) };
        this.documents.set(file, document);
      }
      return document;
    }
  }
  return new Resolver();
}
