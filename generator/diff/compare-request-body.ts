import type { OperationInfo } from "../conventions/operation-info.js";
import { prefix, type DiffContext } from "./context.js";
import { compareMediaSchemas, mediaTypes } from "./media.js";
import type { OperationKey } from "./types.js";

export function compareRequestBodies(
  context: DiffContext,
  before: OperationInfo,
  after: OperationInfo,
  operation: OperationKey,
): void {
  const head = prefix(operation);
  const oldBody = before.requestBody;
  const newBody = after.requestBody;
  if (!oldBody && !newBody) return;
  if (!oldBody) {
    const required = newBody!.value.required === true;
    context.report(
      required ? "request-body-required-added" : "request-body-optional-added",
      `${head}${required ? "required" : "optional"} request body added`,
      { operation, new: newBody!.at },
    );
    return;
  }
  if (!newBody) {
    context.report("request-body-removed", `${head}request body removed`, {
      operation,
      old: oldBody.at,
      new: after.node.at,
    });
    return;
  }
  const where = { operation, old: oldBody.at, new: newBody.at };
  const [wasRequired, isRequired] = [oldBody.value.required === true, newBody.value.required === true];
  if (!wasRequired && isRequired)
    context.report("request-body-became-required", `${head}request body became required`, where);
  if (wasRequired && !isRequired)
    context.report("request-body-became-optional", `${head}request body became optional`, where);
  const oldMedia = mediaTypes(context.oldDoc, oldBody);
  const newMedia = mediaTypes(context.newDoc, newBody);
  for (const [type, media] of oldMedia) {
    const counterpart = newMedia.get(type);
    if (!counterpart) {
      context.report("request-media-type-removed", `${head}request body media type ${type} no longer accepted`, {
        operation,
        old: media.at,
        new: newBody.at,
      });
      continue;
    }
    compareMediaSchemas(context, "request", `request body (${type})`, media, counterpart, operation);
  }
  for (const [type, media] of newMedia) {
    if (!oldMedia.has(type))
      context.report("request-media-type-added", `${head}request body media type ${type} added`, {
        operation,
        new: media.at,
      });
  }
}
