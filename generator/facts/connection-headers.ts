/**
 * Headers that belong to one connection rather than to the request (RFC 9110 §7.6.1 Connection, RFC 9112 §6.1
 * Transfer-Encoding, §9.6 and §7.8 Upgrade, TE): the HTTP implementation frames the message and sets them itself,
 * fetch refuses them (Fetch standard "forbidden request-header"; Node's undici throws "invalid transfer-encoding
 * header"), and a proxy may remove them on the way.
 */
const CONNECTION_HEADERS = new Set([
  "connection",
  "keep-alive",
  "proxy-connection",
  "te",
  "transfer-encoding",
  "upgrade",
]);

export function isConnectionHeader(name: string): boolean {
  return CONNECTION_HEADERS.has(name.toLowerCase());
}
