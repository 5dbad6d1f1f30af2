import { NO_OPTIONS } from "./operation-text.js";
import { defineRule } from "../../rule.js";

/** Loopback hosts, where plain http is normal during development. */
const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * A document without `servers` defaults to `/` (OpenAPI 3.x §4.8.5 servers), which rarely is where the API runs, and
 * generated clients then need a base URL from every caller. Plain http exposes credentials and data in transit.
 */
export default defineRule({
  id: "oas/servers",
  description: "The document declares servers, and each server URL uses https (http only for localhost and 127.0.0.1).",
  recommended: "warn",
  defaultOptions: {},
  optionsSchema: NO_OPTIONS,
  create({ document, report }) {
    return {
      document(root) {
        const servers = document.child(root, "servers");
        if (Array.isArray(servers?.value) && servers.value.length > 0) return;
        report({
          message: `the document declares no servers; add servers: [{ url: https://api.example.com/v1 }] so that clients know where the API runs`,
          at: (servers ?? root).at,
        });
      },
      server(server) {
        const url = document.child(server, "url");
        if (!url || typeof url.value !== "string") return;
        const host = plainHttpHost(url.value);
        if (host !== undefined && !LOCAL_HOSTS.has(host))
          report({
            message: `server ${url.value} uses plain http; use https (http is accepted for localhost and 127.0.0.1 only)`,
            at: url.at,
          });
      },
    };
  },
});

/** The host of an `http://` URL (lower-cased, port dropped), or undefined for any other scheme or a relative URL. */
function plainHttpHost(url: string): string | undefined {
  const match = /^http:\/\/([^/?#]*)/i.exec(url);
  if (!match) return undefined;
  const authority = match[1]!.replace(/^[^@]*@/, "").toLowerCase();
  return authority.startsWith("[") ? authority.slice(0, authority.indexOf("]") + 1) : authority.replace(/:\d*$/, "");
}
