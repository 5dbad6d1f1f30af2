import type { Diagnostic } from "../../generator/conventions/index.js";
import { isObject as isRecord } from "../../generator/facts/json-object.js";
import type { SpecDocument } from "../../generator/load/index.js";

export interface SpecSummary {
  title: string;
  description: string;
  infoVersion: string;
  tags: string[];
  /** Server URLs from the spec, as written. */
  servers: string[];
}

/** One successful load of a spec: what every page and download is made from. */
export interface LoadedSpec {
  document: SpecDocument;
  bundled: Record<string, unknown>;
  summary: SpecSummary;
  /** Every local file the spec spans with its mtime and size when it was read (a cache key for what is built from it). */
  fingerprint: string;
  files: string[];
  lint?: Diagnostic[];
}

export function summarize(bundled: Record<string, unknown>): SpecSummary {
  const info = isRecord(bundled.info) ? bundled.info : {};
  const text = (value: unknown) => (typeof value === "string" ? value : "");
  const tags = Array.isArray(bundled.tags)
    ? bundled.tags.map((tag) => (isRecord(tag) ? text(tag.name) : "")).filter((name) => name !== "")
    : [];
  const servers = Array.isArray(bundled.servers)
    ? bundled.servers.map((server) => (isRecord(server) ? text(server.url) : "")).filter((url) => url !== "")
    : [];
  return {
    title: text(info.title) || "Untitled API",
    description: text(info.summary) || text(info.description),
    infoVersion: text(info.version),
    tags,
    servers,
  };
}
