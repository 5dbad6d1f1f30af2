import type { Located, SpecDocument } from "../load/index.js";
import { isObject, type OperationInfo } from "../conventions/operation-info.js";
import type { JsonObject } from "../conventions/rule.js";
import { prefix, type DiffContext } from "./context.js";
import type { OperationKey } from "./types.js";
import { accepts, type Channel } from "./schema-types.js";
import type { SchemaChange } from "./view-comparison.js";

interface Parameter {
  name: string;
  location: string;
  node: Located<JsonObject>;
}

/** Parameters are matched by location and name; path parameters by position, so renaming `{id}` is not a change. */
export function compareParameters(
  context: DiffContext,
  before: OperationInfo,
  after: OperationInfo,
  operation: OperationKey,
): void {
  const oldParameters = keyed(before);
  const newParameters = keyed(after);
  const head = prefix(operation);
  for (const [key, parameter] of oldParameters) {
    const counterpart = newParameters.get(key);
    if (counterpart) {
      compareParameter(context, parameter, counterpart, operation);
      continue;
    }
    const moved = [...newParameters].find(
      ([newKey, candidate]) => candidate.name === parameter.name && !oldParameters.has(newKey),
    );
    if (moved) {
      newParameters.delete(moved[0]);
      context.report(
        "param-location-changed",
        `${head}parameter \`${parameter.name}\` moved from ${parameter.location} to ${moved[1].location}`,
        { operation, old: parameter.node.at, new: moved[1].node.at },
      );
      continue;
    }
    context.report("param-removed", `${head}${label(parameter)} removed`, {
      operation,
      old: parameter.node.at,
      new: after.node.at,
    });
  }
  for (const [key, parameter] of newParameters) {
    if (oldParameters.has(key)) continue;
    if (isRequired(parameter))
      context.report("param-required-added", `${head}required ${label(parameter)} added`, {
        operation,
        new: parameter.node.at,
      });
    else
      context.report("param-optional-added", `${head}optional ${label(parameter)} added`, {
        operation,
        new: parameter.node.at,
      });
  }
}

function compareParameter(context: DiffContext, before: Parameter, after: Parameter, operation: OperationKey): void {
  const head = prefix(operation);
  const where = { operation, old: before.node.at, new: after.node.at };
  if (!isRequired(before) && isRequired(after))
    context.report("param-became-required", `${head}${label(after)} became required`, where);
  if (isRequired(before) && !isRequired(after))
    context.report("param-became-optional", `${head}${label(after)} became optional`, where);
  const oldSchema = schemaOf(context.oldDoc, before.node);
  const newSchema = schemaOf(context.newDoc, after.node);
  // Style and explode only change how arrays and objects are written; a single value looks the same in every style.
  const types = oldSchema && context.schemas.oldView(oldSchema).types;
  if (!types || types.has("array") || types.has("object")) {
    const [oldStyle, newStyle] = [styleOf(before), styleOf(after)];
    if (oldStyle !== newStyle)
      context.report(
        "param-style-changed",
        `${head}${label(after)} style changed from ${oldStyle} to ${newStyle}`,
        where,
      );
    const [oldExplode, newExplode] = [explodeOf(before), explodeOf(after)];
    if (oldExplode !== newExplode)
      context.report(
        "param-explode-changed",
        `${head}${label(after)} explode changed from ${oldExplode} to ${newExplode}`,
        where,
      );
  }
  if (!before.node.value.deprecated && after.node.value.deprecated === true)
    context.report("param-deprecated", `${head}${label(after)} deprecated`, where);
  if (!oldSchema || !newSchema) return;
  const channel = channelOf(before.node) === "text" && channelOf(after.node) === "text" ? "text" : "json";
  const repeated = channel === "text" && becameRepeatable(context, before, after, oldSchema, newSchema);
  if (repeated) {
    // form + explode writes an array as the name repeated (`?tag=a&tag=b`, OpenAPI 3.1 §4.8.12.4): a request with
    // one value is also a one-item array, so every old request is still valid. Only the item schema can narrow it.
    const widened: SchemaChange = {
      kind: "type-widened",
      path: "",
      detail: `type widened from a single value to an array of values (${styleOf(after)}, explode)`,
      old: oldSchema.at,
      new: newSchema.at,
    };
    context.reportSchemaChanges(
      "param",
      label(after),
      [widened, ...context.schemas.compare(oldSchema, repeated, "request", "text")],
      operation,
    );
    return;
  }
  context.reportSchemaChanges(
    "param",
    label(after),
    context.schemas.compare(oldSchema, newSchema, "request", channel),
    operation,
  );
}

/** The item schema when a single-valued form/explode parameter became an array of items that accept the old value. */
function becameRepeatable(
  context: DiffContext,
  before: Parameter,
  after: Parameter,
  oldSchema: Located,
  newSchema: Located,
): Located | undefined {
  if (styleOf(before) !== "form" || styleOf(after) !== "form" || !explodeOf(after)) return undefined;
  const oldTypes = context.schemas.oldView(oldSchema).types;
  const newView = context.schemas.newView(newSchema);
  if (
    !oldTypes ||
    oldTypes.has("array") ||
    oldTypes.has("object") ||
    !newView.types?.has("array") ||
    newView.types.size !== 1 ||
    !newView.items
  )
    return undefined;
  const itemTypes = context.schemas.newView(newView.items).types;
  return itemTypes && [...oldTypes].every((type) => accepts(itemTypes, type, "text")) ? newView.items : undefined;
}

/** A parameter described by `schema` travels as text; one described by `content` is that media type (JSON). */
function channelOf(node: Located<JsonObject>): Channel {
  return node.value.schema !== undefined ? "text" : "json";
}

function keyed(operation: OperationInfo): Map<string, Parameter> {
  const pathNames = [...operation.path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]);
  const result = new Map<string, Parameter>();
  for (const node of operation.parameters) {
    const name = String(node.value.name);
    const location = String(node.value.in);
    const position = pathNames.indexOf(name);
    const key =
      location === "path" && position >= 0
        ? `path#${position}`
        : `${location}:${location === "header" ? name.toLowerCase() : name}`;
    result.set(key, { name, location, node });
  }
  return result;
}

function label(parameter: Parameter): string {
  return `${parameter.location} parameter \`${parameter.name}\``;
}

function isRequired(parameter: Parameter): boolean {
  return parameter.node.value.required === true || parameter.location === "path";
}

function styleOf(parameter: Parameter): string {
  const style = parameter.node.value.style;
  if (typeof style === "string") return style;
  return parameter.location === "query" || parameter.location === "cookie" ? "form" : "simple";
}

function explodeOf(parameter: Parameter): boolean {
  const explode = parameter.node.value.explode;
  return typeof explode === "boolean" ? explode : styleOf(parameter) === "form";
}

/** The parameter's schema, or that of its single `content` entry. */
function schemaOf(document: SpecDocument, node: Located<JsonObject>): Located | undefined {
  const schema = document.child(node, "schema");
  if (schema) return schema;
  const content = document.child(node, "content");
  const first = content ? document.children(content)[0] : undefined;
  return first && isObject(first[1].value) ? document.child(first[1], "schema") : undefined;
}
