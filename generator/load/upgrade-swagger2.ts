import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

interface Swagger2OpenApi {
  convertObj(spec: unknown, options: Record<string, unknown>): Promise<{ openapi: Record<string, unknown> }>;
}

/** Upgrades an OpenAPI 2.0 (Swagger) document to 3.0 so that every later stage reads one shape. */
export async function upgradeSwagger2(swagger: unknown): Promise<Record<string, unknown>> {
  const swagger2openapi = require("swagger2openapi") as Swagger2OpenApi; // loaded only for 2.0 documents
  const result = await swagger2openapi.convertObj(structuredClone(swagger), { patch: true, warnOnly: true, resolve: false, direct: false });
  return result.openapi;
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
