import type { Located, SpecDocument } from "../load/index.js";

import { HTTP_METHODS, type HttpMethod } from "../facts/http-methods.js";
import { isObject, type JsonObject } from "../facts/json-object.js";

export { HTTP_METHODS, isObject, type HttpMethod };

export interface ResponseInfo {
  status: string;
  /** The response object after following `$ref`s, located where it is written. */
  response: Located<JsonObject>;
  /** The response entry as written in the operation (a `$ref` object when it references a shared response). */
  declared: Located<JsonObject>;
}

/** An operation with what rules ask of it resolved once: merged parameters, body and responses behind `$ref`s. */
export interface OperationInfo {
  path: string;
  method: HttpMethod;
  node: Located<JsonObject>;
  pathItem: Located<JsonObject>;
  /** Path-level and operation-level parameters merged (operation wins by name + in), each resolved. */
  parameters: Array<Located<JsonObject>>;
  requestBody: Located<JsonObject> | undefined;
  responses: ResponseInfo[];
  /** Effective security requirements: the operation's, else the document's; [] means public. */
  security: JsonObject[];
}

export function buildOperationInfo(
  document: SpecDocument,
  path: string,
  method: HttpMethod,
  pathItem: Located<JsonObject>,
  node: Located<JsonObject>,
): OperationInfo {
  const parameters = new Map<string, Located<JsonObject>>();
  for (const owner of [pathItem, node]) {
    const list = document.child(owner, "parameters");
    if (!list || !Array.isArray(list.value)) continue;
    for (const [, entry] of document.children(list)) {
      const resolved = document.resolve(entry);
      if (!isObject(resolved.value)) continue;
      parameters.set(`${String(resolved.value.in)}:${String(resolved.value.name)}`, resolved as Located<JsonObject>);
    }
  }
  const bodyEntry = document.child(node, "requestBody");
  const body = bodyEntry ? document.resolve(bodyEntry) : undefined;
  const responses: ResponseInfo[] = [];
  const responsesNode = document.child(node, "responses");
  if (responsesNode && isObject(responsesNode.value)) {
    for (const [status, declared] of document.children(responsesNode)) {
      if (status.startsWith("x-") || !isObject(declared.value)) continue;
      const response = document.resolve(declared);
      if (isObject(response.value))
        responses.push({
          status,
          response: response as Located<JsonObject>,
          declared: declared as Located<JsonObject>,
        });
    }
  }
  const rootSecurity = document.root.value.security;
  const security = Array.isArray(node.value.security)
    ? node.value.security
    : Array.isArray(rootSecurity)
      ? rootSecurity
      : [];
  return {
    path,
    method,
    node,
    pathItem,
    parameters: [...parameters.values()],
    requestBody: body && isObject(body.value) ? (body as Located<JsonObject>) : undefined,
    responses,
    security: security.filter(isObject),
  };
}
