import { defineRule } from "../../rule.js";
import { NO_OPTIONS } from "../../option-schemas.js";
import { responseHeaderNames } from "./media.js";

/** Header sets that each tell a client when it may retry (any one set is enough). */
const ACCEPTED_SETS = [
  ["Retry-After"],
  ["X-Rate-Limit-Limit", "X-Rate-Limit-Remaining", "X-Rate-Limit-Reset"],
  ["X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset"],
  ["RateLimit"],
  ["RateLimit-Policy"],
  ["RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset"],
];

/**
 * §10: a 429 Too Many Requests response tells the client when to come back: `Retry-After`, or the
 * `X-Rate-Limit-Limit`/`-Remaining`/`-Reset` headers (also spelled `X-RateLimit-*`), or the IETF `RateLimit` /
 * `RateLimit-Policy` headers (or the draft's `RateLimit-Limit`/`-Remaining`/`-Reset`).
 */
export default defineRule({
  id: "rest/rate-limit",
  description:
    "A 429 response declares Retry-After, X-Rate-Limit-Limit/-Remaining/-Reset, or the IETF RateLimit/RateLimit-Policy headers.",
  recommended: "warn",
  defaultOptions: {},
  optionsSchema: NO_OPTIONS,
  create({ document, report }) {
    const checked = new Set<string>();
    return {
      operation(operation) {
        for (const { status, response } of operation.responses) {
          const key = `${response.at.file}#${response.at.pointer}`;
          if (status !== "429" || checked.has(key)) continue;
          checked.add(key);
          const headers = responseHeaderNames(document, response);
          if (ACCEPTED_SETS.some((set) => set.every((name) => headers.has(name.toLowerCase())))) continue;
          report({
            message: `${status} response declares no rate-limit headers; add Retry-After (or X-Rate-Limit-Limit, -Remaining and -Reset, or the IETF RateLimit and RateLimit-Policy headers)`,
            at: response.at,
          });
        }
      },
    };
  },
});
