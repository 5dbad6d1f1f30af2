// What the generated client sends, the generated server reads: values OpenAPI's styles leave undefined (arrays of
// objects, nested members: carried as JSON texts, generator/model/ir.ts ItemType) and array defaults written as
// one wire value (bkk.hu), of a type the parameter cannot have (fec.gov) or failing its own pattern or enum
// (pressassociation.io `pattern: "date-time"`, ticketmaster), enum values with a leading space, parameters defined
// by JSON content (stream-io), an Accept header parameter (spoonacular.com), a Transfer-Encoding one (azure.com)
// and an Accept-Encoding one (conjur.local), through the generated client against the generated server
// (conformance classes of issue 12).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveSpecText, typecheck } from "./e2e-harness.js";
import type { ServedSpec } from "./e2e-harness.js";

const echo = `{ "200": { description: echo, content: { application/json: { schema: { type: object } } } } }`;

const SPEC = `
openapi: 3.0.3
info: { title: Agreement, version: 1.0.0 }
paths:
  /actions:
    get:
      operationId: putActions
      tags: [agreement]
      parameters:
        - { name: Actions, in: query, required: true, schema: { type: array, items: { $ref: "#/components/schemas/Action" } } }
        - { name: pairs, in: query, explode: false, schema: { type: array, items: { $ref: "#/components/schemas/Action" } } }
        - { name: filter, in: query, style: deepObject, schema: { type: object, properties: { range: { type: object, properties: { gte: { type: integer } } }, tags: { type: array, items: { type: string } } } } }
        - { name: X-Actions, in: header, schema: { type: array, items: { $ref: "#/components/schemas/Action" } } }
      responses: ${echo}
  /refs:
    get:
      operationId: getRefs
      tags: [agreement]
      parameters:
        - { name: include, in: query, explode: false, schema: { type: array, default: "true", items: { type: string, enum: ["true", "false", compact] } } }
        - { name: ids, in: query, explode: false, schema: { type: array, default: "1,2", items: { type: integer } } }
        - { name: last_index, in: query, schema: { type: integer, default: null } }
        - { name: updatedAfter, in: query, schema: { type: string, pattern: date-time, default: "2025-10-15T13:51:08.377Z" } }
        - { name: order, in: query, schema: { type: string, enum: [asc, desc], default: ascending } }
        - { name: licensed, in: query, schema: { type: string, enum: ["yes", " no"], default: "no" } }
        - { name: sort, in: query, schema: { type: string, enum: [asc, " desc"], default: asc } }
      responses: ${echo}
  /widgets:
    get:
      operationId: getWidgets
      tags: [agreement]
      parameters:
        - { name: Accept, in: header, schema: { type: string, enum: [application/json, text/html] } }
      responses: ${echo}
  /appends:
    post:
      operationId: appendData
      tags: [agreement]
      parameters:
        - { name: Transfer-Encoding, in: header, required: true, schema: { type: string, enum: [chunked] } }
        - { name: Accept-Encoding, in: header, schema: { type: string, enum: [application/json, base64], default: application/json } }
      requestBody: { required: true, content: { application/json: { schema: { type: object } } } }
      responses: ${echo}
  /things/{id}:
    get:
      operationId: getThing
      tags: [agreement]
      parameters:
        - { name: id, in: path, required: true, content: { application/json: { schema: { type: string } } } }
        - { name: where, in: query, content: { application/json: { schema: { type: object, properties: { n: { type: integer } } } } } }
      responses: ${echo}
components:
  schemas:
    Action:
      type: object
      required: [Name]
      properties: { Name: { type: string }, Size: { type: integer }, Tags: { type: array, items: { type: string } } }
`;

describe("generated client and server agree on values the styles leave undefined", () => {
  let served: ServedSpec | undefined;
  let api: any;
  beforeAll(async () => {
    served = await serveSpecText(
      "agreement",
      SPEC,
      (_op, { params, query, headers }) => ({ status: 200, body: { params, query, headers } }),
      {},
      { client: true },
    );
    api = served.client.createClient({ baseUrl: served.url, retry: false });
  }, 120_000);
  afterAll(async () => served?.close());

  it("carries an array of objects in a form query, exploded or not, and in a header, each object as its JSON text", async () => {
    const actions = [{ Name: "a, b", Size: 2, Tags: ["x", "y"] }, { Name: 'quote " and {brace' }];
    const answer = await api.agreement.putActions({ Actions: actions, pairs: actions, "X-Actions": actions });
    expect(answer.query).toEqual({ Actions: actions, pairs: actions });
    expect(answer.headers["X-Actions"]).toEqual(actions);
  });

  it("carries a deepObject's nested object and array members as JSON texts", async () => {
    const filter = { range: { gte: 3 }, tags: ["a", "b,c"] };
    expect((await api.agreement.putActions({ Actions: [{ Name: "a" }], filter })).query.filter).toEqual(filter);
  });

  it("reads an array parameter's scalar default as the wire value it stands for; leaves out a default of another type or one its schema refuses", async () => {
    expect((await api.agreement.getRefs({})).query).toEqual({ include: ["true"], ids: [1, 2], sort: "asc" });
    expect((await api.agreement.getRefs({ last_index: 3 })).query.last_index).toBe(3);
    expect((await api.agreement.getRefs({ updatedAfter: "a date-time", order: "desc" })).query).toMatchObject({
      updatedAfter: "a date-time",
      order: "desc",
    });
    expect((await api.agreement.getRefs({ include: ["compact", "false"] })).query.include).toEqual([
      "compact",
      "false",
    ]);
  });

  it("ignores an Accept parameter's definition (OpenAPI 3.0.3 §4.7.12.1): the client's own Accept is not refused", async () => {
    // spoonacular.com: without this the client's own Accept failed the parameter's enum
    expect((await api.agreement.getWidgets({})).headers).toEqual({});
  });

  it("ignores header parameters the transport sets itself (azure.com datalake Transfer-Encoding, conjur.local Accept-Encoding)", async () => {
    const answer = await api.agreement.appendData({ body: { data: "abc" } });
    expect(answer.headers).toEqual({});
  });

  it('leaves out a default its own enum refuses (ticketmaster `default: no`, `enum: [yes, " no"]`); enum values keep their spaces', async () => {
    expect((await api.agreement.getRefs({})).query).not.toHaveProperty("licensed");
    const answer = await api.agreement.getRefs({ licensed: " no", sort: " desc" });
    expect([answer.query.licensed, answer.query.sort]).toEqual([" no", " desc"]);
  });

  it("sends parameters defined by JSON content as their JSON text, which the server parses", async () => {
    const answer = await api.agreement.getThing({ id: "a b/c", where: { n: 2 } });
    expect([answer.params, answer.query]).toEqual([{ id: "a b/c" }, { where: { n: 2 } }]);
  });

  it("generates strict-clean code", { timeout: 300_000 }, async () => {
    expect(await typecheck("agreement", [served?.outDir ?? ""])).toBe("");
  });
});
