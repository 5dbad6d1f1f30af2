// Request bodies in a generated server, over HTTP: a body declared under several media types is read and validated
// by the declared media type it falls under (RFC 9110 §12.5.1: parameters, then type/subtype, `type/*`, `*/*`);
// text is validated as a string, forms are parsed, coerced and validated (with JSON `encoding`), bytes arrive as a
// Buffer under the size limit, undeclared media types get 415 (issue 13).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rawCall, serveSpecText, typecheck } from "./e2e-harness.js";
import type { ServedSpec } from "./e2e-harness.js";

const ok = `{ "200": { description: echo, content: { application/json: { schema: { type: object } } } } }`;
const SPEC = `
openapi: 3.0.3
info: { title: Bodies, version: 1.0.0 }
paths:
  /things:
    post:
      operationId: createThing
      requestBody:
        required: true
        content:
          application/json: { schema: { type: object, required: [a], properties: { a: { type: integer } } } }
          "application/vnd.api+json; type=two": { schema: { type: object, required: [b], properties: { b: { type: string } } } }
          application/*: { schema: { type: object, required: [c], properties: { c: { type: boolean } } } }
          text/plain: { schema: { type: string, maxLength: 5 } }
          application/x-www-form-urlencoded:
            schema:
              type: object
              required: [n]
              properties:
                n: { type: integer }
                tags: { type: array, items: { type: string } }
                meta: { type: object, required: [k], properties: { k: { type: string } } }
            encoding: { meta: { contentType: application/json } }
      responses: ${ok}
  /detect:
    post:
      operationId: detectFood
      requestBody:
        required: true
        content:
          application/x-www-form-urlencoded: { schema: { type: string, minLength: 3 }, example: "text=I like tacos" }
      responses: ${ok}
  /transactions:
    post:
      operationId: sendTransaction
      requestBody: { content: { text/plain: { schema: { type: object, properties: {} } } } }
      responses: ${ok}
  /plans/{id}:
    delete:
      operationId: deletePlanItem
      parameters: [{ name: id, in: path, required: true, schema: { type: integer } }]
      requestBody: { required: true, content: { "": { schema: { type: object, required: [id], properties: { id: { type: integer } } } } } }
      responses: ${ok}
  /blobs:
    put:
      operationId: putBlob
      requestBody: { required: true, content: { application/octet-stream: { schema: { type: string, format: binary } } } }
      responses: ${ok}
  /documents:
    put:
      operationId: putDocument
      requestBody: { required: true, content: { text/xml: { schema: { type: object, required: [title], properties: { title: { type: string } } } } } }
      responses: ${ok}
`;

describe("generated server request bodies", () => {
  let served: ServedSpec | undefined;
  beforeAll(async () => {
    const echo = (_op: string, { body }: Record<string, unknown>) => ({
      status: 200,
      body: { body: Buffer.isBuffer(body) ? { bytes: body.length } : body },
    });
    served = await serveSpecText("bodies", SPEC, echo, { bodyLimit: 64 });
  }, 120_000);
  afterAll(async () => served?.close());
  const post = (contentType: string, body: string, path = "/things", method = "POST") =>
    rawCall(`${served?.url ?? ""}${path}`, { method, headers: { "content-type": contentType }, body });

  it("validates a body against the schema of the most specific declared media type", async () => {
    expect((await post("application/json", '{"a":1}')).body).toEqual({ body: { a: 1 } });
    expect((await post("application/json", '{"b":"x"}')).status).toBe(400);
    expect((await post("application/vnd.api+json; type=two", '{"b":"x"}')).body).toEqual({ body: { b: "x" } });
    expect((await post("application/vnd.api+json; type=two", '{"a":1}')).status).toBe(400);
    // Without the parameter, only application/* covers it.
    expect((await post("application/vnd.api+json", '{"c":true}')).body).toEqual({ body: { c: true } });
    expect((await post("application/vnd.api+json", '{"a":1}')).status).toBe(400);
  });

  it("validates text/plain as a string", async () => {
    expect((await post("text/plain", "hello")).body).toEqual({ body: "hello" });
    const long = await post("text/plain", "too long");
    expect([long.status, long.body.errors?.[0]?.code]).toEqual([400, "too_long"]);
  });

  it("parses a form, coerces its fields by the schema, reads JSON-encoded fields, and validates it", async () => {
    const form = "n=3&tags=a&meta=%7B%22k%22%3A%22v%22%7D";
    expect((await post("application/x-www-form-urlencoded", form)).body).toEqual({
      body: { n: 3, tags: ["a"], meta: { k: "v" } },
    });
    expect((await post("application/x-www-form-urlencoded", "n=x")).status).toBe(400);
    const badJson = await post("application/x-www-form-urlencoded", "n=1&meta=nope");
    expect([badJson.status, badJson.body.errors?.[0]?.field]).toEqual([400, "meta"]);
    // An empty form is an object without fields, not a missing body: it is refused for lacking n.
    const empty = await post("application/x-www-form-urlencoded", "");
    expect([empty.status, empty.body.errors?.[0]?.code === "missing_body", JSON.stringify(empty.body.errors)]).toEqual([
      400,
      false,
      expect.stringContaining("n"),
    ]);
  });

  it("hands over a form whose schema is a string as its text, validated as that text (spoonacular.com)", async () => {
    const form = "application/x-www-form-urlencoded";
    const detect = await post(form, "text=I like tacos&n=2", "/detect");
    expect([detect.status, detect.body]).toEqual([200, { body: "text=I like tacos&n=2" }]);
    expect((await post(form, "a", "/detect")).status).toBe(400);
  });

  it("hands over a text body whose schema admits no string unvalidated: it can only be text (chain49.com)", async () => {
    const sent = await post("text/plain", "0200ab", "/transactions");
    expect([sent.status, sent.body]).toEqual([200, { body: "0200ab" }]);
  });

  it("ignores request body content under a key that is no media type: no client can send it (spoonacular.com)", async () => {
    const deleted = await rawCall(`${served?.url ?? ""}/plans/7`, { method: "DELETE" });
    expect([deleted.status, deleted.body]).toEqual([200, {}]);
  });

  it("hands an XML body over as bytes: a schema of its elements cannot be checked against unparsed text", async () => {
    expect((await post("text/xml", "<doc><title>x</title></doc>", "/documents", "PUT")).body).toEqual({
      body: { bytes: 27 },
    });
  });

  it("hands octet-stream bodies over as a Buffer within the size limit, and refuses undeclared media types", async () => {
    expect((await post("application/octet-stream", "abcd", "/blobs", "PUT")).body).toEqual({ body: { bytes: 4 } });
    expect((await post("application/octet-stream", "x".repeat(65), "/blobs", "PUT")).status).toBe(413);
    const png = await post("image/png", "abcd", "/blobs", "PUT");
    expect([png.status, png.headers.get("accept-post")]).toEqual([415, "application/octet-stream"]);
  });

  it("generates strict-clean code (handler bodies typed per media type, Buffer for bytes)", {
    timeout: 300_000,
  }, async () => {
    expect(await typecheck("bodies", [served?.outDir ?? ""])).toBe("");
  });
});
