import type { OperationInfo } from "../../operation-info.js";
import { defineRule } from "../../rule.js";
import { optionsSchema } from "../../option-schemas.js";
import { coversStatus } from "../rest/http-status.js";

/** When an operation can produce each status, and why (the reason goes into the message). */
const EXPECTED: Record<string, { when: (operation: OperationInfo) => boolean; why: string }> = {
  "400": {
    when: (op) => op.parameters.length > 0 || op.requestBody !== undefined,
    why: "it takes input that can be invalid",
  },
  "401": { when: isSecured, why: "it requires authentication" },
  "403": { when: isSecured, why: "the caller may lack permission" },
  "404": { when: (op) => op.path.includes("{"), why: "the path names a resource that may not exist" },
  "409": {
    when: (op) => op.method === "post" || op.method === "put" || op.method === "patch",
    why: "it changes state that can conflict",
  },
  "429": { when: () => true, why: "requests are rate limited" },
  "500": { when: () => true, why: "the server can fail; `default` also covers it" },
};

/**
 * §7: operations document the error statuses they can produce, so clients can handle them. `require` lists which
 * of the checks run; remove a status to stop asking for it, add one (e.g. 422) to ask it of every operation. A range (`4XX`) covers its statuses; `default` covers 500.
 */
export default defineRule({
  id: "errors/coverage",
  description:
    "Operations document 400 (input), 401/403 (secured), 404 (path has an id), 409 (POST/PUT/PATCH), 429, and 500 or default.",
  recommended: "warn",
  defaultOptions: { require: ["400", "401", "403", "404", "409", "429", "500"] },
  optionsSchema: optionsSchema({ require: { type: "array", items: { type: "string", pattern: "^[1-5]\\d\\d$" } } }),
  create({ document, options, report }) {
    return {
      operation(operation) {
        const statuses = operation.responses.map((r) => r.status);
        const missing = options.require.filter((wanted) => {
          if (!expectationOf(wanted).when(operation)) return false;
          const covered = statuses.some(
            (status) => coversStatus(status, wanted) || (wanted === "500" && status === "default"),
          );
          return !covered;
        });
        if (missing.length === 0) return;
        const reasons = missing.map((status) => `${status} (${expectationOf(status).why})`).join(", ");
        const at = document.child(operation.node, "responses") ?? operation.node;
        report({
          message: `${operation.method.toUpperCase()} ${operation.path} does not document ${reasons}; add these error responses`,
          at: at.at,
        });
      },
    };
  },
});

/** A status outside the built-in list is asked of every operation. */
function expectationOf(status: string): { when: (operation: OperationInfo) => boolean; why: string } {
  return EXPECTED[status] ?? { when: () => true, why: "the require option lists it" };
}

/** Every security alternative names a scheme: `security: []`, or an `{}` alternative, lets callers come anonymously. */
function isSecured(operation: OperationInfo): boolean {
  return (
    operation.security.length > 0 && operation.security.every((requirement) => Object.keys(requirement).length > 0)
  );
}
