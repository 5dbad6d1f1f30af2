import type { Located } from "../../../load/index.js";
import { defineRule } from "../../rule.js";
import { optionsSchema, STRING_LIST } from "../../option-schemas.js";
import { isJsonMediaType, mediaEntries, mediaTypeEssence } from "./media.js";

/**
 * §9: request and response bodies are JSON: `application/json` or a `+json` type (`application/problem+json`).
 * Other media types are accepted when the `allow` option lists them: exactly (`multipart/form-data` for uploads)
 * or by type (`image/*`).
 */
export default defineRule({
  id: "rest/json-media",
  description:
    "Request and response bodies are JSON (application/json or a +json type); other media types only when allowed by option.",
  recommended: "warn",
  defaultOptions: { allow: [] as string[] },
  optionsSchema: optionsSchema({ allow: STRING_LIST }),
  create({ document, options, report }) {
    const checked = new Set<string>();
    const allowed = (mediaType: string): boolean => {
      const essence = mediaTypeEssence(mediaType);
      // The convention's JSON, stricter than "is JSON": the legacy text/json is reported (it has no charset rules).
      return (
        (isJsonMediaType(essence) && essence !== "text/json") ||
        options.allow.some((pattern) => matches(mediaTypeEssence(pattern), essence))
      );
    };
    const checkContent = (owner: Located, what: string): void => {
      for (const [mediaType, media] of mediaEntries(document, owner)) {
        const key = `${media.at.file}#${media.at.pointer}`;
        if (checked.has(key) || allowed(mediaType)) continue;
        checked.add(key);
        report({
          message: `${what} is ${mediaType}, not JSON; use application/json (or a +json type), or list ${mediaType} in the allow option`,
          at: media.at,
        });
      }
    };
    return {
      operation(operation) {
        if (operation.requestBody) checkContent(operation.requestBody, "request body");
        for (const { status, response } of operation.responses) checkContent(response, `response ${status}`);
      },
    };
  },
});

function matches(pattern: string, essence: string): boolean {
  if (pattern === "*/*" || pattern === essence) return true;
  return pattern.endsWith("/*") && essence.startsWith(pattern.slice(0, -1));
}
