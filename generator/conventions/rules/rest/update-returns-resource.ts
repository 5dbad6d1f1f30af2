import { defineRule } from "../../rule.js";
import { NO_OPTIONS } from "../../option-schemas.js";
import { coversStatus, isSuccessStatus } from "./http-status.js";
import { hasBodySchema } from "./media.js";

/**
 * §6: PUT and PATCH answer 200 with the updated resource (so clients need not read it again) or 204 No Content.
 * `202 Accepted` (asynchronous update) is accepted too.
 */
export default defineRule({
  id: "rest/update-returns-resource",
  description: "PUT and PATCH return 200 with the updated resource in the body, or 204 No Content.",
  recommended: "warn",
  defaultOptions: {},
  optionsSchema: NO_OPTIONS,
  create({ document, report }) {
    return {
      operation(operation) {
        if (operation.method !== "put" && operation.method !== "patch") return;
        const method = operation.method.toUpperCase();
        const success = operation.responses.filter((r) => isSuccessStatus(r.status));
        const ok = success.find((r) => coversStatus(r.status, "200"));
        if (ok && !hasBodySchema(document, ok.response)) {
          report({
            message: `${ok.status} response of ${method} has no body; return the updated resource, or answer 204 No Content`,
            at: ok.response.at,
          });
        }
        if (ok || success.some((r) => r.status === "204" || r.status === "202")) return;
        const written = success.map((r) => r.status).join(", ") || "no success status";
        const at = document.child(operation.node, "responses") ?? operation.node;
        report({
          message: `${method} ${operation.path} declares ${written}; answer 200 with the updated resource or 204 No Content`,
          at: at.at,
        });
      },
    };
  },
});
