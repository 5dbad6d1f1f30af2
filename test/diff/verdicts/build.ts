import { api, getReturning, getWith, postWith, query, type Json } from "../fixtures.js";

/**
 * One version pair with the verdict a person judged from the OpenAPI and JSON Schema semantics: does a client
 * (or subscriber) written against `before` fail against `after`? `check` names the change that decides it.
 */
export interface Verdict {
  name: string;
  before: Json | { file: string };
  after: Json | { file: string };
  expected: "breaking" | "non-breaking";
  check?: string;
  reason: string;
}

export const S: Json = { type: "string" };
export const I: Json = { type: "integer" };
export const N: Json = { type: "number" };
export const B: Json = { type: "boolean" };

export function obj(properties: Json, required: string[] = [], more: Json = {}): Json {
  return { type: "object", required, properties, ...more };
}

/** A document around paths (a request body, a response, a query parameter...). */
export const doc = (paths: Json, extra: Json = {}): Json => api(paths, extra);
export const req = (schema: Json): Json => doc(postWith(schema));
export const res = (schema: Json): Json => doc(getReturning(schema));
export const qp = (schema: Json, more: Json = {}): Json => doc(getWith([query("q", schema, more)]));
export const params = (parameters: Json[]): Json => doc(getWith(parameters));
export const hdr = (schema: Json, more: Json = {}): Json =>
  doc(getReturning(obj({}), { headers: { "X-Limit": { schema, ...more } } }));
export const hooks = (webhooks: Json): Json => api({}, { webhooks });
export const hook = (payload: Json, more: Json = {}): Json => ({
  post: {
    requestBody: { content: { "application/json": { schema: payload } } },
    responses: { "200": { description: "received" } },
    ...more,
  },
});

export function v(
  name: string,
  before: Verdict["before"],
  after: Verdict["after"],
  expected: Verdict["expected"],
  reason: string,
  check?: string,
): Verdict {
  return check ? { name, before, after, expected, reason, check } : { name, before, after, expected, reason };
}
