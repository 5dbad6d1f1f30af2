import type { SeveritySetting } from "../../diagnostic.js";
import { defineRule } from "../../rule.js";
import { operationLabel } from "../pagination/operation-label.js";

/** The options schema of a rule that takes none. */
export const NO_OPTIONS = { type: "object", properties: {}, additionalProperties: false } as const;

/** A rule asking every operation for a non-blank text member (`summary`, `description`), reported at it or the method. */
export function operationTextRule(rule: {
  id: string;
  description: string;
  member: string;
  recommended: SeveritySetting;
  strict?: SeveritySetting;
  fix: string;
}) {
  return defineRule({
    id: rule.id,
    description: rule.description,
    recommended: rule.recommended,
    ...(rule.strict ? { strict: rule.strict } : {}),
    defaultOptions: {},
    optionsSchema: NO_OPTIONS,
    create({ document, report }) {
      return {
        operation(operation) {
          const text = document.child(operation.node, rule.member);
          if (typeof text?.value === "string" && text.value.trim() !== "") return;
          report({
            message: `${operationLabel(operation)} has no ${rule.member}; add ${rule.member}: ${rule.fix}`,
            at: (text ?? operation.node).at,
          });
        },
      };
    },
  });
}
