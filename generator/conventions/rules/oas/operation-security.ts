import { NO_OPTIONS } from "./operation-text.js";
import type { Located } from "../../../load/index.js";
import { isObject } from "../../operation-info.js";
import { defineRule } from "../../rule.js";
import { operationLabel } from "../pagination/operation-label.js";

/**
 * An operation without any security requirement is public by accident as often as by design; `security: []`
 * (OpenAPI 3.x §4.8.10: an empty list removes the top-level requirements) says it is public on purpose. Each scheme a
 * requirement names must be declared in components.securitySchemes (§4.8.30), or no client can authenticate.
 */
export default defineRule({
  id: "oas/operation-security",
  description:
    "Every operation is secured (its own or the document's security) or explicitly public (security: []), and each named scheme is declared in components.securitySchemes.",
  recommended: "warn",
  defaultOptions: {},
  optionsSchema: NO_OPTIONS,
  create({ document, report }) {
    const schemes = document.child(document.root, "components", "securitySchemes");
    const declared = new Set(schemes && isObject(schemes.value) ? Object.keys(schemes.value) : []);
    const checkSchemes = (security: Located) => {
      for (const [, requirement] of document.children(security)) {
        for (const [name, entry] of document.children(requirement)) {
          if (!declared.has(name))
            report({
              message: `security names the scheme "${name}", which components.securitySchemes does not declare${declared.size > 0 ? ` (declared: ${[...declared].join(", ")})` : ""}`,
              at: entry.at,
            });
        }
      }
    };
    return {
      document(root) {
        const security = document.child(root, "security");
        if (Array.isArray(security?.value)) checkSchemes(security);
      },
      operation(operation) {
        const own = document.child(operation.node, "security");
        if (Array.isArray(own?.value)) return checkSchemes(own);
        if (Array.isArray(document.root.value.security)) return;
        report({
          message: `${operationLabel(operation)} has no security requirement; add security: [{ <scheme>: [] }] (or at the top level), or security: [] to say it is public`,
          at: operation.node.at,
        });
      },
    };
  },
});
