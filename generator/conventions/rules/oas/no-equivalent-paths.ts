import { equivalentPathGroups } from "../../../facts/equivalent-paths.js";
import { pathShape } from "../../../../templates/runtime/server/paths.js";
import { defineRule } from "../../rule.js";
import { NO_OPTIONS } from "../../option-schemas.js";
import { pathKeyPlace } from "../rest/path-segments.js";

/**
 * OpenAPI 3.0.3 §4.7.8 and 3.1 "Paths Object": "Templated paths with the same hierarchy but different templated
 * names MUST NOT exist as they are identical" (`/v1/{jobName}` and `/v1/{name}`). A server cannot tell their
 * requests apart: every request reaches the first, so where both declare a method the second operation is
 * unreachable. Reported at each later path of a group, naming the one it duplicates.
 */
export default defineRule({
  id: "oas/no-equivalent-paths",
  description:
    "No two templated paths differ only in their parameter names (/v1/{jobName} and /v1/{name} are the same path).",
  recommended: "error",
  minimal: "warn",
  defaultOptions: {},
  optionsSchema: NO_OPTIONS,
  create({ document, report }) {
    const items = new Map<string, Parameters<typeof pathKeyPlace>[2]>();
    return {
      pathItem(path, item) {
        items.set(path, item);
      },
      end() {
        for (const [first, ...others] of equivalentPathGroups(items.keys())) {
          for (const path of others) {
            const item = items.get(path);
            if (first === undefined || item === undefined) continue;
            report({
              message: `path "${path}" is the same as "${first}" (${pathShape(path)} with other parameter names); OpenAPI forbids this, and a server sends every request to "${first}": merge the two paths or change one's literal segments`,
              at: pathKeyPlace(document, path, item),
            });
          }
        }
      },
    };
  },
});
