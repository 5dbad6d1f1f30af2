/**
 * OpenAPI 3.0.3 §4.7.12.1 (3.1 §4.8.12.1): a header parameter named Accept, Content-Type or Authorization "SHALL
 * be ignored": content negotiation, the body's media type and security govern those headers.
 */
const IGNORED = new Set(["accept", "content-type", "authorization"]);

export function isIgnoredHeaderParameter(name: string): boolean {
  return IGNORED.has(name.toLowerCase());
}
