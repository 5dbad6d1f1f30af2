import type { Located, SpecDocument } from "../../../load/index.js";
import { isObject } from "../../operation-info.js";

/** The `content` entries (media type -> media type object) of a request body or response, as written. */
export function mediaEntries(document: SpecDocument, owner: Located): Array<[string, Located]> {
  const content = document.child(owner, "content");
  if (!content || !isObject(content.value)) return [];
  return document.children(content);
}

export { isJsonMediaType, mediaTypeEssence } from "../../../facts/media-types.js";

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
