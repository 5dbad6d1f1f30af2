import type { Located } from "../../../load/index.js";
import { defineRule } from "../../rule.js";
import { optionsSchema, NON_EMPTY_STRING } from "../../option-schemas.js";
import { allowsType } from "./schema-type.js";

/**
 * §4: `sort` takes comma-separated keys with an optional direction sign (`-created_at,+name`) and `fields` a
 * comma-separated list of property names (partial response). A modest check: the parameter is a string (or an array
 * serialized with `explode: false`, which is the same comma list) and its syntax is written down, as a `pattern` or
 * `enum`, or in the description (a signed key such as `-name` or the word "descending" for sort; a comma or the word
 * "comma" for fields).
 */
export default defineRule({
  id: "rest/sort-fields-filter",
  description: "Query `sort` is documented as -field,+field and `fields` as a comma-separated list (§4).",
  recommended: "off",
  defaultOptions: { sortParameter: "sort", fieldsParameter: "fields" },
  optionsSchema: optionsSchema({ sortParameter: NON_EMPTY_STRING, fieldsParameter: NON_EMPTY_STRING }),
  create({ document, options, report }) {
    const checked = new Set<string>();
    const kinds = new Map([
      [
        options.sortParameter,
        {
          example: "-created_at,+name",
          documents: (text: string) => /(^|[\s`'"(,=])[-+][a-z_]/i.test(text) || /descending/i.test(text),
        },
      ],
      [options.fieldsParameter, { example: "id,name", documents: (text: string) => /comma|[a-z_],[a-z_]/i.test(text) }],
    ]);
    return {
      operation(operation) {
        for (const parameter of operation.parameters) {
          const kind = kinds.get(String(parameter.value.name));
          const key = `${parameter.at.file}#${parameter.at.pointer}`;
          if (!kind || parameter.value.in !== "query" || checked.has(key)) continue;
          checked.add(key);
          const name = String(parameter.value.name);
          const schema = resolvedChild(parameter, "schema");
          const items = schema && resolvedChild(schema, "items");
          const isCommaList =
            allowsType(schema?.value, "string") ||
            (allowsType(schema?.value, "array") &&
              parameter.value.explode === false &&
              allowsType(items?.value, "string"));
          if (!isCommaList) {
            report({
              message: `query parameter "${name}" must be one comma-separated string such as "${kind.example}" (type: string, or an array with explode: false)`,
              at: (schema ?? parameter).at,
            });
            continue;
          }
          const syntax =
            schema?.value.pattern !== undefined ||
            schema?.value.enum !== undefined ||
            items?.value.pattern !== undefined ||
            items?.value.enum !== undefined;
          const described = [parameter.value.description, schema?.value.description].some(
            (text) => typeof text === "string" && kind.documents(text),
          );
          if (!syntax && !described) {
            report({
              message: `query parameter "${name}" does not say its syntax; give a pattern or describe it with an example such as "${kind.example}"`,
              at: parameter.at,
            });
          }
        }
      },
    };

    function resolvedChild(owner: Located, key: string): Located<Record<string, unknown>> | undefined {
      const child = document.child(owner, key);
      if (!child) return undefined;
      const target = document.resolve(child);
      return target.value !== null && typeof target.value === "object"
        ? (target as Located<Record<string, unknown>>)
        : undefined;
    }
  },
});
