import { defineRule } from "../../rule.js";
import { NO_OPTIONS } from "../../option-schemas.js";
import { isErrorStatus } from "../rest/http-status.js";
import { mediaEntries, mediaTypeEssence } from "../rest/media.js";
import { findStandardSchema, refersToStandard, type StandardSchema } from "./standard-schema.js";

/**
 * §7, RFC 9457: every error response (4xx, 5xx, `default`) returns the one standard error schema, referenced with
 * `$ref` (an `allOf` extending it counts), as the configured media type. HEAD responses have no body and are skipped.
 * The standard is the configured schema; a document without it is asked to return the schema most of its error
 * responses already return (errors/schema reports the missing one once), not told at every response to use it.
 */
export default defineRule({
  id: "errors/responses",
  description:
    "Every 4xx, 5xx and default response returns the standard error schema by $ref, as application/problem+json (settings.errors).",
  recommended: "error",
  defaultOptions: {},
  optionsSchema: NO_OPTIONS,
  create({ document, settings, report }) {
    const { schema: schemaName, mediaType } = settings.errors;
    let wantedRef = "";
    let standard: StandardSchema | undefined;
    const checked = new Set<string>();
    return {
      document() {
        standard = findStandardSchema(document, schemaName);
        wantedRef = `$ref: '#/components/schemas/${standard?.name ?? schemaName}'`;
      },
      operation(operation) {
        if (operation.method === "head") return;
        for (const { status, response } of operation.responses) {
          if (!isErrorStatus(status)) continue;
          const key = `${status} ${response.at.file}#${response.at.pointer}`;
          if (checked.has(key)) continue;
          checked.add(key);
          const media = mediaEntries(document, response);
          if (media.length === 0) {
            report({
              message: `error response ${status} has no body; return the standard error schema (${wantedRef}) as ${mediaType}`,
              at: response.at,
            });
            continue;
          }
          const match = media.find(([type]) => mediaTypeEssence(type) === mediaTypeEssence(mediaType));
          if (!match) {
            const written = media.map(([type]) => type).join(", ");
            report({
              message: `error response ${status} is ${written}; serve the standard error schema as ${mediaType}`,
              at: document.child(response, "content")!.at,
            });
            continue;
          }
          const [, mediaObject] = match;
          const schema = document.child(mediaObject, "schema");
          if (!schema || !standard || !refersToStandard(document, schema, standard)) {
            report({
              message: `error response ${status} must use the standard error schema: set its schema to ${wantedRef}`,
              at: (schema ?? mediaObject).at,
            });
          }
        }
      },
    };
  },
});
