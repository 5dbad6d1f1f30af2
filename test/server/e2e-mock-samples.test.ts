// Conformance class 1 (issue 12): the generated mock answered samples that break their own response schema, so
// development-mode response validation answered 500. Each operation of the regression spec is served by its
// generated mock with response validation on and called over HTTP; the answer must be a 2xx whose body validates
// against the response schema for that status, checked here with the test's own ajv (not the generator's).
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { rm } from "node:fs/promises";
import { Ajv } from "ajv";
import addFormatsModule from "ajv-formats";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TMP_DIR, generateApi, loadDocument, rawCall } from "./e2e-harness.js";
import { listen } from "./listen.js";

// ajv-formats is CommonJS: under NodeNext its default import is the module object.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;
const SPEC = "test/server/fixtures/specs/mock-samples.yaml";

let url: string;
let close: () => Promise<void>;
let document: Record<string, any>;
let ajv: Ajv;

beforeAll(async () => {
  document = await loadDocument(SPEC);
  await rm(join(TMP_DIR, "mock-samples"), { recursive: true, force: true });
  const outDir = await generateApi(SPEC, "mock-samples", { client: false });
  const { createRouter } = await import(pathToFileURL(join(outDir, "server.ts")).href);
  const { createMockHandlers } = await import(pathToFileURL(join(outDir, "mock.ts")).href);
  const server = await listen(
    express().use(createRouter(createMockHandlers(), { validateResponses: true, logger: { error: () => undefined } })),
  );
  url = server.url;
  close = server.close;
  ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema(document, "spec");
});
afterAll(async () => close?.());

/** The response schema the spec documents for `status` (exact, else `default`), as an ajv ref into the spec. */
function schemaRef(path: string, method: string, status: number): string | undefined {
  const responses = document.paths[path][method].responses;
  const key = String(status) in responses ? String(status) : "default" in responses ? "default" : undefined;
  if (key === undefined || responses[key].content === undefined) return undefined;
  const escaped = path.replace(/~/g, "~0").replace(/\//g, "~1");
  return `spec#/paths/${escaped}/${method}/responses/${key}/content/application~1json/schema`;
}

async function expectConformingAnswer(
  method: string,
  path: string,
  concrete = path,
): Promise<{ status: number; body: any }> {
  const answer = await rawCall(`${url}${concrete}`, { method: method.toUpperCase() });
  expect(answer.status, JSON.stringify(answer.body)).toBeGreaterThanOrEqual(200);
  expect(answer.status).toBeLessThan(300);
  const ref = schemaRef(path, method, answer.status);
  if (ref === undefined) expect(answer.body).toBeUndefined();
  else {
    const validate = ajv.getSchema(ref);
    expect(validate, ref).toBeDefined();
    expect(validate!(answer.body), JSON.stringify({ body: answer.body, errors: validate!.errors })).toBe(true);
  }
  return answer;
}

describe("the generated mock answers bodies that validate against their response schema", () => {
  it("pattern + minLength ARNs, uniqueItems with minItems, multipleOf and minimum, a length window", async () => {
    const { body } = await expectConformingAnswer("get", "/arns");
    expect(new Set(body.related).size).toBe(body.related.length);
  });

  it("a chain of required $refs past openapi-sampler's depth 4 ends in a valid leaf", async () => {
    const { body } = await expectConformingAnswer("get", "/deep");
    expect(body.next.next.next.next.next.items.length).toBeGreaterThanOrEqual(1);
  });

  it("additionalProperties false: the example's extra field is not answered", async () => {
    const { body } = await expectConformingAnswer("get", "/strict");
    expect(body).not.toHaveProperty("extra");
  });

  it("the spec's own invalid example is replaced by a valid sample", async () => {
    const { body } = await expectConformingAnswer("get", "/projects/{id}", "/projects/p1");
    expect(body.start_on).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it("a 204-only operation answers 204 without a body", async () => {
    const { status } = await expectConformingAnswer("delete", "/projects/{id}", "/projects/p1");
    expect(status).toBe(204);
  });

  it("a `default`-only operation answers 200 with the default response's schema", async () => {
    const { status } = await expectConformingAnswer("get", "/only-default");
    expect(status).toBe(200);
  });

  it("a catastrophic-backtracking pattern is checked in linear time, its failing example replaced", async () => {
    const { body } = await expectConformingAnswer("get", "/site");
    expect(body.url).not.toContain("%28");
  });

  it("an allOf whose parts require what another part defines is built from the merged object", async () => {
    const { body } = await expectConformingAnswer("get", "/chapters");
    expect(Array.isArray(body.book.shelf.chapters.items)).toBe(true);
  });

  it("a oneOf with a discriminator answers one branch with its discriminator value", async () => {
    const { body } = await expectConformingAnswer("get", "/pets");
    expect(["Cat", "Dog"]).toContain(body.kind);
  });
});
