import pluralize from "pluralize";
import type { Located, NodeRef, SpecDocument } from "../../../load/index.js";
import { splitWords } from "./words.js";

export interface PathSegment {
  text: string;
  /** The path up to and including this segment: the place a problem with the segment is reported once for. */
  prefix: string;
  /** `{pet_id}`: a path template parameter. */
  isParam: boolean;
  /** `v1`, `v2.5`: a version segment, not a resource name. */
  isVersion: boolean;
}

/** The segments of a path template; a query or fragment written into the path key (`/#X-Amz-Target=...`) is not one. */
export function pathSegments(path: string): PathSegment[] {
  const parts = path
    .replace(/[?#].*$/, "")
    .split("/")
    .filter((part) => part !== "");
  return parts.map((text, index) => ({
    text,
    prefix: "/" + parts.slice(0, index + 1).join("/"),
    isParam: /^\{[^}]*\}$/.test(text),
    isVersion: /^v\d+([._-]\d+)*$/i.test(text),
  }));
}

/**
 * Whether a literal segment names things in the plural. The head noun is the last word (`vaccination-records`), or
 * the word before `of` (`codes-of-conduct`); a Google-style custom method suffix (`pets:search`) is ignored.
 * Template parts (`pending{ext}`) are left out. Segments that are not words (digits, symbols) pass: there is nothing
 * to inflect. pluralize reads acronym plurals as Latin singulars (`skus` like `cactus`), so those are known here.
 */
export function isPluralSegment(segment: string): boolean {
  const words = splitWords(literalPart(segment).split(":")[0]!);
  const ofIndex = words.indexOf("of");
  const head = ofIndex > 0 ? words[ofIndex - 1] : words[words.length - 1];
  if (head === undefined || !/^[a-z]{2,}$/.test(head)) return true;
  return ACRONYM_PLURAL.test(head) || pluralize.isPlural(head);
}

const ACRONYM_PLURAL = /^(sku|v?cpu|gpu|tpu|uri|url|ssd|hdd|nic|vpc|ami|faq|pdf|csv)s$/;

/** The plural of a segment's head noun, for the message: `pet` -> `pets`, `vaccination-record` -> `vaccination-records`. */
export function pluralSuggestion(segment: string): string {
  return literalPart(segment).replace(/([A-Za-z]+)$/, (word) => pluralize.plural(word));
}

/** The segment without its template parameters: `pending{ext}` -> `pending`. */
export function literalPart(segment: string): string {
  return segment.replace(/\{[^}]*\}/g, "");
}

/**
 * The collections of an API, as segment prefixes (no trailing slash): every path prefix that some path follows with a
 * `{param}` segment (`/pets` for `/pets/{pet_id}/vaccinations`), and the `listed` paths, whose GET returns a
 * collection (helpers/list-operation).
 */
export function collectionPaths(paths: Iterable<string>, listed: Iterable<string>): Set<string> {
  const prefixes = new Set<string>();
  for (const path of listed) {
    const last = pathSegments(path).at(-1);
    if (last) prefixes.add(last.prefix);
  }
  for (const path of paths) {
    const segments = pathSegments(path);
    segments.forEach((segment, index) => {
      const next = segments[index + 1];
      if (!segment.isParam && next?.isParam) prefixes.add(segment.prefix);
    });
  }
  return prefixes;
}

/** Where a path is written: its key under `paths` in the root document (the item itself may live in another file). */
export function pathKeyPlace(document: SpecDocument, path: string, item: Located): NodeRef {
  return document.child(document.root, "paths", path)?.at ?? item.at;
}
