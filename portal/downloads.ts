import { createHash } from "node:crypto";
import { promisify } from "node:util";
import { gzip } from "node:zlib";
import { stringify } from "yaml";
import type { LoadedSpec } from "./catalog/spec-entry.js";

const gzipAsync = promisify(gzip);

export type SpecFormat = "json" | "yaml";

export interface Download {
  body: Buffer;
  gzipped: Buffer;
  etag: string;
  contentType: string;
}

const cache = new WeakMap<LoadedSpec, Map<SpecFormat, Promise<Download>>>();

/** The bundled spec as a file, built and compressed once per load (a 10 MB spec must not be gzipped per request). */
export function downloadOf(loaded: LoadedSpec, format: SpecFormat): Promise<Download> {
  let byFormat = cache.get(loaded);
  if (!byFormat) cache.set(loaded, (byFormat = new Map()));
  let download = byFormat.get(format);
  if (!download) {
    download = build(loaded.bundled, format);
    byFormat.set(format, download);
  }
  return download;
}

export function serializeSpec(bundled: Record<string, unknown>, format: SpecFormat): string {
  // Shared objects in the bundle must be written out, not turned into YAML anchors other tools may reject.
  return format === "json" ? JSON.stringify(bundled, null, 2) + "\n" : stringify(bundled, { aliasDuplicateObjects: false, lineWidth: 0 });
}

async function build(bundled: Record<string, unknown>, format: SpecFormat): Promise<Download> {
  const body = Buffer.from(serializeSpec(bundled, format));
  const etag = `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`;
  const contentType = format === "json" ? "application/json; charset=utf-8" : "application/yaml; charset=utf-8";
  return { body, gzipped: await gzipAsync(body), etag, contentType };
}
