import type { Located } from "../../../load/index.js";
import { objectProperties } from "../../helpers/list-operation.js";
import { defineRule } from "../../rule.js";
import { optionsSchema, STRING_LIST, NON_EMPTY_STRING } from "../../option-schemas.js";
import { isSuccessStatus } from "../rest/http-status.js";
import { mediaEntries } from "../rest/media.js";
import { findStandardSchema, refersToStandard, type StandardSchema } from "./standard-schema.js";

/**
 * §7's anti-pattern: `{"code": 401, "status": "error"}` returned with 200. A success response must not carry an error
 * envelope: the standard error schema, or a body made only of envelope members (`code`, `message`, `status`, ...)
 * that can report an error (an `error` member, or a `status` whose values include "error"). A resource that merely
 * has a state such as `status: failed` next to its own data (a build, an import) is not an envelope.
 */
export default defineRule({
  id: "errors/no-error-in-success",
  description:
    "No 2xx response returns an error envelope (the error schema, an `error` member, or `status: error`); errors use 4xx/5xx.",
  recommended: "warn",
  defaultOptions: {
    /** Members an envelope is made of; a body with any other member is a resource, not an envelope. */
    envelopeMembers: [
      "code",
      "status",
      "message",
      "msg",
      "error",
      "errors",
      "detail",
      "details",
      "description",
      "success",
      "result",
      "data",
    ],
    /** Members that mark an envelope as able to report an error. */
    errorMembers: ["error"],
    /** A member whose enum/const values below mark the body as a status envelope that can say "error". */
    statusMember: "status",
    errorValues: ["error", "fail", "failed", "failure"],
  },
  optionsSchema: optionsSchema({
    envelopeMembers: STRING_LIST,
    errorMembers: STRING_LIST,
    statusMember: NON_EMPTY_STRING,
    errorValues: STRING_LIST,
  }),
  create({ document, settings, options, report }) {
    let standard: StandardSchema | undefined;
    const checked = new Set<string>();
    return {
      document() {
        standard = findStandardSchema(document, settings.errors.schema);
      },
      operation(operation) {
        for (const { status, response } of operation.responses) {
          if (!isSuccessStatus(status)) continue;
          for (const [, media] of mediaEntries(document, response)) {
            const schema = document.child(media, "schema");
            if (!schema) continue;
            const key = `${status} ${schema.at.file}#${schema.at.pointer}`;
            if (checked.has(key)) continue;
            checked.add(key);
            const problem = errorEnvelope(schema);
            if (problem)
              report({
                message: `success response ${status} returns ${problem}; report errors with a 4xx/5xx status and the standard error schema, not with ${status}`,
                at: schema.at,
              });
          }
        }
      },
    };

    function errorEnvelope(schema: Located): string | undefined {
      if (standard && refersToStandard(document, schema, standard)) return `the error schema "${standard.name}"`;
      const members = objectProperties(document, schema);
      if (members.size === 0 || [...members.keys()].some((name) => !options.envelopeMembers.includes(name)))
        return undefined;
      const errorMember = options.errorMembers.find((name) => members.has(name));
      if (errorMember) return `an error envelope (member "${errorMember}")`;
      const statusMember = members.get(options.statusMember);
      if (statusMember) {
        const values = enumValues(document.resolve(statusMember).value);
        const errorValue = values.find(
          (value) => typeof value === "string" && options.errorValues.includes(value.toLowerCase()),
        );
        if (errorValue !== undefined) return `a status envelope that can say "${String(errorValue)}"`;
      }
      return undefined;
    }
  },
});

function enumValues(schema: unknown): unknown[] {
  if (schema === null || typeof schema !== "object") return [];
  const { enum: values, const: constant } = schema as { enum?: unknown; const?: unknown };
  return [...(Array.isArray(values) ? values : []), ...(constant !== undefined ? [constant] : [])];
}
