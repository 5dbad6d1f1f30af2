import type { Located } from "../../../load/index.js";
import { isObject } from "../../operation-info.js";
import { defineRule } from "../../rule.js";
import { optionsSchema, STRING_LIST } from "../../option-schemas.js";
import { camelCase, splitWords } from "./words.js";

type Casing = "snake" | "camel";

const PATTERNS: Record<Casing, RegExp> = {
  snake: /^[a-z0-9]+(_[a-z0-9]+)*$/,
  camel: /^[a-z][a-zA-Z0-9]*$/,
};

/**
 * §9: JSON property names and query parameter names follow one casing, snake_case by default (`page_size`, not
 * `pageSize`); `settings.casing.properties` or the `casing` option switch to camelCase. Names starting with an
 * ignored prefix (`x-`, `$`, `@`: extensions, JSON Schema and JSON-LD keywords) pass; headers and path parameters are
 * not checked. Query names in bracket or dot notation (`filter[created_at]`) are checked part by part.
 */
export default defineRule({
  id: "rest/property-casing",
  description: "JSON property and query parameter names are snake_case (or camelCase, by settings.casing.properties).",
  recommended: "warn",
  defaultOptions: {
    /** `snake` or `camel` overrides settings.casing.properties for this rule; `settings` follows it. */
    casing: "settings" as Casing | "settings",
    ignorePrefixes: ["x-", "$", "@"],
  },
  optionsSchema: optionsSchema({ casing: { enum: ["settings", "snake", "camel"] }, ignorePrefixes: STRING_LIST }),
  create({ document, settings, options, report }) {
    const casing: Casing =
      options.casing === "snake" || options.casing === "camel" ? options.casing : settings.casing.properties;
    const pattern = PATTERNS[casing];
    const checkedParameters = new Set<string>();
    const accepts = (name: string): boolean =>
      options.ignorePrefixes.some((prefix) => name.startsWith(prefix)) ||
      name.split(/[[\].]/).every((part) => part === "" || pattern.test(part));
    /** Reports `name` at `owner[key]` when it is in the wrong casing; the place is only built for a problem. */
    const check = (kind: string, name: string, owner: Located, key: string): void => {
      if (!accepts(name))
        report({
          message: `${kind} "${name}" is not ${casing === "snake" ? "snake_case" : "camelCase"}; rename it "${recase(name, casing)}"`,
          at: document.child(owner, key)!.at,
        });
    };
    return {
      operation(operation) {
        for (const parameter of operation.parameters) {
          const key = `${parameter.at.file}#${parameter.at.pointer}`;
          if (parameter.value.in !== "query" || typeof parameter.value.name !== "string" || checkedParameters.has(key))
            continue;
          checkedParameters.add(key);
          check("query parameter", parameter.value.name, parameter, "name");
        }
      },
      // Property names are read from each schema's `properties` map rather than from `propertyName`: the walk visits a
      // `$ref`'d property schema once, at its target, so the name under which it is referenced would be lost.
      schema({ schema }) {
        const properties = document.child(schema, "properties");
        if (!properties || !isObject(properties.value)) return;
        for (const name of Object.keys(properties.value)) check("property", name, properties, name);
      },
    };
  },
});

/** The suggested name: each part (between brackets and dots) split into words and joined in the wanted casing. */
function recase(name: string, casing: Casing): string {
  return name.replace(/[^[\].]+/g, (part) => {
    const words = splitWords(part);
    return casing === "snake" ? words.join("_") : camelCase(words);
  });
}
