// Development mode only: responses are checked against the bundled spec. Compiled lazily, per response, on
// first use, so production start-up never pays for it (and production never imports this module).
import { readFile } from "node:fs/promises";
import { Ajv2020 } from "ajv/dist/2020.js";
import type { ValidateFunction as AjvValidate } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { resolvePointer, SchemaRegistry } from "./json-schema.js";
import { specPattern } from "./patterns.js";
import { responseKey } from "./operation-handler.js";
import type { ResponseCheck } from "./operation-handler.js";
import type { OperationSpec } from "./operation.js";
import type { FieldError } from "./problem.js";
import { toFieldErrors } from "./validation.js";

// ajv-formats is CommonJS: under NodeNext its default import is the module object.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

export async function loadResponseChecks(specUrl: URL): Promise<ResponseCheck> {
  const document: unknown = JSON.parse(await readFile(specUrl, "utf8"));
  const openapi = (document as { openapi?: unknown }).openapi;
  const registry = new SchemaRegistry(document, typeof openapi === "string" && openapi.startsWith("3.0"), "response");
  // Patterns run in linear time here too (the registry keeps only those re2js can run): a handler echoing a
  // client's string must not let the development check freeze the server.
  const regExp = Object.assign((source: string, flags: string) => specPattern(source, flags), { code: "specPattern" });
  const ajv = new Ajv2020({ strict: false, allErrors: true, logger: false, validateFormats: true, code: { regExp } });
  addFormats(ajv);
  const cache = new Map<string, AjvValidate | null>();
  let rootAdded = false;

  const compile = (op: OperationSpec, key: string): AjvValidate | null => {
    const cacheKey = `${op.method} ${op.pathKey ?? op.path} ${key}`;
    const cached = cache.get(cacheKey);
    if (cached !== undefined) return cached;
    const schema = schemaOf(document, op, key);
    let validate: AjvValidate | null = null;
    if (schema !== undefined) {
      const converted = registry.convert(schema);
      // The root grows as new $refs are met, so it is (re)registered after each conversion.
      if (rootAdded) ajv.removeSchema(registry.rootId);
      ajv.addSchema(registry.root());
      rootAdded = true;
      validate = ajv.compile(typeof converted === "boolean" ? converted : { ...converted });
    }
    cache.set(cacheKey, validate);
    return validate;
  };

  return (op, status, body): FieldError[] => {
    const key = responseKey(op.responses, status);
    if (key === undefined) {
      return [
        { field: "status", code: "undocumented_status", message: `status ${status} is not documented for ${op.id}` },
      ];
    }
    // OpenAPI 3.x §4.8.17.1: a response's `content` describes its potential payloads, so an answer without a body
    // contradicts none (the mock answers so where no value satisfies the schema, generator/emit/server/mock-samples.ts).
    if (body === undefined) return [];
    const validate = compile(op, key);
    if (validate === null || validate(body)) return [];
    return toFieldErrors(validate.errors, "response");
  };
}

function schemaOf(document: unknown, op: OperationSpec, key: string): unknown {
  const paths = (document as { paths?: Record<string, Record<string, unknown>> }).paths ?? {};
  const operation = paths[op.pathKey ?? op.path]?.[op.method] as { responses?: Record<string, unknown> } | undefined;
  let response = operation?.responses?.[key] as
    | { $ref?: string; content?: Record<string, { schema?: unknown }> }
    | undefined;
  if (typeof response?.$ref === "string")
    response = resolvePointer(document, response.$ref.slice(1)) as typeof response;
  const mediaType = op.responses[key];
  if (response?.content === undefined || typeof mediaType !== "string") return undefined;
  return response.content[mediaType]?.schema;
}
