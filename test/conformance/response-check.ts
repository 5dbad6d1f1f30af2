// Whether a response the run received is one the spec allows: its status is documented for the operation (exact,
// then the `NXX` range, then `default`, OpenAPI 3.0.3 §4.7.16), and a JSON body validates against that response's
// schema for the media type received.
import type { Operation } from "../../generator/model/ir.js";
import { parseBody, type Exchange } from "./exchanges.js";
import { atPointer, firstError, isObject, pointerOf, type SpecSchemas } from "./spec-schemas.js";

type Json = Record<string, unknown>;

export function documentedStatus(op: Operation, status: number): string | undefined {
  const keys = new Set(op.responses.map((r) => r.status));
  const exact = String(status);
  if (keys.has(exact)) return exact;
  const range = `${exact[0] ?? ""}XX`;
  if (keys.has(range)) return range;
  if (keys.has(range.toLowerCase())) return range.toLowerCase();
  return keys.has("default") ? "default" : undefined;
}

/** The pointer of a response object, following its `$ref`s. */
function responsePointer(document: Json, op: Operation, key: string): string | undefined {
  let pointer = pointerOf(["paths", op.pathKey, op.method, "responses", key]);
  for (let hops = 0; hops < 10; hops++) {
    const node = atPointer(document, pointer);
    if (!isObject(node)) return undefined;
    if (typeof node.$ref !== "string") return pointer;
    pointer = node.$ref;
  }
  return undefined;
}

/** The content key matching the received media type: exact, then a wildcard (`application/*`, `*\/*`). */
function contentKey(content: Json, received: string): string | undefined {
  const type = received.split(";")[0]?.trim().toLowerCase() ?? "";
  const keys = Object.keys(content);
  const lower = (k: string) => k.split(";")[0]!.trim().toLowerCase();
  return (
    keys.find((k) => lower(k) === type) ??
    keys.find((k) => lower(k) === `${type.split("/")[0]}/*`) ??
    keys.find((k) => lower(k) === "*/*")
  );
}

function documentedContent(document: Json, op: Operation, key: string): { pointer: string; content: Json } | undefined {
  const pointer = responsePointer(document, op, key);
  const response = pointer === undefined ? undefined : atPointer(document, pointer);
  return pointer !== undefined &&
    isObject(response) &&
    isObject(response.content) &&
    Object.keys(response.content).length > 0
    ? { pointer, content: response.content }
    : undefined;
}

/** Whether the spec describes a body for this status (an error schema to hold an error payload to). */
export function documentsBody(document: Json, op: Operation, status: number): boolean {
  const key = documentedStatus(op, status);
  return key !== undefined && documentedContent(document, op, key) !== undefined;
}

/** undefined when the response conforms; otherwise what is wrong with it. */
export function responseProblem(
  document: Json,
  schemas: SpecSchemas,
  op: Operation,
  exchange: Exchange,
): string | undefined {
  const key = documentedStatus(op, exchange.status);
  if (key === undefined) return `status ${exchange.status} is not documented`;
  const documented = documentedContent(document, op, key);
  const body = parseBody(exchange);
  if (documented === undefined) {
    return exchange.text !== "" && exchange.status !== 204
      ? `status ${key} documents no body, got ${exchange.contentType || "untyped"} content`
      : undefined;
  }
  const { pointer, content } = documented;
  if (exchange.text === "") return undefined; // a documented body may be absent (HEAD-like answers, 202)
  const media = contentKey(content, exchange.contentType);
  if (media === undefined)
    return `media type "${exchange.contentType.split(";")[0]}" is not documented for status ${key}`;
  const mediaObject = content[media];
  if (!body.json || !isObject(mediaObject) || mediaObject.schema === undefined) return undefined;
  let validate: ReturnType<typeof schemas.validator>;
  try {
    validate = schemas.validator(`${pointer}/content/${pointerOf([media]).slice(2)}/schema`, "response");
  } catch (error) {
    return `schema for status ${key} does not compile here: ${(error as Error).message.split("\n")[0]}`;
  }
  return validate(body.value) ? undefined : `body does not match the schema for status ${key}: ${firstError(validate)}`;
}
