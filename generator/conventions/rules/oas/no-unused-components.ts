import { NO_OPTIONS } from "./operation-text.js";
import { escapePointerToken, refOf, type Located, type SpecDocument } from "../../../load/index.js";
import { isObject } from "../../operation-info.js";
import { defineRule } from "../../rule.js";

/** The component sections a `$ref` (or, for security schemes, a security requirement) can use. */
const SECTIONS = [
  "schemas",
  "parameters",
  "responses",
  "requestBodies",
  "headers",
  "examples",
  "securitySchemes",
] as const;

/**
 * A component nothing refers to is dead weight in docs and generated code, and often the trace of a rename that missed
 * a place. Uses are `$ref`s in every file the document spans (resolved against the file they are written in, so a
 * shared file referring back to the root counts), discriminator mapping values (a ref or a bare schema name, OpenAPI
 * 3.x §4.8.25) and, for security schemes, the names in security requirements.
 */
export default defineRule({
  id: "oas/no-unused-components",
  description:
    "Every component (schemas, parameters, responses, requestBodies, headers, examples, securitySchemes) is referenced somewhere.",
  recommended: "warn",
  defaultOptions: {},
  optionsSchema: NO_OPTIONS,
  create({ document, report }) {
    return {
      end() {
        const components = document.child(document.root, "components");
        // A components-only document is a library for others to reference, not an API with unused parts.
        if (!components || !isObject(components.value) || !hasOperations(document)) return;
        const used = usedPlaces(document);
        for (const section of SECTIONS) {
          const entries = document.child(components, section);
          if (!entries || !isObject(entries.value)) continue;
          for (const [name, entry] of document.children(entries)) {
            if (section === "securitySchemes" ? used.schemeNames.has(name) : isReferenced(document, used.refs, entry))
              continue;
            report({
              message: `components.${section}.${name} is not referenced anywhere; remove it, or reference it ($ref: "#/components/${section}/${escapePointerToken(name)}")`,
              at: entry.at,
            });
          }
        }
      },
    };
  },
});

function hasOperations(document: SpecDocument): boolean {
  const { paths, webhooks } = document.root.value;
  return (isObject(paths) && Object.keys(paths).length > 0) || (isObject(webhooks) && Object.keys(webhooks).length > 0);
}

/**
 * Referenced itself, or an alias (`Pet: { $ref: schemas/pet.yaml#/Pet }`) of a definition that something besides the
 * alias references: multi-file specs often name shared files in the root's components and refer to the files directly.
 */
function isReferenced(document: SpecDocument, refs: ReadonlyMap<string, number>, entry: Located): boolean {
  if ((refs.get(`${entry.at.file}#${entry.at.pointer}`) ?? 0) > 0) return true;
  const ref = refOf(entry.value);
  const target = ref === undefined ? undefined : document.resolveRef(entry.at.file, ref);
  return target !== undefined && (refs.get(`${target.file}#${target.pointer}`) ?? 0) > 1;
}

interface Uses {
  /**
   * `file#pointer` of every place a `$ref` or mapping value points at, and of the component it points into
   * (`#/components/schemas/Pet/properties/id` uses Pet).
   */
  refs: Map<string, number>;
  schemeNames: Set<string>;
}

function usedPlaces(document: SpecDocument): Uses {
  const uses: Uses = { refs: new Map(), schemeNames: new Set() };
  const count = (key: string) => uses.refs.set(key, (uses.refs.get(key) ?? 0) + 1);
  const schemas = document.root.value.components;
  const schemaNames = new Set(isObject(schemas) && isObject(schemas.schemas) ? Object.keys(schemas.schemas) : []);
  const add = (from: string, ref: string) => {
    const target = document.resolveRef(from, ref);
    if (!target) return;
    count(`${target.file}#${target.pointer}`);
    const component = target.pointer.split("/").slice(0, 4).join("/");
    if (target.pointer.startsWith("/components/") && component !== target.pointer) count(`${target.file}#${component}`);
  };
  for (const [file, source] of document.files) {
    const stack: Array<{ value: unknown; key: string | undefined }> = [{ value: source.value, key: undefined }];
    while (stack.length > 0) {
      const { value, key } = stack.pop()!;
      if (Array.isArray(value)) {
        // A security requirement list: `security: [{ api_key: [] }]`.
        if (key === "security")
          for (const requirement of value)
            if (isObject(requirement)) for (const name of Object.keys(requirement)) uses.schemeNames.add(name);
        for (const item of value)
          if (item !== null && typeof item === "object") stack.push({ value: item, key: undefined });
        continue;
      }
      if (!isObject(value)) continue;
      if (typeof value.$ref === "string") add(file, value.$ref);
      if (key === "discriminator" && isObject(value.mapping)) {
        for (const target of Object.values(value.mapping)) {
          if (typeof target !== "string") continue;
          // A bare name is a schema of the root document's components (§4.8.25.2); anything else is a reference.
          if (schemaNames.has(target)) count(`${document.rootFile}#/components/schemas/${escapePointerToken(target)}`);
          else add(file, target);
        }
      }
      for (const [member, child] of Object.entries(value))
        if (child !== null && typeof child === "object") stack.push({ value: child, key: member });
    }
  }
  return uses;
}
