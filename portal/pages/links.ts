/**
 * Where each page and file lives, relative to the portal root. The live server passes root "/", the static site a
 * relative "../../" so that it works from any base path on any static host.
 */
export class Links {
  constructor(readonly root: string) {}

  index(query?: string): string {
    return this.root + (query ? `?q=${encodeURIComponent(query)}` : "");
  }
  redoc(api: string, version: string): string {
    return `${this.root}apis/${enc(api)}/${enc(version)}/`;
  }
  /** The reference page of one tag group of a large spec. */
  redocTag(api: string, version: string, slug: string): string {
    return `${this.redoc(api, version)}tags/${enc(slug)}/`;
  }
  /** Which tag group holds each operation of a large spec (`operationIndex`), fetched by `static/tag-links.js`. */
  tagIndex(api: string, version: string): string {
    return `${this.root}specs/${enc(api)}/${enc(version)}/tags/index.json`;
  }
  swagger(api: string, version: string): string {
    return `${this.redoc(api, version)}swagger/`;
  }
  lint(api: string, version: string): string {
    return `${this.redoc(api, version)}lint/`;
  }
  changelog(api: string, version: string): string {
    return `${this.redoc(api, version)}changelog/`;
  }
  download(api: string, version: string, format: "json" | "yaml"): string {
    return `${this.root}specs/${enc(api)}/${enc(version)}/openapi.${format}`;
  }
  /** The document Redoc renders: the spec with code samples (`x-codeSamples`); the downloads stay as written. */
  reference(api: string, version: string, slug?: string): string {
    return `${this.root}specs/${enc(api)}/${enc(version)}/${slug === undefined ? "" : `tags/${enc(slug)}/`}reference.json`;
  }
  mock(api: string, version: string): string {
    return `${this.root}mock/${enc(api)}/${enc(version)}`;
  }
  rules(ruleId?: string): string {
    return `${this.root}rules/${ruleId ? `#${ruleAnchor(ruleId)}` : ""}`;
  }
  asset(path: string): string {
    return `${this.root}assets/${path}`;
  }
}

function enc(segment: string): string {
  return encodeURIComponent(segment);
}

/** The same anchor the rule docs use (docs/rules.md#area-name). */
export function ruleAnchor(ruleId: string): string {
  return ruleId.replace(/[^a-z0-9]+/gi, "-").toLowerCase();
}
