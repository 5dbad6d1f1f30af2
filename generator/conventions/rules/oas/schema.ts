import { defineRule } from "../../rule.js";
import { NO_OPTIONS } from "../../option-schemas.js";

/** The document must be a valid OpenAPI document (swagger-parser's schema validation, reported with positions). */
export default defineRule({
  id: "oas/schema",
  description: "The document is valid against the OpenAPI schema of its version.",
  recommended: "error",
  minimal: true,
  defaultOptions: {},
  optionsSchema: NO_OPTIONS,
  create({ document, report }) {
    return {
      document() {
        for (const problem of document.structuralProblems) report(problem);
      },
    };
  },
});
