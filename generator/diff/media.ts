import type { Located, SpecDocument } from "../load/index.js";
import { isObject } from "../facts/json-object.js";
import { mediaTypeEssence } from "../facts/media-types.js";

/** The media types of a `content` map, keyed without parameters (`application/json; charset=utf-8` is JSON). */
export function mediaTypes(document: SpecDocument, owner: Located): Map<string, Located> {
  const result = new Map<string, Located>();
  const content = document.child(owner, "content");
  if (!content || !isObject(content.value)) return result;
  for (const [type, media] of document.children(content)) {
    const key = mediaTypeEssence(type);
    if (!result.has(key)) result.set(key, media);
  }
  return result;
}

export function schemaOfMedia(document: SpecDocument, media: Located): Located | undefined {
  return document.child(media, "schema");
}
