// Which `oneOf`/`anyOf` branch each value of a schema's `discriminator` selects (OpenAPI 3.0.3 §4.7.24, 3.1
// §4.8.25): the `mapping` entries, whose targets are schema names or references, and, for every branch the
// mapping does not name, the implicit value: the name of the component schema the branch references. A body is
// then validated against the selected branch alone, so one that fits several branches through a shared base is
// still accepted by its discriminator value.
// A branch that fixes the property itself (`pet_type: { enum: [cat] }`, common in real specs) is selected by those
// values instead of its name, which it could never accept.
import type { RefResolver } from "./refs.js";

export interface DiscriminatorBranches {
  propertyName: string;
  /** The composition the discriminator selects in; replaced by the selection. */
  keyword: "oneOf" | "anyOf";
  /** In mapping order, then branch order; each value once. `ref` is an internal reference to the selected schema. */
  branches: { value: string; ref: string }[];
}

const SCHEMAS = "#/components/schemas/";

/**
 * The selection of `schema`, or undefined when it has none to make: no discriminator, no `oneOf`/`anyOf`, a
 * mapping target outside the document or missing from it, or a branch that no value can select (an inline branch not in the
 * mapping). Those keep the plain `oneOf`/`anyOf` rather than refusing every body of such a branch.
 */
export function discriminatorBranches(
  schema: Readonly<Record<string, unknown>>,
  refs: RefResolver,
): DiscriminatorBranches | undefined {
  const discriminator = schema.discriminator;
  if (!isObject(discriminator) || typeof discriminator.propertyName !== "string") return undefined;
  const keyword = Array.isArray(schema.oneOf) ? "oneOf" : Array.isArray(schema.anyOf) ? "anyOf" : undefined;
  if (keyword === undefined) return undefined;
  const members = schema[keyword] as unknown[];
  const branches: { value: string; ref: string }[] = [];
  const mapped = new Set<string>();
  const mapping = isObject(discriminator.mapping) ? discriminator.mapping : {};
  for (const [value, target] of Object.entries(mapping)) {
    if (typeof target !== "string") continue;
    const ref = target.startsWith("#") ? target : /^[\w.-]+$/.test(target) ? `${SCHEMAS}${target}` : undefined;
    // An external URL (bundling should have inlined it) or a schema the document lacks: nothing to select.
    if (ref === undefined || refs.resolve({ $ref: ref }) === undefined) return undefined;
    branches.push({ value, ref });
    mapped.add(ref);
  }
  for (const member of members) {
    const ref = isObject(member) && typeof member.$ref === "string" ? member.$ref : undefined;
    if (ref !== undefined && mapped.has(ref)) continue;
    if (ref === undefined || !ref.startsWith(SCHEMAS) || ref.slice(SCHEMAS.length).includes("/")) return undefined;
    const fixed = fixedValues(refs, member, discriminator.propertyName);
    for (const value of fixed.length > 0 ? fixed : [decodeToken(ref.slice(SCHEMAS.length))]) {
      if (!branches.some((branch) => branch.value === value)) branches.push({ value, ref });
    }
  }
  return branches.length === 0 ? undefined : { propertyName: discriminator.propertyName, keyword, branches };
}

/** The string values a branch's own `const`/`enum` allows for the property (through `$ref`s and `allOf`). */
function fixedValues(refs: RefResolver, branch: unknown, propertyName: string): string[] {
  const property = refs.resolve(refs.properties(branch).get(propertyName));
  if (property === undefined) return [];
  const values = property.const !== undefined ? [property.const] : Array.isArray(property.enum) ? property.enum : [];
  return values.filter((value): value is string => typeof value === "string");
}

function decodeToken(token: string): string {
  let text = token;
  try {
    text = decodeURIComponent(token);
  } catch {
    // not percent-encoded
  }
  return text.replace(/~1/g, "/").replace(/~0/g, "~");
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
