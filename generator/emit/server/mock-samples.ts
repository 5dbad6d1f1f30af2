// The answer of each mock handler: the documented example of the first success response, else a sample
// generated from its schema (openapi-sampler). Computed at generation time; mock.ts only holds the data.
import { sample } from "openapi-sampler";
import type { JSONSchema7 } from "json-schema";
import type { ApiModel, Operation } from "../../model/ir.js";
import { followRefs, resolvePointer } from "../../../templates/runtime/server/json-schema.js";

export interface MockAnswer {
  status: number;
  body: unknown;
}

export function mockAnswers(model: ApiModel, document: Readonly<Record<string, unknown>>): Map<string, MockAnswer> {
  const answers = new Map<string, MockAnswer>();
  for (const op of model.operations) answers.set(op.id, mockAnswer(op, document));
  return answers;
}

function mockAnswer(op: Operation, document: Readonly<Record<string, unknown>>): MockAnswer {
  const success = op.responses.find((response) => /^2\d\d$/.test(response.status)) ?? op.responses.find((r) => r.status === "2XX" || r.status === "default");
  const status = success === undefined || !/^\d{3}$/.test(success.status) ? 200 : Number(success.status);
  const content = success?.content[0];
  if (success === undefined || content === undefined) return { status, body: undefined };
  let body = documentedExample(document, op, success.status, content.mediaType);
  if (body === undefined && content.schema !== null) {
    body = sample(content.schema as JSONSchema7, { skipWriteOnly: true, quiet: true, maxSampleDepth: 4 }, document);
  }
  if (op.pagination?.kind === "cursor" && typeof body === "object" && body !== null && !Array.isArray(body)) {
    // A mock has one page: an example's next token would only lead the client to a 400.
    body = { ...(body as Record<string, unknown>), [op.pagination.nextTokenField]: "" };
  }
  return { status, body };
}

function documentedExample(document: unknown, op: Operation, status: string, mediaType: string): unknown {
  const media = follow(document, follow(document, resolvePointer(document, `/paths/${escape(op.pathKey)}/${op.method}/responses/${escape(status)}`))?.content?.[mediaType]);
  if (media === undefined) return undefined;
  if (media.example !== undefined) return media.example;
  const first = Object.values(media.examples ?? {})[0];
  return follow(document, first)?.value;
}

type Node = { content?: Record<string, unknown>; example?: unknown; examples?: Record<string, unknown>; value?: unknown };

function follow(document: unknown, node: unknown): Node | undefined {
  return followRefs(document, node) as Node | undefined;
}

function escape(token: string): string {
  return token.replace(/~/g, "~0").replace(/\//g, "~1");
}
