import type { SpecDocument } from "../../generator/load/index.js";
import type { Diagnostic } from "../../generator/conventions/index.js";
import { isObject as isRecord } from "../../generator/facts/json-object.js";

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
  /** Every local file the spec spans with its mtime and size: a change to any of them means reload. */
  fingerprint: string;
  files: string[];
  lint?: Diagnostic[];
}

export interface LoadProblem {
  message: string;
  /** Path relative to the specs directory. */
  file: string;
  line?: number;
  column?: number;
  fix?: string;
}

/** One API version in the portal; keeps serving its last good load while a broken edit is shown as `problem`. */
export interface SpecEntry {
  file: string;
  api: string;
  version: string;
  current?: LoadedSpec;
  problem?: LoadProblem;
}

export function entryKey(entry: { api: string; version: string }): string {
  return `${entry.api}/${entry.version}`;
}

export function summarize(bundled: Record<string, unknown>): SpecSummary {
  const info = isRecord(bundled.info) ? bundled.info : {};
  const text = (value: unknown) => (typeof value === "string" ? value : "");
  const tags = Array.isArray(bundled.tags) ? bundled.tags.map((tag) => (isRecord(tag) ? text(tag.name) : "")).filter((name) => name !== "") : [];
  const servers = Array.isArray(bundled.servers) ? bundled.servers.map((server) => (isRecord(server) ? text(server.url) : "")).filter((url) => url !== "") : [];
  return {
    title: text(info.title) || "Untitled API",
    description: text(info.summary) || text(info.description),
    infoVersion: text(info.version),
    tags,
    servers,
  };
}

export { isRecord };
