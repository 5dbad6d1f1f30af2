// Every place a document states its major version: server URLs and paths (`/v2`), and with the header or media-type
// strategies the version header's value and the versioned media types. The versioning rules compare them.
import type { NodeRef, SpecDocument } from "../../../load/index.js";
import { isObject } from "../../operation-info.js";
import type { Visitors } from "../../rule.js";
import type { ConventionSettings } from "../../settings.js";
import { majorVersionOf } from "./version-segments.js";

export interface VersionPlace {
  major: number;
  /** What the reader sees there: the URL, the path, `Api-Version: 2`, the media type. */
  text: string;
  at: NodeRef;
}

/** The major of a version value such as `2`, `v2`, `2.1`; undefined for dates (`2022-11-28`) and names. */
export function majorOfValue(value: unknown): number | undefined {
  if (typeof value === "number") return Number.isInteger(value) && value >= 0 ? value : undefined;
  const match = typeof value === "string" ? /^v?(\d+)(\.\d+){0,2}$/i.exec(value.trim()) : null;
  return match ? Number(match[1]) : undefined;
}

/** The major a media type names: `application/vnd.acme.v2+json`, `application/json; version=2`. */
export function majorOfMediaType(mediaType: string): number | undefined {
  const match = /[.-]v(\d+)(\+|$|;)/i.exec(mediaType.split(";")[0]!) ?? /;\s*v(?:ersion)?=v?(\d+)/i.exec(mediaType);
  return match ? Number(match[1]) : undefined;
}

/** Visitors that record the document's version places into `places` as the walk goes. */
export function collectVersionPlaces(
  document: SpecDocument,
  settings: ConventionSettings,
  places: VersionPlace[],
): Visitors {
  const add = (major: number | undefined, text: string, at: NodeRef) => {
    if (major !== undefined) places.push({ major, text, at });
  };
  const { strategy, header } = settings.versioning;
  return {
    server(server) {
      const url = document.child(server, "url");
      if (url && typeof url.value === "string") add(majorVersionOf(url.value), url.value, url.at);
    },
    pathItem(path, item) {
      add(majorVersionOf(path), path, (document.child(document.root, "paths", path) ?? item).at);
    },
    operation(operation) {
      if (strategy === "header") {
        const parameter = operation.parameters.find(
          (p) => p.value.in === "header" && String(p.value.name).toLowerCase() === header.toLowerCase(),
        );
        const entry = parameter && document.child(parameter, "schema");
        const schema = entry && document.resolve(entry);
        if (!schema || !isObject(schema.value)) return;
        const values: Record<string, unknown> = schema.value;
        const enumValues = values.enum;
        const keyword =
          ["const", "default"].find((k) => k in values) ??
          (Array.isArray(enumValues) && enumValues.length === 1 ? "enum" : undefined);
        if (!keyword) return;
        const value = keyword === "enum" ? (enumValues as unknown[])[0] : values[keyword];
        add(majorOfValue(value), `${header}: ${String(value)}`, document.child(schema, keyword)!.at);
      }
      if (strategy === "media-type") {
        for (const owner of [operation.requestBody, ...operation.responses.map((r) => r.response)]) {
          const content = owner && document.child(owner, "content");
          if (content)
            for (const [mediaType, media] of document.children(content))
              add(majorOfMediaType(mediaType), mediaType, media.at);
        }
      }
    },
  };
}

/** The major most places state (on a tie, the first stated), with how many state it; undefined when none does. */
export function dominantMajor(
  places: readonly VersionPlace[],
): { major: number; count: number; example: VersionPlace } | undefined {
  const counts = new Map<number, number>();
  for (const place of places) counts.set(place.major, (counts.get(place.major) ?? 0) + 1);
  let best: { major: number; count: number } | undefined;
  for (const [major, count] of counts) if (!best || count > best.count) best = { major, count };
  return best && { ...best, example: places.find((place) => place.major === best.major)! };
}
