import { sample } from "openapi-sampler";
import type { JSONSchema7 } from "json-schema";
import { isObject as isRecord } from "../../generator/facts/json-object.js";

/** Follows an internal `#/...` ref inside the bundled document (several hops); anything else is returned as it is. */
export function deref(root: Record<string, unknown>, value: unknown, hops = 0): unknown {
  if (!isRecord(value) || typeof value.$ref !== "string" || !value.$ref.startsWith("#/") || hops > 20) return value;
  let target: unknown = root;
  for (const token of value.$ref.slice(2).split("/")) {
    const key = decodeURIComponent(token).replace(/~1/g, "/").replace(/~0/g, "~");
    target = isRecord(target) || Array.isArray(target) ? (target as Record<string, unknown>)[key] : undefined;
  }
  return deref(root, target, hops + 1);
}

/** The example a spec gives for a media type, or one built from its schema (openapi-sampler, as Redoc does). */
export function exampleOf(root: Record<string, unknown>, media: Record<string, unknown>): unknown {
  if ("example" in media) return media.example;
  if (isRecord(media.examples)) {
    const first = deref(root, Object.values(media.examples)[0]);
    if (isRecord(first) && "value" in first) return first.value;
  }
  if (!isRecord(media.schema)) return undefined;
  try {
    return sample(media.schema as JSONSchema7, { skipWriteOnly: true, quiet: true, maxSampleDepth: 6 }, root);
  } catch {
    // A schema the sampler cannot follow (a broken $ref): the mock still answers, with an empty body.
    return {};
  }
}
