import type { NodeRef } from "../../../load/index.js";
import { defineRule } from "../../rule.js";
import { NO_OPTIONS } from "../../option-schemas.js";
import { majorVersionSegments } from "./version-segments.js";

/** §5: the major version is in the URL, as `/v{N}` with N an integer — in every server URL or in every path. */
export default defineRule({
  id: "versioning/major-in-path",
  description: "Every server URL or every path carries a /v{N} segment, N an integer (v1, v2; never v2.5).",
  recommended: "error",
  defaultOptions: {},
  optionsSchema: NO_OPTIONS,
  create({ document, settings, report }) {
    const servers: Array<{ url: string; at: NodeRef }> = [];
    const paths: Array<{ path: string; at: NodeRef }> = [];
    return {
      document(root) {
        const list = document.child(root, "servers");
        if (!list || !Array.isArray(list.value)) return;
        for (const [, server] of document.children(list)) {
          const url = (server.value as { url?: unknown } | null)?.url;
          if (typeof url === "string") servers.push({ url, at: document.child(server, "url")!.at });
        }
      },
      pathItem(path, item) {
        const declared = document.child(document.root, "paths", path);
        paths.push({ path, at: declared?.at ?? item.at });
      },
      end() {
        if (settings.versioning.strategy !== "path") return;
        for (const place of [
          ...servers.map((s) => ({ text: s.url, at: s.at })),
          ...paths.map((p) => ({ text: p.path, at: p.at })),
        ]) {
          const fractional = majorVersionSegments(place.text).find((segment) => !/^v\d+$/.test(segment));
          if (fractional)
            report({
              message: `version segment "/${fractional}" must be a whole major number such as /v2 (§5: integers only)`,
              at: place.at,
            });
        }
        // A fractional segment (v2.5) is reported above; it is not also "missing".
        const versioned = (text: string) => majorVersionSegments(text).length > 0;
        if (servers.length > 0 && servers.every((s) => versioned(s.url))) return;
        // No path carries a version either: the fix is one segment in the server URL, so say it there, once.
        if (servers.length > 0 && !paths.some((p) => versioned(p.path))) {
          for (const { url, at } of servers) {
            if (!versioned(url))
              report({
                message: `server URL "${url}" has no /v{N} major version segment, and no path has one; add it to the URL (e.g. ${url.replace(/\/+$/, "")}/v1)`,
                at,
              });
          }
          return;
        }
        for (const { path, at } of paths) {
          if (!versioned(path)) {
            report({
              message: `no /v{N} version segment in "${path}" nor in every server URL; put the major version in the server URL (e.g. https://api.example.com/v1)`,
              at,
            });
          }
        }
      },
    };
  },
});
