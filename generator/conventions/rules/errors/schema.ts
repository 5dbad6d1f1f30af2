import type { Located } from "../../../load/index.js";
import { objectProperties } from "../../helpers/list-operation.js";
import { defineRule } from "../../rule.js";
import { optionsSchema, STRING_LIST } from "../../option-schemas.js";
import { allowsType } from "../rest/schema-type.js";
import { findStandardSchema } from "./standard-schema.js";

/**
 * §7, RFC 9457: one standard error schema per API, named by `settings.errors.schema` (default `Problem`), declaring
 * `settings.errors.requiredMembers`. When it has a validation-failure list (`errors` by default), each item declares
 * `itemMembers` (§7's "Validation Failed" example: field, code, message).
 */
export default defineRule({
  id: "errors/schema",
  description:
    "The standard error schema (RFC 9457 Problem by default) is in components.schemas and declares its required members.",
  recommended: "error",
  defaultOptions: {
    /** The member that lists validation failures; "" to skip the check of its items. */
    listMember: "errors",
    itemMembers: ["field", "code", "message"],
  },
  optionsSchema: optionsSchema({ listMember: { type: "string" }, itemMembers: STRING_LIST }),
  create({ document, settings, options, report }) {
    const { schema: name, requiredMembers } = settings.errors;
    return {
      document(root) {
        const standard = findStandardSchema(document, name);
        if (!standard?.configured) {
          const at = document.child(root, "components", "schemas") ?? document.child(root, "components") ?? root;
          // The error responses may agree on a schema of their own: then naming it is the likelier fix.
          const yours = standard
            ? `name yours ("${standard.name}", which the error responses return) in settings.errors.schema`
            : "name yours in settings.errors.schema";
          report({
            message: `the standard error schema "${name}" is not in components.schemas; define it with ${requiredMembers.join(", ")} (RFC 9457 Problem Details) or ${yours}`,
            at: at.at,
          });
          return;
        }
        const members = objectProperties(document, standard.resolved);
        const missing = requiredMembers.filter((member) => !members.has(member));
        if (missing.length > 0) {
          const at = document.child(standard.resolved, "properties") ?? standard.resolved;
          report({
            message: `error schema "${name}" does not declare ${missing.map((m) => `"${m}"`).join(", ")}; add ${missing.length === 1 ? "it" : "them"} under properties`,
            at: at.at,
          });
        }
        const list = options.listMember ? members.get(options.listMember) : undefined;
        if (list) checkListMember(list);
      },
    };

    function checkListMember(declared: Located): void {
      const list = document.resolve(declared);
      const items = document.child(list, "items");
      if (!allowsType(list.value, "array") || !items) {
        report({
          message: `"${options.listMember}" of error schema "${name}" must be an array of { ${options.itemMembers.join(", ")} } (one entry per invalid field)`,
          at: list.at,
        });
        return;
      }
      const itemMembers = objectProperties(document, items);
      const missing = options.itemMembers.filter((member) => !itemMembers.has(member));
      if (missing.length > 0) {
        const at = document.resolve(items);
        report({
          message: `items of "${options.listMember}" in error schema "${name}" do not declare ${missing.map((m) => `"${m}"`).join(", ")}; each validation failure needs ${options.itemMembers.join(", ")}`,
          at: at.at,
        });
      }
    }
  },
});
