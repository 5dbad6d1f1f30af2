import { defineRule } from "../../rule.js";
import { NO_OPTIONS } from "../../option-schemas.js";
import { collectVersionPlaces, dominantMajor, type VersionPlace } from "./version-places.js";

/** §5: one document describes one major version; a /v2 path among /v1 servers is a copy-paste slip or a merge of two APIs. */
export default defineRule({
  id: "versioning/consistent",
  description:
    "Every server URL and path of a document (and the version header or media types, with those strategies) names the same major version N.",
  recommended: "error",
  defaultOptions: {},
  optionsSchema: NO_OPTIONS,
  create({ document, settings, report }) {
    const places: VersionPlace[] = [];
    return {
      ...collectVersionPlaces(document, settings, places),
      end() {
        const dominant = dominantMajor(places);
        if (!dominant) return;
        for (const place of places) {
          if (place.major === dominant.major) continue;
          report({
            message: `"${place.text}" names major version ${place.major}, but the document uses v${dominant.major} (${dominant.count} place(s), e.g. "${dominant.example.text}"); one document describes one major version: align it, or move v${place.major} into its own document`,
            at: place.at,
          });
        }
      },
    };
  },
});
