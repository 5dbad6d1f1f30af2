import type { Located, SpecDocument } from "../../../load/index.js";
import { isObject } from "../../operation-info.js";

/** The `content` entries (media type -> media type object) of a request body or response, as written. */
export function mediaEntries(document: SpecDocument, owner: Located): Array<[string, Located]> {
  const content = document.child(owner, "content");
  if (!content || !isObject(content.value)) return [];
  return document.children(content);
}

/** `application/json`, `application/problem+json`, `application/vnd.github+json; charset=utf-8`, ... */
export function isJsonMediaType(mediaType: string): boolean {
  const essence = mediaType.split(";")[0]!.trim().toLowerCase();
  return essence === "application/json" || /^[a-z0-9.-]+\/[^/\s]+\+json$/.test(essence);
}

/** The media type without parameters, lower case, for comparing against configured types. */
export function mediaTypeEssence(mediaType: string): string {
  return mediaType.split(";")[0]!.trim().toLowerCase();
}

/** Names of the headers a response declares, lower case (header names are case-insensitive). */
export function responseHeaderNames(document: SpecDocument, response: Located): Set<string> {
  const headers = document.child(response, "headers");
  if (!headers || !isObject(headers.value)) return new Set();
  return new Set(Object.keys(headers.value).map((name) => name.toLowerCase()));
}

/** Whether a response (or request body) declares a body schema under some media type. */
export function hasBodySchema(document: SpecDocument, owner: Located): boolean {
  return mediaEntries(document, owner).some(([, media]) => document.child(media, "schema") !== undefined);
}
