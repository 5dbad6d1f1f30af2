import type { Located, NodeRef, SpecDocument } from "../../../load/index.js";
import { describesJson } from "../../../facts/media-types.js";
import { isObject } from "../../operation-info.js";
import { defineRule, type JsonObject } from "../../rule.js";
import { ExampleValidator } from "./example-validator.js";

interface Options {
  /** Examples checked per document at most: a huge spec costs bounded time (the rest are left unchecked). */
  maxExamples: number;
}

/**
 * An example that contradicts its schema misleads readers of the docs, and mock servers and tests that replay it.
 * Checked where an example sits beside a schema: parameters and headers (OpenAPI 3.x §4.8.12, §4.8.21) and media
 * types (§4.8.14), in operations and in components, `example` and each `examples.<name>.value` (a `$ref` to
 * components.examples is followed, and the problem is reported there, at the first wrong value inside the example).
 * Media types that are not JSON (XML, text) are skipped: their examples are serialised strings, not schema instances.
 */
export default defineRule<Options>({
  id: "oas/examples-valid",
  description:
    "Parameter, header and media-type examples (example and examples.*.value, in operations and components) are valid against their schemas, with OpenAPI 3.0 or 3.1 (JSON Schema 2020-12) semantics.",
  recommended: "error",
  defaultOptions: { maxExamples: 2000 },
  optionsSchema: {
    type: "object",
    properties: { maxExamples: { type: "integer", minimum: 0 } },
    additionalProperties: false,
  },
  create({ document, options, report }) {
    const validator = new ExampleValidator(document);
    const checked = new Set<string>();
    const check = (schema: Located, example: Located, label: string) => {
      const key = `${schema.at.file}#${schema.at.pointer} ${example.at.file}#${example.at.pointer}`;
      if (checked.has(key) || checked.size >= options.maxExamples) return;
      checked.add(key);
      const error = validator.validate(schema.at, example.value);
      if (!error) return;
      const at = placeInside(document, example.at, error.instancePath);
      const where = error.instancePath === "" ? "" : ` at ${error.instancePath}`;
      report({
        message: `${label} does not match the schema${where}: ${error.message}; correct the example or the schema`,
        at,
      });
    };
    const checkHolder = (declared: Located, kind: "parameter" | "header" | "media") => {
      const holder = document.resolve(declared);
      if (!isObject(holder.value)) return;
      const schemaEntry = document.child(holder, "schema");
      if (schemaEntry) forEachExample(document, holder, (example, label) => check(schemaEntry, example, label));
      if (kind !== "media") forEachJsonMedia(document, holder, (media) => checkHolder(media, "media"));
    };
    const checkContainer = (declared: Located) => {
      const container = document.resolve(declared);
      forEachJsonMedia(document, container, (media) => checkHolder(media, "media"));
      const headers = document.child(container, "headers");
      if (headers && isObject(headers.value))
        for (const [, header] of document.children(headers)) checkHolder(header, "header");
    };
    const checkComponents = () => {
      const components = document.child(document.root, "components");
      if (!components || !isObject(components.value)) return;
      for (const [section, kind] of [
        ["parameters", "parameter"],
        ["headers", "header"],
      ] as const) {
        const entries = document.child(components, section);
        if (entries && isObject(entries.value))
          for (const [, entry] of document.children(entries)) checkHolder(entry, kind);
      }
      for (const section of ["requestBodies", "responses"]) {
        const entries = document.child(components, section);
        if (entries && isObject(entries.value))
          for (const [, entry] of document.children(entries)) checkContainer(entry);
      }
    };
    return {
      operation(operation) {
        for (const parameter of operation.parameters) checkHolder(parameter, "parameter");
        if (operation.requestBody) checkContainer(operation.requestBody);
        for (const { response } of operation.responses) checkContainer(response);
      },
      end() {
        checkComponents();
        validator.save();
      },
    };
  },
});

/** `example`, then each `examples.<name>.value` (behind its `$ref`); `externalValue` examples are not read. */
function forEachExample(
  document: SpecDocument,
  holder: Located,
  visit: (example: Located, label: string) => void,
): void {
  const example = document.child(holder, "example");
  if (example) visit(example, "the example");
  const examples = document.child(holder, "examples");
  if (!examples || !isObject(examples.value)) return;
  for (const [name, entry] of document.children(examples)) {
    const resolved = document.resolve(entry);
    const value = isObject(resolved.value) ? document.child(resolved, "value") : undefined;
    if (value) visit(value, `example "${name}"`);
  }
}

function forEachJsonMedia(document: SpecDocument, owner: Located, visit: (media: Located<JsonObject>) => void): void {
  const content = document.child(owner, "content");
  if (!content || !isObject(content.value)) return;
  for (const [mediaType, media] of document.children(content))
    if (describesJson(mediaType) && isObject(media.value)) visit(media as Located<JsonObject>);
}

/** The place of the mismatch inside the example when it is written there, else the example itself. */
function placeInside(document: SpecDocument, example: NodeRef, instancePath: string): NodeRef {
  if (instancePath === "") return example;
  const inside = { file: example.file, pointer: example.pointer + instancePath };
  return document.valueAt(inside) === undefined ? example : inside;
}
