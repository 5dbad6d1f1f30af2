// readOnly and writeOnly (OpenAPI 3.1 §4.8.24 via JSON Schema Validation §9.4): a readOnly property is sent by the
// server only, a writeOnly one by the client only, and `required` applies only where the property may appear. So a
// request type leaves out readOnly properties and a response type leaves out writeOnly ones, at any depth, through
// $ref and allOf. openapi-typescript 7.9 (the one pinned) only marks readOnly properties `readonly`; its later
// `--read-write-markers` brands them for openapi-fetch's helper types. Here each view is plain TypeScript instead:
// the schema is copied without the properties the view leaves out and given to openapi-typescript's own transform,
// and a reference to another schema whose view differs names that view's type.
//
// Named types: `Pet` is the response view (what the API returns); `PetInput` the request view, exported only for a
// schema whose two views differ (a schema without readOnly or writeOnly anywhere keeps one type, `Pet`). A name
// taken by another schema gets a number (`PetInput2`).
import { astToString, oapiRef, transformSchemaObject, type GlobalContext, type SchemaObject } from "openapi-typescript";
import ts from "typescript";
import type { ApiModel } from "../../model/ir.js";
import { escapePointerToken, getAtPointer, parsePointer } from "../../load/json-pointer.js";
import { typesInput, type TypesInput } from "../types.js";

export type View = "request" | "response";

/** The keyword a view leaves out. */
const HIDDEN: Record<View, "readOnly" | "writeOnly"> = { request: "readOnly", response: "writeOnly" };
/** Values that are data, not subschemas. */
const DATA_KEYWORDS = new Set(["example", "examples", "enum", "const", "default"]);
const COMPONENT_SCHEMA = /^#\/components\/schemas\/([^/]+)$/;
/** Marks an object the view left no property of: `{}` (openapi-typescript would write `Record<string, never>`, which
 * no member of an allOf could then add a property to). */
const NO_PROPERTIES_LEFT = "x-specwright-no-properties-left";

export interface Visibility {
  /** Whether any schema has a view that differs (else client.ts and schemas.ts stay as without this module). */
  any: boolean;
  /** schemas.ts: `export type` lines of every schema (both views where they differ). */
  schemaTypes: { name: string; type: string }[];
  /** Declarations schemas.ts needs for the types rendered so far (call it after every bodyType). */
  helperTypes(): string[];
  /** The type of a body schema in `view` for client.ts (`schemas$.PetInput`), or null when the view changes nothing. */
  bodyType(pointer: string, view: View): string | null;
}

/** openapi-typescript's WithRequired (the footer of types.ts), for a view that names a member with required names. */
const WITH_REQUIRED = "export type WithRequired$<T, K extends keyof T> = T & { [P in K]-?: T[P] };";

type Node = Record<string, unknown>;
const isNode = (value: unknown): value is Node => typeof value === "object" && value !== null && !Array.isArray(value);

function componentName(ref: unknown): string | undefined {
  const match = typeof ref === "string" ? COMPONENT_SCHEMA.exec(ref) : null;
  if (!match?.[1]) return undefined;
  try {
    return parsePointer(`/${decodeURIComponent(match[1])}`)[0];
  } catch {
    return undefined;
  }
}

