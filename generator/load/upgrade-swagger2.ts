import { createRequire } from "node:module";
import { isObject as isRecord } from "../facts/json-object.js";

const require = createRequire(import.meta.url);

interface Swagger2OpenApi {
  convertObj(spec: unknown, options: Record<string, unknown>): Promise<{ openapi: Record<string, unknown> }>;
}

/** Upgrades an OpenAPI 2.0 (Swagger) document to 3.0 so that every later stage reads one shape. */
export async function upgradeSwagger2(swagger: unknown): Promise<Record<string, unknown>> {
  const swagger2openapi = require("swagger2openapi") as Swagger2OpenApi; // loaded only for 2.0 documents
  const source = structuredClone(swagger);
  const standIn = renameProtoDefinition(source);
  const result = await swagger2openapi.convertObj(source, {
    patch: true,
    warnOnly: true,
    resolve: false,
    direct: false,
  });
  if (standIn !== undefined) restoreProtoSchema(result.openapi, standIn);
  return result.openapi;
}

const PROTO = "__proto__";

/**
 * swagger2openapi keeps schema names in plain objects (`names[name] = newName`): a definition named `__proto__`
 * vanishes, and every `$ref` to it becomes `#/components/schemas/[object Object]` (types.ts then fails with TS2339).
 * Such a definition goes through the upgrade under a stand-in name; returns that name, if there was one.
 */
function renameProtoDefinition(swagger: unknown): string | undefined {
  const definitions = isRecord(swagger) ? swagger.definitions : undefined;
  if (!isRecord(definitions) || !Object.hasOwn(definitions, PROTO)) return undefined;
  let standIn = "specwright_proto";
  while (Object.hasOwn(definitions, standIn)) standIn += "_";
  renameKey(definitions, PROTO, standIn);
  rewriteRefs(swagger, `#/definitions/${PROTO}`, `#/definitions/${standIn}`);
  return standIn;
}

/** Gives the stand-in schema its name back, in place, and points the `$ref`s (and discriminator mappings) at it. */
function restoreProtoSchema(openapi: Record<string, unknown>, standIn: string): void {
  const components = openapi.components;
  const schemas = isRecord(components) ? components.schemas : undefined;
  if (!isRecord(schemas) || !Object.hasOwn(schemas, standIn)) return;
  renameKey(schemas, standIn, PROTO);
  rewriteRefs(openapi, `#/components/schemas/${standIn}`, `#/components/schemas/${PROTO}`);
}

/** Renames `from` to `to` keeping the key order; `to` becomes an own data property even when it is `__proto__`. */
function renameKey(target: Record<string, unknown>, from: string, to: string): void {
  const entries = Object.entries(target).map(([key, value]) => [key === from ? to : key, value] as const);
  for (const key of Object.keys(target)) delete target[key];
  for (const [key, value] of entries)
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Rewrites every reference to `from` (or into it: `from/properties/id`) as one to `to`: `$ref`s and `mapping` values. */
function rewriteRefs(root: unknown, from: string, to: string): void {
  const rewrite = (ref: string) => (ref === from || ref.startsWith(`${from}/`) ? to + ref.slice(from.length) : ref);
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (Array.isArray(node)) for (const item of node) stack.push(item);
    else if (isRecord(node)) {
      if (typeof node.$ref === "string") node.$ref = rewrite(node.$ref);
      const mapping = isRecord(node.discriminator) ? node.discriminator.mapping : undefined;
      if (isRecord(mapping))
        for (const [key, value] of Object.entries(mapping))
          if (typeof value === "string") mapping[key] = rewrite(value);
      for (const value of Object.values(node)) stack.push(value);
    }
  }
}

const COMPONENT_SECTIONS: Record<string, string> = {
  schemas: "definitions",
  parameters: "parameters",
  responses: "responses",
  securitySchemes: "securityDefinitions",
};

/**
 * Maps a pointer into the upgraded 3.0 document to the place in the 2.0 source that produced it. Where the shapes
 * differ (request bodies, servers) it stops at the nearest common ancestor, which `locate` then reports.
 */
export function swagger2Pointer(pointer: string): string {
  const component = /^\/components\/(schemas|parameters|responses|securitySchemes)(\/.*)?$/.exec(pointer);
  if (component) return `/${COMPONENT_SECTIONS[component[1]!]}${component[2] ?? ""}`;
  if (pointer.startsWith("/servers")) return "/host";
  return pointer.replace(/\/content\/[^/]+\/schema/, "/schema").replace(/\/requestBody.*$/, "/parameters");
}
