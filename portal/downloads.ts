import { createHash } from "node:crypto";
import { promisify } from "node:util";
import { gzip } from "node:zlib";
import type { LoadedSpec } from "./catalog/loaded-spec.js";
import { withCodeSamples, type CodeSamplesFor } from "./code-samples.js";
import { operationIndexJson, specForTag, type TagGroup } from "./catalog/tag-groups.js";
import { serializeSpec, type SpecFormat } from "./spec-text.js";

const gzipAsync = promisify(gzip);

export type { SpecFormat };

export interface Download {
  body: Buffer;
  gzipped: Buffer;
  etag: string;
  contentType: string;
}

const cache = new WeakMap<LoadedSpec, Map<string, Promise<Download>>>();

/**
 * The bundled spec as a file, built and compressed once per load (a 10 MB spec must not be gzipped per request);
 * with a tag group, only that group's operations (what the reference page of a large spec loads).
 */
export function downloadOf(loaded: LoadedSpec, format: SpecFormat, group?: TagGroup): Promise<Download> {
  return cached(loaded, group ? `${format} ${group.slug}` : format, async () =>
    build(group ? specForTag(loaded.bundled, group) : loaded.bundled, format),
  );
}

/** What Redoc renders (the whole spec, or one tag group of a large one): the JSON download plus the code samples. */
export function referenceOf(loaded: LoadedSpec, samplesFor: CodeSamplesFor, group?: TagGroup): Promise<Download> {
  return cached(loaded, `reference ${group?.slug ?? ""}`, async () =>
    build(await referenceDocument(loaded, samplesFor, group), "json"),
  );
}

/**
 * Where each operation of a large spec is (`operationIndex`), for links between its tag-group pages: one file per
 * load that the pages fetch when a link leaves their group, instead of each of Graph beta's 829 pages embedding it.
 */
export function tagIndexOf(loaded: LoadedSpec): Promise<Download> {
  return cached(loaded, "tag index", async () => buildText(operationIndexJson(loaded.bundled), "json"));
}

export async function referenceDocument(
  loaded: LoadedSpec,
  samplesFor: CodeSamplesFor,
  group?: TagGroup,
): Promise<Record<string, unknown>> {
  return withCodeSamples(group ? specForTag(loaded.bundled, group) : loaded.bundled, await samplesFor(loaded));
}

function cached(loaded: LoadedSpec, key: string, make: () => Promise<Download>): Promise<Download> {
  let byKey = cache.get(loaded);
  if (!byKey) cache.set(loaded, (byKey = new Map()));
  let download = byKey.get(key);
  if (!download) {
    download = make();
    byKey.set(key, download);
  }
  return download;
}

function build(bundled: Record<string, unknown>, format: SpecFormat): Promise<Download> {
  return buildText(serializeSpec(bundled, format), format);
}

async function buildText(text: string, format: SpecFormat): Promise<Download> {
  const body = Buffer.from(text);
  const etag = `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`;
  const contentType = format === "json" ? "application/json; charset=utf-8" : "application/yaml; charset=utf-8";
  return { body, gzipped: await gzipAsync(body), etag, contentType };
}
