// Small request-body facts shared by the router and the operation pipeline.
import type { Request } from "express";

/** True when the request carries a non-empty body (an explicit `Content-Length: 0` is no body). */
export function hasBody(req: Request): boolean {
  const length = req.headers["content-length"];
  return req.headers["transfer-encoding"] !== undefined || (length !== undefined && length !== "0");
}

/**
 * JSON by its essence (type/subtype, lower case): application/json, the legacy text/json that .NET specs declare, or a
 * `+json` structured syntax suffix (RFC 6839 §3.1: application/problem+json, application/vnd.github+json). The one
 * definition: the generator's facts (generator/facts/media-types.ts) use this function too.
 */
export function isJsonMediaType(type: string): boolean {
  return (
    type === "application/json" || type === "text/json" || (type.startsWith("application/") && type.endsWith("+json"))
  );
}

interface MediaRange {
  type: string;
  subtype: string;
  /** Parameter names lower-cased; values as sent, `charset` lower-cased (RFC 9110 §8.3.2). */
  parameters: Map<string, string>;
}

function parseMediaType(text: string): MediaRange | undefined {
  const [essence = "", ...rest] = text.split(";");
  const slash = essence.indexOf("/");
  if (slash <= 0) return undefined;
  const parameters = new Map<string, string>();
  for (const part of rest) {
    const eq = part.indexOf("=");
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim().toLowerCase();
    let value = part.slice(eq + 1).trim();
    if (value.startsWith('"') && value.endsWith('"') && value.length >= 2) value = value.slice(1, -1);
    parameters.set(name, name === "charset" ? value.toLowerCase() : value);
  }
  return {
    type: essence.slice(0, slash).trim().toLowerCase(),
    subtype: essence
      .slice(slash + 1)
      .trim()
      .toLowerCase(),
    parameters,
  };
}

/**
 * The declared media type (a `requestBody.content` key) that `contentType` falls under, the most specific one
 * winning as RFC 9110 §12.5.1 orders ranges: `type/subtype` with more parameters, then `type/subtype`, then
 * `type/*`, then `*\/*`. A declared key's parameters must all be present with the same values.
 */
export function matchDeclaredMediaType(contentType: string, declared: readonly string[]): string | undefined {
  const sent = parseMediaType(contentType);
  if (sent === undefined) return undefined;
  let best: { key: string; rank: number } | undefined;
  for (const key of declared) {
    const range = parseMediaType(key);
    if (range === undefined) continue;
    const rank = matchRank(sent, range);
    if (rank !== undefined && (best === undefined || rank > best.rank)) best = { key, rank };
  }
  return best?.key;
}

function matchRank(sent: MediaRange, range: MediaRange): number | undefined {
  if (range.type === "*") return range.subtype === "*" ? 0 : undefined;
  if (range.type !== sent.type) return undefined;
  if (range.subtype === "*") return 1;
  if (range.subtype !== sent.subtype) return undefined;
  for (const [name, value] of range.parameters) if (sent.parameters.get(name) !== value) return undefined;
  return 2 + range.parameters.size;
}

/** How the server reads a body of this (sent) media type. */
export type BodyKind = "json" | "form" | "multipart" | "text" | "binary";

export function bodyKindOf(contentType: string): BodyKind {
  const type = contentType.split(";")[0]?.trim().toLowerCase() ?? "";
  if (isJsonMediaType(type)) return "json";
  if (type === "application/x-www-form-urlencoded") return "form";
  // XML is not parsed: a schema describing its elements cannot be checked against the text, so it arrives as bytes.
  if (type === "text/xml" || type === "application/xml" || type.endsWith("+xml")) return "binary";
  if (type.startsWith("text/")) return "text";
  // multipart/form-data is read part by part (multipart.ts); other multipart types (mixed, related) arrive as bytes.
  if (type === "multipart/form-data") return "multipart";
  return "binary";
}
