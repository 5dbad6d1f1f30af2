// Request parameters in a generated server, over HTTP: coercion that follows the schema (unions keep a string
// reading, string spellings of a typed enum), `content: application/json` query parameters, and parameters whose
// schema is an allOf/oneOf/anyOf without a top-level type, deserialised by the shape they resolve to (issue 13).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rawCall, serveSpecText, typecheck } from "./e2e-harness.js";
import type { ServedSpec } from "./e2e-harness.js";

const echo = `{ "200": { description: echo, content: { application/json: { schema: { type: object } } } } }`;
const query = (name: string, schema: string, extra = "") => `{ name: ${name}, in: query, schema: ${schema}${extra} }`;
const op = (id: string, params: string[]) =>
  `{ operationId: ${id}, parameters: [${params.join(", ")}], responses: ${echo} }`;

const SPEC = `
openapi: 3.0.3
info: { title: Parameters, version: 1.0.0 }
paths:
  /search:
    get: ${op("search", [query("prefix", `{ type: boolean, enum: ["false", "true"], default: "false" }`), query("flag", `{ type: string, enum: ["false", "true"] }`), query("n", "{ type: integer }")])}
  /workflows/{workflow_id}:
    get: ${op("getWorkflow", [`{ name: workflow_id, in: path, required: true, schema: { oneOf: [{ type: integer }, { type: string }] } }`])}
  /sized:
    get: ${op("sized", [query("size", `{ anyOf: [{ type: integer, minimum: 1 }, { type: string, enum: [auto] }] }`)])}
  /filtered:
    get: ${op("filtered", [`{ name: filter, in: query, content: { application/json: { schema: { type: object, required: [a], properties: { a: { type: integer } } } } } }`])}
  /points:
    get: ${op("points", [query("point", `{ allOf: [{ $ref: "#/components/schemas/Point" }] }`, ", style: form, explode: true")])}
  /where:
    get: ${op("where", [query("where", `{ anyOf: [{ $ref: "#/components/schemas/Point" }, { type: object, properties: { label: { type: string } } }] }`, ", style: deepObject, explode: true")])}
  /ids:
    get: ${op("ids", [query("ids", `{ anyOf: [{ type: array, items: { type: integer } }] }`, ", style: form, explode: false")])}
components:
  schemas:
    Point: { type: object, properties: { x: { type: integer }, y: { type: integer } } }
`;

describe("generated server parameters", () => {
  let served: ServedSpec | undefined;
  beforeAll(async () => {
    served = await serveSpecText("parameters", SPEC, (_op, { params, query }) => ({
      status: 200,
      body: { params, query },
    }));
  }, 120_000);
  afterAll(async () => served?.close());
  const get = (path: string) => rawCall(`${served?.url ?? ""}${path}`);

  it("coerces only to the types the schema allows; string spellings of a boolean enum are booleans", async () => {
    expect((await get("/search?prefix=true&flag=true&n=3")).body.query).toEqual({ prefix: true, flag: "true", n: 3 });
    expect((await get("/search")).body.query).toEqual({ prefix: false });
    const bad = await get("/search?prefix=maybe&n=x");
    expect([bad.status, [...new Set(bad.body.errors.map((e: { field: string }) => e.field))].sort()]).toEqual([
      400,
      ["query.n", "query.prefix"],
    ]);
  });

  it("accepts each branch of an integer|string union, keeping the string reading first", async () => {
    expect((await get("/workflows/1")).body.params).toEqual({ workflow_id: "1" });
    expect((await get("/workflows/main.yml")).body.params).toEqual({ workflow_id: "main.yml" });
    expect((await get("/sized?size=5")).body.query).toEqual({ size: 5 });
    expect((await get("/sized?size=auto")).body.query).toEqual({ size: "auto" });
    expect((await get("/sized?size=0")).status).toBe(400);
  });

  it("JSON-parses and validates a content: application/json query parameter, and refuses undeclared names", async () => {
    expect((await get(`/filtered?filter=${encodeURIComponent('{"a":1}')}`)).body.query).toEqual({ filter: { a: 1 } });
    const malformed = await get(`/filtered?filter=${encodeURIComponent("{a:")}`);
    expect([malformed.status, malformed.body.errors]).toEqual([
      400,
      [{ field: "query.filter", code: "malformed_json", message: expect.stringContaining("application/json") }],
    ]);
    expect((await get(`/filtered?filter=${encodeURIComponent('{"a":"x"}')}`)).status).toBe(400);
    const unknown = await get(`/filtered?other=1`);
    expect([unknown.status, unknown.body.errors?.[0]?.field]).toEqual([400, "query.other"]);
  });

  it("reads composed schemas by the shape they resolve to: exploded objects, deepObject brackets, arrays", async () => {
    expect((await get("/points?x=1&y=2")).body.query).toEqual({ point: { x: 1, y: 2 } });
    expect((await get("/points?x=1&z=2")).body.errors?.[0]).toMatchObject({
      field: "query.z",
      code: "unknown_parameter",
    });
    expect((await get("/where?where[x]=3&where[label]=a")).body.query).toEqual({ where: { x: 3, label: "a" } });
    expect((await get("/ids?ids=1,2")).body.query).toEqual({ ids: [1, 2] });
    expect((await get("/ids?ids=1,b")).status).toBe(400);
  });

  it("generates strict-clean code", { timeout: 300_000 }, async () => {
    expect(await typecheck("parameters", [served?.outDir ?? ""])).toBe("");
  });
});
