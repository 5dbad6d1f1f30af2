// What a media type is, decided once for lint, diff, the model, the emitters and the generated server.
import { isJsonMediaType as isJsonEssence } from "../../templates/runtime/server/media-type.js";

/** Type/subtype without parameters, lower case: RFC 9110 §8.3.1 makes both case-insensitive. */
export function mediaTypeEssence(mediaType: string): string {
  return mediaType.split(";")[0]!.trim().toLowerCase();
}

/** `application/json`, `text/json` or a `+json` type, with or without parameters (`; charset=utf-8`). */
export function isJsonMediaType(mediaType: string): boolean {
  return isJsonEssence(mediaTypeEssence(mediaType));
}

/**
 * A content key whose schema describes JSON: a JSON type, or a range a JSON body falls under (`*\/*`, `application/*`;
 * RFC 9110 §12.5.1). Specs often declare `*\/*` for what is in fact JSON; a `text/*` range is not JSON.
 */
export function describesJson(mediaType: string): boolean {
  const essence = mediaTypeEssence(mediaType);
  return isJsonEssence(essence) || essence === "*/*" || essence === "application/*";
}

/** The content key to read JSON from: `application/json` first, then other JSON types, then a range covering JSON. */
export function preferredJsonMediaType(types: readonly string[]): string | undefined {
  return (
    types.find((type) => mediaTypeEssence(type) === "application/json") ??
    types.find(isJsonMediaType) ??
    types.find(describesJson)
  );
}
