import { defineRule } from "../../rule.js";
import { NO_OPTIONS } from "../../option-schemas.js";
import { literalPart, pathSegments } from "./path-segments.js";
import { camelCase, splitWords } from "./words.js";

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Every operation has an operationId that is unique in the document and a valid identifier: the generators name a
 * client method and a server handler after it, and must never emit two with one name.
 */
export default defineRule({
  id: "rest/operation-id",
  description:
    "Every operation has an operationId, unique in the document and a valid identifier (letters, digits, _).",
  recommended: "warn",
  defaultOptions: {},
  optionsSchema: NO_OPTIONS,
  create({ document, report }) {
    const firstUse = new Map<string, string>();
    return {
      operation(operation) {
        const where = `${operation.method.toUpperCase()} ${operation.path}`;
        const declared = document.child(operation.node, "operationId");
        const id = declared?.value;
        if (!declared || typeof id !== "string" || id === "") {
          report({
            message: `${where} has no operationId; add one such as "${suggestId(operation.method, operation.path)}"`,
            at: (declared ?? operation.node).at,
          });
          return;
        }
        if (!IDENTIFIER.test(id)) {
          report({
            message: `operationId "${id}" is not a valid identifier; use letters, digits and _ only, e.g. "${identifierFrom(splitWords(id))}"`,
            at: declared.at,
          });
        }
        const other = firstUse.get(id);
        if (other)
          report({
            message: `operationId "${id}" is also used by ${other}; operationIds must be unique`,
            at: declared.at,
          });
        else firstUse.set(id, where);
      },
    };
  },
});

/** `get /pets/{pet_id}/vaccinations` -> `getPetsVaccinations`: a readable starting point, not a final name. */
function suggestId(method: string, path: string): string {
  const words = pathSegments(path)
    .filter((s) => !s.isParam && !s.isVersion)
    .flatMap((s) => splitWords(literalPart(s.text)));
  return identifierFrom([method, ...words]);
}

function identifierFrom(words: readonly string[]): string {
  const id = camelCase(words);
  return /^[0-9]/.test(id) ? `_${id}` : id;
}
