import type { Located, SpecDocument } from "../load/index.js";
import { isObject, type OperationInfo, type ResponseInfo } from "../conventions/operation-info.js";
import { prefix, type DiffContext } from "./context.js";
import { isStandardErrorPair } from "./error-schema.js";
import { compareMediaSchemas, mediaTypes, schemaOfMedia } from "./media.js";
import { keyOf } from "./schema-view.js";
import type { OperationKey } from "./types.js";

export function compareResponses(
  context: DiffContext,
  before: OperationInfo,
  after: OperationInfo,
  operation: OperationKey,
): void {
  const head = prefix(operation);
  const newByStatus = new Map(after.responses.map((response) => [response.status.toUpperCase(), response]));
  const matched = new Set<ResponseInfo>();
  for (const oldResponse of before.responses) {
    const status = oldResponse.status.toUpperCase();
    // A range (2XX) in the new document still covers a status it used to list.
    const newResponse = newByStatus.get(status) ?? newByStatus.get(`${status[0]}XX`);
    if (newResponse) {
      matched.add(newResponse);
      compareResponse(context, oldResponse, newResponse, operation);
      continue;
    }
    const success = /^[23]/.test(status);
    context.report(
      success ? "response-success-status-removed" : "response-status-removed",
      `${head}response ${oldResponse.status} removed`,
      {
        operation,
        old: oldResponse.declared.at,
        new: (context.newDoc.child(after.node, "responses") ?? after.node).at,
      },
    );
  }
  for (const response of after.responses) {
    if (!matched.has(response))
      context.report("response-status-added", `${head}response ${response.status} added`, {
        operation,
        new: response.declared.at,
      });
  }
}

function compareResponse(
  context: DiffContext,
  before: ResponseInfo,
  after: ResponseInfo,
  operation: OperationKey,
): void {
  const head = prefix(operation);
  const oldMedia = mediaTypes(context.oldDoc, before.response);
  const newMedia = mediaTypes(context.newDoc, after.response);
  for (const [type, media] of oldMedia) {
    const counterpart = newMedia.get(type);
    if (!counterpart) {
      context.report("response-media-type-removed", `${head}response ${before.status} media type ${type} removed`, {
        operation,
        old: media.at,
        new: after.response.at,
      });
      continue;
    }
    const oldSchema = schemaOfMedia(context.oldDoc, media);
    const newSchema = schemaOfMedia(context.newDoc, counterpart);
    // The API's shared error schema is compared once for the whole document (error-schema-*), not per response.
    if (
      oldSchema &&
      newSchema &&
      isStandardErrorPair(context, keyOf(context.oldDoc.resolve(oldSchema)), keyOf(context.newDoc.resolve(newSchema)))
    )
      continue;
    compareMediaSchemas(context, "response", `response ${after.status} (${type})`, media, counterpart, operation);
  }
  for (const [type, media] of newMedia) {
    if (!oldMedia.has(type))
      context.report("response-media-type-added", `${head}response ${after.status} media type ${type} added`, {
        operation,
        new: media.at,
      });
  }
  compareHeaders(context, before, after, operation);
}

function compareHeaders(
  context: DiffContext,
  before: ResponseInfo,
  after: ResponseInfo,
  operation: OperationKey,
): void {
  const head = prefix(operation);
  const oldHeaders = headers(context.oldDoc, before.response);
  const newHeaders = headers(context.newDoc, after.response);
  for (const [key, { name, node }] of oldHeaders) {
    const counterpart = newHeaders.get(key);
    const required = isObject(node.value) && node.value.required === true;
    const label = `response ${before.status} header \`${name}\``;
    if (!counterpart) {
      context.report(
        required ? "response-required-header-removed" : "response-header-removed",
        `${head}${label} removed`,
        { operation, old: node.at, new: after.response.at },
      );
      continue;
    }
    const stillRequired = isObject(counterpart.node.value) && counterpart.node.value.required === true;
    if (required && !stillRequired)
      context.report("response-header-became-optional", `${head}${label} became optional`, {
        operation,
        old: node.at,
        new: counterpart.node.at,
      });
    const oldSchema = context.oldDoc.child(node, "schema");
    const newSchema = context.newDoc.child(counterpart.node, "schema");
    // A header is text on the wire (RFC 9110 §5.5): its schema is compared by the strings it allows.
    if (oldSchema && newSchema)
      context.reportSchemaChanges(
        "response-header",
        label,
        context.schemas.compare(oldSchema, newSchema, "response", "text"),
        operation,
      );
  }
  for (const [key, { name, node }] of newHeaders) {
    if (!oldHeaders.has(key))
      context.report("response-header-added", `${head}response ${after.status} header \`${name}\` added`, {
        operation,
        new: node.at,
      });
  }
}

/** Response headers by lower-cased name, each resolved; `Content-Type` is described by `content`, not a header. */
function headers(document: SpecDocument, response: Located): Map<string, { name: string; node: Located }> {
  const result = new Map<string, { name: string; node: Located }>();
  const list = document.child(response, "headers");
  if (!list) return result;
  for (const [name, declared] of document.children(list)) {
    if (name.toLowerCase() === "content-type") continue;
    result.set(name.toLowerCase(), { name, node: document.resolve(declared) });
  }
  return result;
}
