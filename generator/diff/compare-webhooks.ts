import type { Located, SpecDocument } from "../load/index.js";
import { buildOperationInfo, HTTP_METHODS, isObject, type OperationInfo } from "../conventions/operation-info.js";
import type { JsonObject } from "../conventions/rule.js";
import { prefix, type DiffContext } from "./context.js";
import { compareMediaSchemas, mediaTypes } from "./media.js";
import type { OperationKey } from "./types.js";

interface Webhook {
  declared: Located;
  operations: Map<string, OperationInfo>;
}

/**
 * Webhooks (OpenAPI 3.1 §4.8.1 `webhooks`; `x-webhooks` before 3.1) are requests the API makes to its
 * subscribers. The roles of a path's operation are reversed: the subscriber receives the payload and its
 * headers, so they are judged like a response (nothing it reads may go missing or widen), and the API reads the
 * subscriber's answer, judged like a request.
 */
export function compareWebhooks(context: DiffContext): void {
  const before = webhooksOf(context.oldDoc);
  const after = webhooksOf(context.newDoc);
  const newRoot = (context.newDoc.child(context.newDoc.root, "webhooks") ?? context.newDoc.root).at;
  for (const [name, webhook] of before) {
    const counterpart = after.get(name);
    for (const [method, operation] of webhook.operations) {
      const key = webhookKey(name, operation);
      const next = counterpart?.operations.get(method);
      if (!next)
        context.report("webhook-removed", `${prefix(key)}webhook removed (its subscribers no longer receive it)`, {
          operation: key,
          old: operation.node.at,
          new: (counterpart?.declared ?? { at: newRoot }).at,
        });
      else if (!context.unchanged.same(operation.node, next.node))
        compareWebhook(context, operation, next, webhookKey(name, next));
    }
  }
  for (const [name, webhook] of after) {
    for (const [method, operation] of webhook.operations) {
      if (!before.get(name)?.operations.has(method))
        context.report("webhook-added", `${prefix(webhookKey(name, operation))}webhook added`, {
          operation: webhookKey(name, operation),
          new: operation.node.at,
        });
    }
  }
}

function webhooksOf(document: SpecDocument): Map<string, Webhook> {
  const result = new Map<string, Webhook>();
  for (const keyword of ["webhooks", "x-webhooks"]) {
    const list = document.child(document.root, keyword);
    if (!list || !isObject(list.value)) continue;
    for (const [name, declared] of document.children(list)) {
      const item = document.resolve(declared);
      if (!isObject(item.value) || result.has(name)) continue;
      const operations = new Map<string, OperationInfo>();
      for (const method of HTTP_METHODS) {
        const node = document.child(item, method);
        if (node && isObject(node.value))
          operations.set(
            method,
            buildOperationInfo(document, name, method, item as Located<JsonObject>, node as Located<JsonObject>),
          );
      }
      result.set(name, { declared, operations });
    }
  }
  return result;
}

function webhookKey(name: string, operation: OperationInfo): OperationKey {
  const operationId = operation.node.value.operationId;
  const key: OperationKey = { method: operation.method, path: name, webhook: true };
  if (typeof operationId === "string") key.operationId = operationId;
  return key;
}

function compareWebhook(
  context: DiffContext,
  before: OperationInfo,
  after: OperationInfo,
  operation: OperationKey,
): void {
  const head = prefix(operation);
  if (before.node.value.deprecated !== true && after.node.value.deprecated === true) {
    context.report("webhook-deprecated", `${head}webhook deprecated`, {
      operation,
      old: before.node.at,
      new: context.newDoc.child(after.node, "deprecated")?.at,
    });
  }
  compareSentParameters(context, before, after, operation);
  comparePayloads(context, before, after, operation);
  // The subscriber's answer, read by the API: compared like a request body, per status both document.
  const answers = new Map(after.responses.map((response) => [response.status.toUpperCase(), response]));
  for (const response of before.responses) {
    const counterpart = answers.get(response.status.toUpperCase());
    if (!counterpart) continue;
    const newMedia = mediaTypes(context.newDoc, counterpart.response);
    for (const [type, media] of mediaTypes(context.oldDoc, response.response)) {
      const next = newMedia.get(type);
      if (next)
        compareMediaSchemas(
          context,
          "webhook-response",
          `subscriber response ${response.status} (${type})`,
          media,
          next,
          operation,
        );
    }
  }
}

/** Headers (and other parameters) the API sends with the call: the subscriber reads them, as a client reads a response. */
function compareSentParameters(
  context: DiffContext,
  before: OperationInfo,
  after: OperationInfo,
  operation: OperationKey,
): void {
  const head = prefix(operation);
  const keyed = (info: OperationInfo) =>
    new Map(info.parameters.map((node) => [`${String(node.value.in)}:${String(node.value.name).toLowerCase()}`, node]));
  const oldParameters = keyed(before);
  const newParameters = keyed(after);
  const label = (node: Located<JsonObject>) => `${String(node.value.in)} parameter \`${String(node.value.name)}\``;
  for (const [key, node] of oldParameters) {
    const next = newParameters.get(key);
    const required = node.value.required === true;
    if (!next) {
      context.report(
        required ? "webhook-required-param-removed" : "webhook-param-removed",
        `${head}${label(node)} no longer sent`,
        { operation, old: node.at, new: after.node.at },
      );
      continue;
    }
    if (required && next.value.required !== true)
      context.report("webhook-param-became-optional", `${head}${label(node)} may no longer be sent`, {
        operation,
        old: node.at,
        new: next.at,
      });
    const [oldSchema, newSchema] = [context.oldDoc.child(node, "schema"), context.newDoc.child(next, "schema")];
    if (oldSchema && newSchema)
      context.reportSchemaChanges(
        "webhook-param",
        label(next),
        context.schemas.compare(oldSchema, newSchema, "response", "text"),
        operation,
      );
  }
  for (const [key, node] of newParameters)
    if (!oldParameters.has(key))
      context.report("webhook-param-added", `${head}${label(node)} now sent`, { operation, new: node.at });
}

/** The payload the API sends: what the subscriber reads. */
function comparePayloads(
  context: DiffContext,
  before: OperationInfo,
  after: OperationInfo,
  operation: OperationKey,
): void {
  const head = prefix(operation);
  const [oldBody, newBody] = [before.requestBody, after.requestBody];
  if (!oldBody && !newBody) return;
  if (!oldBody) return context.report("webhook-payload-added", `${head}payload added`, { operation, new: newBody!.at });
  if (!newBody)
    return context.report("webhook-payload-removed", `${head}payload no longer sent`, {
      operation,
      old: oldBody.at,
      new: after.node.at,
    });
  const oldMedia = mediaTypes(context.oldDoc, oldBody);
  const newMedia = mediaTypes(context.newDoc, newBody);
  for (const [type, media] of oldMedia) {
    const next = newMedia.get(type);
    if (next) compareMediaSchemas(context, "webhook-payload", `payload (${type})`, media, next, operation);
    else
      context.report("webhook-payload-media-type-removed", `${head}payload no longer sent as ${type}`, {
        operation,
        old: media.at,
        new: newBody.at,
      });
  }
  for (const [type, media] of newMedia)
    if (!oldMedia.has(type))
      context.report("webhook-payload-media-type-added", `${head}payload may now be sent as ${type}`, {
        operation,
        new: media.at,
      });
}
