import { defineRule } from "../../rule.js";
import { NO_OPTIONS } from "../../option-schemas.js";
import { coversStatus, isSuccessStatus } from "./http-status.js";

/** §1: DELETE answers 204 No Content, or 200 when it returns something (the deleted resource); 202 when asynchronous. */
export default defineRule({
  id: "rest/delete-status",
  description: "DELETE returns 204 No Content (or 200 with a body, 202 when asynchronous).",
  recommended: "warn",
  defaultOptions: {},
  optionsSchema: NO_OPTIONS,
  create({ document, report }) {
    return {
      operation(operation) {
        if (operation.method !== "delete") return;
        const success = operation.responses.filter((r) => isSuccessStatus(r.status));
        if (success.some((r) => ["204", "200", "202"].some((wanted) => coversStatus(r.status, wanted)))) return;
        const written = success.map((r) => r.status).join(", ") || "no success status";
        const at = document.child(operation.node, "responses") ?? operation.node;
        report({
          message: `DELETE ${operation.path} declares ${written}; answer 204 No Content (or 200 with the deleted resource)`,
          at: at.at,
        });
      },
    };
  },
});
