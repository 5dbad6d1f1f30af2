import { defineRule } from "../../rule.js";
import { NO_OPTIONS } from "../../option-schemas.js";
import { literalPart, pathKeyPlace, pathSegments } from "./path-segments.js";
import { splitWords } from "./words.js";

const KEBAB = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/**
 * Literal path segments are lowercase kebab-case (`/vaccination-records`). Template parameters are not checked;
 * a file extension (`openapi.json`), a dot prefix (`.well-known`) and a custom method (`pets:batch-get`) are split
 * off and each part checked. Each segment is reported once, at the first path that contains it.
 */
export default defineRule({
  id: "rest/path-casing",
  description:
    "Literal path segments are lowercase kebab-case (/vaccination-records, not /vaccinationRecords or /vaccination_records).",
  recommended: "warn",
  defaultOptions: {},
  optionsSchema: NO_OPTIONS,
  create({ document, report }) {
    const checked = new Set<string>();
    return {
      pathItem(path, item) {
        const at = pathKeyPlace(document, path, item);
        for (const segment of pathSegments(path)) {
          if (segment.isParam || checked.has(segment.prefix)) continue;
          checked.add(segment.prefix);
          const wrong = literalPart(segment.text)
            .split(/[.:]/)
            .filter((part) => part !== "" && !KEBAB.test(part));
          if (wrong.length === 0) continue;
          const fixed = wrong.reduce((text, part) => text.replace(part, splitWords(part).join("-")), segment.text);
          report({
            message: `path segment "${segment.text}" in "${segment.prefix}" is not lowercase kebab-case; use "${fixed}"`,
            at,
          });
        }
      },
    };
  },
});
