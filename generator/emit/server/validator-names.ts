// Names of the shared validators, from what each checks, so that server.ts reads `bodyValidators.PetBody` and
// `paramValidators.PageSizePageTokenQuery`, whichever operation met the schema first. Identical schemas share
// one validator (validators.ts), and identical schemas get the same name here: a name never depends on the
// operations using it. The suffix (`Body`, `Query`...) keeps a spec name such as `Math` or `JSON` from shadowing
// a global of the module ajv's code runs in. Collisions (same names, different schemas) are numbered in
// operation order, which the IR fixes.
import type { JsonSchema, Parameter, ParamLocation, SchemaDef } from "../../model/ir.js";
import { pascalIdentifier } from "../../model/identifiers.js";

/** Names listed in full up to this many; beyond, the first ones and how many more. */
const NAMED_PARTS = 3;

const LOCATION_SUFFIX: Record<ParamLocation, string> = {
  path: "Path",
  query: "Query",
  header: "Header",
  cookie: "Cookie",
};

/** `PetIdPath`, `PageSizePageTokenQuery`, `AcceptLanguageHeader`; `PerPagePageSinceAnd2MoreQuery` past NAMED_PARTS. */
export function parametersValidatorName(params: readonly Parameter[], location: ParamLocation): string {
  return `${listed(params.map((param) => pascalIdentifier(param.rawName, "Param")))}${LOCATION_SUFFIX[location]}`;
}

/**
 * A body schema's validator: its component's name (`PetBody`); an inline schema by its shape: the properties it
 * declares (`NameTagBody`), the component its array holds (`PetListBody`), else its type (`StringBody`).
 */
export function bodyValidatorName(
  schema: JsonSchema,
  schemaName: string | null,
  schemas: readonly SchemaDef[],
): string {
  return `${schemaName !== null ? componentName(schemaName, schemas) : shapeName(schema, schemas)}Body`;
}

function componentName(rawName: string, schemas: readonly SchemaDef[]): string {
  return schemas.find((def) => def.rawName === rawName)?.safeName ?? pascalIdentifier(rawName, "Schema");
}

function shapeName(schema: JsonSchema, schemas: readonly SchemaDef[]): string {
  const properties = schema.properties;
  if (typeof properties === "object" && properties !== null && Object.keys(properties).length > 0) {
    return listed(Object.keys(properties).map((name) => pascalIdentifier(name, "Property")));
  }
  const items = schema.items;
  if (typeof items === "object" && items !== null && !Array.isArray(items)) {
    const ref = (items as JsonSchema).$ref;
    const component = typeof ref === "string" ? /^#\/components\/schemas\/([^/]+)$/.exec(ref)?.[1] : undefined;
    return `${component === undefined ? shapeName(items as JsonSchema, schemas) : componentName(decodeToken(component), schemas)}List`;
  }
  return typeof schema.type === "string" ? pascalIdentifier(schema.type, "Any") : "Any";
}

function listed(names: readonly string[]): string {
  if (names.length <= NAMED_PARTS) return names.join("");
  return `${names.slice(0, NAMED_PARTS).join("")}And${names.length - NAMED_PARTS}More`;
}

/** A JSON pointer token of a URI fragment (RFC 6901 §6): percent-decoded, then `~1` and `~0`. */
function decodeToken(token: string): string {
  let decoded = token;
  try {
    decoded = decodeURIComponent(token);
  } catch {
    // kept as written: a name, not a lookup
  }
  return decoded.replace(/~1/g, "/").replace(/~0/g, "~");
}