export function visibility(
  model: ApiModel,
  bundledDoc: Readonly<Record<string, unknown>>,
  types: TypesInput = typesInput(bundledDoc),
): Visibility {
  const { document } = types;
  const schemas = (((document.components ?? {}) as Node).schemas ?? {}) as Record<string, unknown>;
  const ctx: GlobalContext = {
    ...types.context,
    // openapi-typescript's hook for a schema's own type (it then still adds allOf, anyOf, oneOf and nullable).
    transform: (schema) =>
      (schema as Node)[NO_PROPERTIES_LEFT] === true ? ts.factory.createTypeLiteralNode([]) : undefined,
  };

  /** A property the view leaves out: flagged itself, or a $ref to a schema flagged at its root. */
  const hidden = (property: unknown, view: View): boolean => {
    if (!isNode(property)) return false;
    if (property[HIDDEN[view]] === true) return true;
    const target = componentName(property.$ref);
    return target !== undefined && isNode(schemas[target]) && (schemas[target] as Node)[HIDDEN[view]] === true;
  };

  /** A copy without the properties `view` leaves out (refs not followed); `removed` counts them. */
  const strip = (node: unknown, view: View, removed: { count: number }): unknown => {
    if (Array.isArray(node)) return node.map((item) => strip(item, view, removed));
    if (!isNode(node)) return node;
    const copy: Node = {};
    for (const [key, value] of Object.entries(node)) {
      if (DATA_KEYWORDS.has(key)) copy[key] = value;
      else if (key === "properties" && isNode(value)) {
        const kept = Object.entries(value).filter(([, property]) => !(hidden(property, view) && ++removed.count));
        copy[key] = Object.fromEntries(kept.map(([name, property]) => [name, strip(property, view, removed)]));
      } else copy[key] = strip(value, view, removed);
    }
    if (
      isNode(node.properties) &&
      Object.keys(node.properties).length > 0 &&
      isNode(copy.properties) &&
      Object.keys(copy.properties).length === 0 &&
      node.additionalProperties === undefined &&
      node.patternProperties === undefined
    ) {
      copy[NO_PROPERTIES_LEFT] = true;
    }
    if (Array.isArray(copy.required)) {
      // A required name the view left out is not required there (it never appears): one of this schema's own
      // properties, or one an allOf member it refers to declares (openapi-typescript types those as
      // `WithRequired<Member, name>`, which needs the name in the member's view).
      const own = isNode(node.properties) ? node.properties : {};
      const left = (name: string) => Object.prototype.hasOwnProperty.call(own, name) && hidden(own[name], view);
      const members = Array.isArray(node.allOf)
        ? node.allOf.map((member) => (isNode(member) ? componentName(member.$ref) : undefined))
        : [];
      const leftByMember = (name: string) =>
        members.some((target) => {
          const properties = target === undefined ? undefined : (schemas[target] as Node | undefined)?.properties;
          return (
            isNode(properties) &&
            Object.prototype.hasOwnProperty.call(properties, name) &&
            hidden(properties[name], view)
          );
        });
      copy.required = copy.required.filter((name) => typeof name !== "string" || !(left(name) || leftByMember(name)));
    }
    return copy;
  };

  const refsOf = (node: unknown, into: Set<string>): Set<string> => {
    if (Array.isArray(node)) node.forEach((item) => refsOf(item, into));
    else if (isNode(node)) {
      const name = componentName(node.$ref);
      if (name !== undefined) into.add(name);
      for (const [key, value] of Object.entries(node)) if (!DATA_KEYWORDS.has(key)) refsOf(value, into);
    }
    return into;
  };

  /** Schemas whose `view` differs from the schema as written: directly, or through a schema they refer to. */
  const differing = (view: View): Set<string> => {
    const found = new Set(
      Object.keys(schemas).filter((name) => {
        const removed = { count: 0 };
        strip(schemas[name], view, removed);
        return removed.count > 0;
      }),
    );
    const refs = new Map(Object.keys(schemas).map((name) => [name, refsOf(schemas[name], new Set())]));
    for (let grew = true; grew; ) {
      grew = false;
      for (const [name, targets] of refs) {
        if (!found.has(name) && [...targets].some((target) => found.has(target))) {
          found.add(name);
          grew = true;
        }
      }
    }
    return found;
  };
  const changed: Record<View, Set<string>> = { request: differing("request"), response: differing("response") };

  const safeName = new Map(model.schemas.map((schema) => [schema.rawName, schema.safeName]));
  const taken = new Set(model.schemas.map((schema) => schema.safeName));
  const inputName = new Map<string, string>();
  for (const schema of model.schemas) {
    if (!changed.request.has(schema.rawName) && !changed.response.has(schema.rawName)) continue;
    const wanted = `${schema.safeName}Input`;
    let name = wanted;
    for (let n = 2; taken.has(name); n++) name = `${wanted}${n}`;
    taken.add(name);
    inputName.set(schema.rawName, name);
  }
  const viewName = (raw: string, view: View) => (view === "request" ? inputName.get(raw) : safeName.get(raw));

  let usesWithRequired = false;
  const componentType = (raw: string) => astToString(oapiRef(`#/components/schemas/${escapePointerToken(raw)}`)).trim();
  /** The TypeScript type of `schema` in `view`: references to a schema whose view differs name that view's type. */
  const render = (schema: unknown, pointer: string, view: View, prefix: string): string => {
    const removed = { count: 0 };
    let text = astToString(
      transformSchemaObject(strip(schema, view, removed) as SchemaObject, { path: pointer, ctx }),
    ).trim();
    // types.ts declares openapi-typescript's WithRequired for itself only: schemas.ts declares its own (WITH_REQUIRED).
    if (/\bWithRequired</.test(text)) {
      usesWithRequired = true;
      text = text.replace(/\bWithRequired</g, `${prefix}WithRequired$<`);
    }
    for (const raw of changed[view]) {
      const name = viewName(raw, view);
      if (name !== undefined) text = text.split(componentType(raw)).join(prefix + name);
    }
    return text;
  };

  const schemaTypes: { name: string; type: string }[] = [];
  for (const schema of model.schemas) {
    const pointer = `#/components/schemas/${escapePointerToken(schema.rawName)}`;
    const asWritten = `components["schemas"][${JSON.stringify(schema.rawName)}]`;
    schemaTypes.push({
      name: schema.safeName,
      type: changed.response.has(schema.rawName) ? render(schemas[schema.rawName], pointer, "response", "") : asWritten,
    });
    const input = inputName.get(schema.rawName);
    if (input !== undefined)
      schemaTypes.push({
        name: input,
        type: changed.request.has(schema.rawName) ? render(schemas[schema.rawName], pointer, "request", "") : asWritten,
      });
  }

  return {
    any: inputName.size > 0,
    schemaTypes,
    helperTypes: () => (usesWithRequired ? [WITH_REQUIRED] : []),
    bodyType(pointer, view) {
      if (inputName.size === 0) return null;
      const schema = resolveAlong(document, pointer);
      if (!isNode(schema)) return null;
      const direct = componentName(schema.$ref);
      if (direct !== undefined) return changed[view].has(direct) ? `schemas$.${viewName(direct, view)}` : null;
      const removed = { count: 0 };
      strip(schema, view, removed);
      if (removed.count === 0 && ![...refsOf(schema, new Set())].some((name) => changed[view].has(name))) return null;
      return render(schema, pointer, view, "schemas$.");
    },
  };
}

/** The node at a JSON pointer, following a `$ref` met on the way (a request body or response kept as a reference). */
function resolveAlong(document: Record<string, unknown>, pointer: string): unknown {
  let node: unknown = document;
  for (const token of parsePointer(pointer.replace(/^#/, ""))) {
    for (
      let hops = 0;
      isNode(node) && typeof node.$ref === "string" && node.$ref.startsWith("#/") && hops < 10;
      hops++
    ) {
      node = getAtPointer(document, parsePointer(node.$ref.slice(1)));
    }
    if (!isNode(node) && !Array.isArray(node)) return undefined;
    node = (node as Record<string, unknown>)[token];
  }
  return node;
}
