import { defineRule } from "../../rule.js";
import { NO_OPTIONS } from "../../option-schemas.js";

/**
 * RFC 9110 §9.3.1/§9.3.2: content in a GET or HEAD request has no generally defined semantics (OpenAPI 3.1 §4.8.10
 * agrees), and fetch refuses to send one. The generators ignore such a body (with a warning); the spec should not
 * declare it.
 */
export default defineRule({
  id: "rest/bodiless-get",
  description: "GET and HEAD operations declare no requestBody (RFC 9110 §9.3.1); the generators ignore one.",
  recommended: "warn",
  defaultOptions: {},
  optionsSchema: NO_OPTIONS,
  create({ document, report }) {
    return {
      operation(operation) {
        if ((operation.method !== "get" && operation.method !== "head") || operation.requestBody === undefined) return;
        const at = document.child(operation.node, "requestBody") ?? operation.node;
        const method = operation.method.toUpperCase();
        report({
          message: `${method} ${operation.path} declares a requestBody, which a ${method} request cannot carry (RFC 9110 §9.3.1) and the generators ignore; send the input as query parameters, or use POST`,
          at: at.at,
        });
      },
    };
  },
});
