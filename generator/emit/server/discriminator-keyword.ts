// The ajv keyword that checks a discriminator's property (json-schema.ts's DISCRIMINATOR_KEYWORD), compiled into
// the standalone validators as plain code. ajv's own `discriminator` option does not fit OpenAPI: it refuses
// `mapping`, `anyOf` and implicit schema names, and its error names neither the property nor the allowed values.
import type { KeywordDefinition } from "ajv";
import codegenModule from "ajv/dist/compile/codegen/index.js";
import { DISCRIMINATOR_KEYWORD } from "../../../templates/runtime/server/json-schema.js";

// CommonJS: under NodeNext its default import is the module object.
const codegen = codegenModule as unknown as typeof import("ajv/dist/compile/codegen/index.js");
const { _, stringify } = codegen;

interface Selection {
  propertyName: string;
  values: string[];
}

/**
 * Fails an object whose property is missing or holds none of the selecting values. The error's params carry
 * `discriminator` (the property: runtime/server/validation.ts names the field by it) and `allowedValues`.
 */
export const discriminatorKeyword: KeywordDefinition = {
  keyword: DISCRIMINATOR_KEYWORD,
  type: "object",
  schemaType: "object",
  error: {
    message: "selects the variant; it must be one of the allowed values",
    params: ({ schema }) => {
      const { propertyName, values } = schema as Selection;
      return _`{discriminator: ${stringify(propertyName)}, allowedValues: ${stringify(values)}}`;
    },
  },
  code(cxt) {
    const { propertyName, values } = cxt.schema as Selection;
    const name = stringify(propertyName);
    cxt.fail(
      _`!(Object.prototype.hasOwnProperty.call(${cxt.data}, ${name}) && ${stringify(values)}.includes(${cxt.data}[${name}]))`,
    );
  },
};
