import { defineRule } from "../../rule.js";
import { NO_OPTIONS } from "../../option-schemas.js";
import { majorOfMediaType } from "./version-places.js";

/**
 * §5 and AIP-185 put the major in the URL (versioning/major-in-path). Teams that chose another strategy in
 * settings.versioning.strategy get the equivalent check here: every operation says which version it is.
 */
export default defineRule({
  id: "versioning/strategy",
  description:
    "With header versioning every operation takes the version header (settings.versioning.header); with media-type versioning every JSON body names its version (application/vnd.acme.v2+json). Nothing to check with path versioning.",
  recommended: "error",
  defaultOptions: {},
  optionsSchema: NO_OPTIONS,
  create({ document, settings, report }) {
    const { strategy, header } = settings.versioning;
    if (strategy === "path") return {};
    return {
      operation(operation) {
        const label = `${operation.method.toUpperCase()} ${operation.path}`;
        if (strategy === "header") {
          const takesHeader = operation.parameters.some(
            (p) => p.value.in === "header" && String(p.value.name).toLowerCase() === header.toLowerCase(),
          );
          if (!takesHeader) {
            report({
              message: `${label} does not take the ${header} header; the API is versioned by header, so add a shared parameter { name: ${header}, in: header, required: true, schema: { type: string, enum: ["1"] } }`,
              at: operation.node.at,
            });
          }
          return;
        }
        for (const owner of [
          operation.requestBody,
          ...operation.responses.filter((r) => /^2/.test(r.status)).map((r) => r.response),
        ]) {
          const content = owner && document.child(owner, "content");
          if (!content) continue;
          for (const [mediaType, media] of document.children(content)) {
            if (/json/i.test(mediaType) && majorOfMediaType(mediaType) === undefined) {
              report({
                message: `media type "${mediaType}" names no version; the API is versioned by media type, so use e.g. application/vnd.example.v1+json or application/json; version=1`,
                at: media.at,
              });
            }
          }
        }
      },
    };
  },
});
