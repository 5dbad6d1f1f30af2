/**
 * Request headers the HTTP implementation sets itself, so no request parameter can carry them:
 * - connection headers (RFC 9110 §7.6.1 Connection, RFC 9112 §6.1 Transfer-Encoding, §9.6 and §7.8 Upgrade, TE):
 *   the implementation frames the message, and a proxy may remove them on the way;
 * - the other "forbidden request-header" names of the Fetch standard (§2.2.2): a browser refuses them, and Node's
 *   undici writes its own (`accept-encoding: gzip, deflate`, `content-length`, `host`) whatever the caller set.
 * Node's undici throws "invalid transfer-encoding header" for the first kind.
 */
const TRANSPORT_HEADERS = new Set([
  "accept-charset",
  "accept-encoding",
  "connection",
  "content-length",
  "date",
  "expect",
  "host",
  "keep-alive",
  "proxy-connection",
  "te",
  "trailer",
  "transfer-encoding",
  "upgrade",
  "via",
]);

export function isTransportHeader(name: string): boolean {
  return TRANSPORT_HEADERS.has(name.toLowerCase());
}
