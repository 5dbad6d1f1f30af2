// The conformance runner's own pieces, on small inputs: the values it builds must satisfy the schema they were
// built for (else a failure would be the runner's, not the generator's), and its samples must be the same every run.
import { describe, expect, it } from "vitest";
import { chooseOperations, unreachableReasons } from "../conformance/conform-spec.js";
import { describeAnswer } from "../conformance/exercise.js";
import { invalidInput, validInput } from "../conformance/inputs.js";
import { buildModel } from "../../generator/model/build-model.js";
import { evenSample } from "../conformance/sample.js";
import { stringForPattern } from "../../generator/model/pattern-sample.js";
import { synthesize } from "../conformance/samples.js";
import { specSchemas } from "../conformance/spec-schemas.js";
import type { Operation } from "../../generator/model/ir.js";

const document = {
  openapi: "3.0.3",
  components: {
    schemas: {
      Arn: { type: "string", pattern: "^arn:aws:[a-z]{3}:\\d{12}$", minLength: 10 },
      Pet: {
        type: "object",
        required: ["id", "name", "born", "tags", "size"],
        properties: {
          id: { type: "string", format: "uuid", readOnly: true },
          name: { type: "string", minLength: 7, maxLength: 8 },
          born: { type: "string", format: "date" },
          tags: { type: "array", minItems: 2, items: { type: "string", enum: ["a", "b"] } },
          size: { type: "integer", minimum: 10, exclusiveMaximum: true, maximum: 11 },
          owner: { $ref: "#/components/schemas/Arn" },
          note: { type: "string", nullable: true },
        },
      },
    },
  },
};

describe("conformance runner parts", () => {
  const schemas = specSchemas(document);

  it("builds request values that satisfy format, length, enum, item count and bounds (readOnly left out)", () => {
    const pet = synthesize(document, { $ref: "#/components/schemas/Pet" }, "request") as Record<string, unknown>;
    expect(pet.id).toBeUndefined();
    expect(schemas.accepts({ $ref: "#/components/schemas/Pet" }, pet, "request")).toBe(true);
  });

  it("a response must carry readOnly required properties, a request need not (OpenAPI 3.0.3 §4.7.25)", () => {
    const pet = { name: "Rexanne", born: "2024-01-02", tags: ["a", "b"], size: 10 };
    expect(schemas.accepts(document.components.schemas.Pet, pet, "request")).toBe(true);
    expect(schemas.accepts(document.components.schemas.Pet, pet, "response")).toBe(false);
  });

  it("reads 3.0 nullable and boolean exclusive bounds", () => {
    const base = { name: "Rexanne", born: "2024-01-02", tags: ["a", "b"] };
    expect(schemas.accepts(document.components.schemas.Pet, { ...base, size: 10, note: null }, "request")).toBe(true);
    expect(schemas.accepts(document.components.schemas.Pet, { ...base, size: 11 }, "request")).toBe(false);
  });

  it("builds strings for simple patterns", () => {
    const arn = stringForPattern("^arn:aws:[a-z]{3}:\\d{12}$");
    expect(arn).toMatch(/^arn:aws:[a-z]{3}:\d{12}$/);
    expect(stringForPattern("^(EUR|USD)-[A-Z]{2}$")).toMatch(/^(EUR|USD)-[A-Z]{2}$/);
    expect(stringForPattern("^[a-z]+$", 25, 30)).toMatch(/^[a-z]{25,30}$/);
  });

  it("samples evenly and the same way every time", () => {
    const items = Array.from({ length: 100 }, (_, i) => i);
    const sample = evenSample(items, 10, 1);
    expect(sample).toEqual(evenSample(items, 10, 1));
    expect(new Set(sample).size).toBe(10);
    expect(sample.every((n, i) => n >= i * 10 && n < (i + 1) * 10)).toBe(true);
    expect(evenSample(items, 10, 2)).not.toEqual(sample);
  });

  it("exercises at most 25 operations, spread over the whole list", () => {
    const ops = Array.from({ length: 100 }, (_, i) => ({ id: `op${i}` }) as Operation);
    const chosen = chooseOperations(ops);
    expect(chosen).toHaveLength(25);
    expect(chosen[0]!.id).toBe("op0");
    expect(chosen[24]!.id).toBe("op96");
    expect(chooseOperations(ops.slice(0, 7))).toHaveLength(7);
  });

  it("does not exercise an operation whose path is equivalent to an earlier one's with the same method (containeranalysis)", () => {
    const op = (id: string, method: string, path: string) => ({ id, method, path }) as Operation;
    const getNotes = op("getNotes", "get", "/v1beta1/{name}/notes");
    const listNotes = op("listNotes", "get", "/v1beta1/{parent}/notes");
    const createNote = op("createNote", "post", "/v1beta1/{parent}/notes");
    // The server routes every GET of that shape to getNotes, which declares none of listNotes' paging parameters.
    const reasons = unreachableReasons([getNotes, listNotes, createNote]);
    expect([...reasons.keys()]).toEqual([listNotes]);
    expect(reasons.get(listNotes)).toMatch(/equivalent to "\/v1beta1\/\{name\}\/notes", whose GET \(getNotes\)/);
  });

  it("builds only values the wire carries: no empty path segment, no empty required array; reads serialised array examples", () => {
    const spec = {
      openapi: "3.0.3",
      info: { title: "wire", version: "1" },
      paths: {
        "/tags/{arn}#tagKeys": {
          delete: {
            operationId: "untag",
            parameters: [
              {
                name: "arn",
                in: "path",
                required: true,
                schema: { type: "string", pattern: "[\\s\\S]*", minLength: 0, maxLength: 50 },
              },
              { name: "tagKeys", in: "query", required: true, schema: { type: "array", items: { type: "string" } } },
            ],
            responses: { "204": { description: "untagged" } },
          },
        },
        "/routes": {
          get: {
            operationId: "routes",
            parameters: [
              {
                name: "routeId",
                in: "query",
                required: true,
                example: "A,B",
                schema: { type: "array", items: { type: "string" } },
              },
            ],
            responses: { "204": { description: "ok" } },
          },
        },
      },
    };
    const model = buildModel(spec, { source: "wire.yaml" });
    const inputOf = (id: string) =>
      validInput(model, spec, specSchemas(spec), model.operations.find((op) => op.id === id)!).input;
    const untag = inputOf("untag");
    expect([typeof untag.arn, untag.arn === "", Array.isArray(untag.tagKeys) && untag.tagKeys.length > 0]).toEqual([
      "string",
      false,
      true,
    ]);
    expect(inputOf("routes")).toEqual({ routeId: ["A", "B"] });
    // Leaving out `tagKeys`, which selects the operation (`#tagKeys`), would ask for another one: not an invalid input.
    const untagOp = model.operations.find((op) => op.id === "untag")!;
    expect(invalidInput(model, spec, specSchemas(spec), untagOp, untag)?.what).toBeUndefined();
  });

  it("gives an exploded form object only the properties its schema declares: another name is another parameter", () => {
    // seldon.local: the example `{ json: "…" }` names no property of SeldonMessage
    const spec = {
      openapi: "3.0.0",
      info: { title: "seldon", version: "1" },
      paths: {
        "/predict": {
          get: {
            operationId: "predict",
            parameters: [
              {
                name: "json",
                in: "query",
                required: true,
                example: { json: '{"data":{}}' },
                schema: { type: "object", properties: { strData: { type: "string" }, binData: { type: "string" } } },
              },
            ],
            responses: { "204": { description: "ok" } },
          },
        },
      },
    };
    const model = buildModel(spec, { source: "seldon.yaml" });
    const { input } = validInput(model, spec, specSchemas(spec), model.operations[0]!);
    expect(Object.keys(input.json as object).every((name) => name === "strData" || name === "binData")).toBe(true);
    expect(Object.keys(input.json as object).length).toBeGreaterThan(0);
  });

  it("sends a multipart array of scalars as one part per item, a required one never empty (evemarketer.com typeid)", () => {
    const spec = {
      openapi: "3.0.0",
      info: { title: "evemarketer", version: "1" },
      paths: {
        "/marketstat": {
          post: {
            operationId: "postMarketstat",
            requestBody: {
              required: true,
              content: {
                "multipart/form-data": {
                  schema: {
                    type: "object",
                    required: ["typeid", "pair"],
                    properties: {
                      typeid: { type: "array", items: { type: "integer", format: "int32" } },
                      pair: { type: "array", minItems: 2, items: { type: "integer" } },
                      meta: { type: "object", properties: { a: { type: "integer" } } },
                    },
                  },
                },
              },
            },
            responses: { "204": { description: "ok" } },
          },
        },
      },
    };
    const model = buildModel(spec, { source: "evemarketer.json" });
    const { input } = validInput(model, spec, specSchemas(spec), model.operations[0]!);
    const form = input.body as FormData;
    expect(form.getAll("typeid").length).toBeGreaterThanOrEqual(1);
    expect(form.getAll("pair").length).toBeGreaterThanOrEqual(2);
    const parts = [...form.getAll("typeid"), ...form.getAll("pair")];
    expect(parts.every((part) => /^-?\d+$/.test(String(part)))).toBe(true);
  });

  it("calls a multipart body whose schema is a string untestable: no form is a string (libretranslate.local)", () => {
    const spec = {
      openapi: "3.0.0",
      info: { title: "libretranslate", version: "1" },
      paths: {
        "/translate_file": {
          post: {
            operationId: "postTranslateFile",
            requestBody: { required: true, content: { "multipart/form-data": { schema: { type: "string" } } } },
            responses: { "200": { description: "ok" } },
          },
        },
      },
    };
    const model = buildModel(spec, { source: "libretranslate.json" });
    expect(validInput(model, spec, specSchemas(spec), model.operations[0]!).untestable).toMatch(/is a string/);
  });

  it("starts a list whose page token is required with the empty token, the first page (googleapis drive changes)", () => {
    const spec = {
      openapi: "3.0.0",
      info: { title: "drive", version: "1" },
      paths: {
        "/changes": {
          get: {
            operationId: "changesList",
            parameters: [{ name: "pageToken", in: "query", required: true, schema: { type: "string" } }],
            responses: {
              "200": {
                description: "ok",
                content: {
                  "application/json": {
                    schema: {
                      type: "object",
                      properties: {
                        changes: { type: "array", items: { type: "object" } },
                        nextPageToken: { type: "string" },
                      },
                    },
                  },
                },
              },
            },
          },
        },
      },
    };
    const model = buildModel(spec, { source: "drive.json" });
    const op = model.operations[0]!;
    expect(op.pagination?.kind).toBe("cursor");
    expect(validInput(model, spec, specSchemas(spec), op).input.pageToken).toBe("");
  });

  it("resolves a $ref whose pointer passes through a node holding a $ref (codat.io, into a response schema's siblings)", () => {
    const through =
      "#/paths/~1branding/get/responses/200/content/application~1json/schema/properties/logo/properties/full";
    const spec = {
      openapi: "3.0.0",
      paths: {
        "/branding": {
          get: {
            responses: {
              "200": {
                description: "ok",
                content: {
                  "application/json": {
                    schema: {
                      $ref: "#/components/schemas/Branding",
                      properties: { logo: { properties: { full: { type: "string" } } } },
                    },
                  },
                },
              },
            },
          },
        },
      },
      components: {
        schemas: {
          Branding: {
            type: "object",
            properties: { logo: { type: "object", properties: { square: { $ref: through } } } },
          },
        },
      },
    };
    const validate = specSchemas(spec).validator(
      "#/paths/~1branding/get/responses/200/content/application~1json/schema",
      "response",
    );
    expect([validate({ logo: { square: "a.png" } }), validate({ logo: { square: 7 } })]).toEqual([true, false]);
  });

  it("reads a oneOf whose branches accept the same values as anyOf, as the generated server does (nexmo.com)", () => {
    const error = (title: string) => ({
      type: "object",
      description: title,
      required: ["title"],
      properties: { title: { type: "string", example: title } },
    });
    const spec = { openapi: "3.0.0", components: { schemas: { A: error("Invalid JSON"), B: error("Unsupported") } } };
    const oneOf = { oneOf: [{ $ref: "#/components/schemas/A" }, { $ref: "#/components/schemas/B" }] };
    expect(specSchemas(spec).accepts(oneOf, { title: "Invalid JSON" }, "response")).toBe(true);
    expect(specSchemas(spec).accepts(oneOf, { title: 7 }, "response")).toBe(false);
  });

  it("gives a path parameter no value that makes a more specific path of the same method match (vtex.local)", () => {
    const remove = (operationId: string, params: string[]) => ({
      delete: {
        operationId,
        parameters: params.map((name) => ({
          name,
          in: "path",
          required: true,
          example: "Client",
          schema: { type: "string" },
        })),
        responses: { "204": { description: "deleted" } },
      },
    });
    const spec = {
      openapi: "3.0.3",
      info: { title: "entities", version: "1" },
      paths: {
        "/entities/Client/documents/{id}": remove("deleteClient", ["id"]),
        "/entities/{entity}/documents/{id}": remove("deleteDocument", ["entity", "id"]),
      },
    };
    const model = buildModel(spec, { source: "entities.yaml" });
    const op = model.operations.find((candidate) => candidate.id === "deleteDocument")!;
    const { input } = validInput(model, spec, specSchemas(spec), op);
    expect([typeof input.entity, input.entity === "Client", input.id]).toEqual(["string", false, "Client"]);
  });

  it("reads a type that admits none of the enum's values as left out, as the generated server does (visualstudio.com)", () => {
    const codes = { type: "integer", enum: ["0 (Unknown)", "1 (ExceededQuota)"] };
    const schemas = specSchemas({ openapi: "3.0.1" });
    expect([schemas.accepts(codes, "0 (Unknown)", "response"), schemas.accepts(codes, 0, "response")]).toEqual([
      true,
      false,
    ]);
  });

  it("builds no invalid input from a header whose definition the server ignores (Accept, OpenAPI 3.0.3 §4.7.12.1)", () => {
    const spec = {
      openapi: "3.0.0",
      info: { title: "accept", version: "1" },
      paths: {
        "/widget": {
          get: {
            operationId: "widget",
            parameters: [
              { name: "Accept", in: "header", required: true, schema: { type: "string", enum: ["text/html"] } },
            ],
            responses: { "204": { description: "ok" } },
          },
        },
      },
    };
    const model = buildModel(spec, { source: "accept.yaml" });
    const op = model.operations[0]!;
    const { input } = validInput(model, spec, specSchemas(spec), op);
    expect(invalidInput(model, spec, specSchemas(spec), op, input)).toBeUndefined();
  });
  it("describes an answer in the spec's own error schema by its text (Azure: a bare 400 said nothing)", () => {
    const text = '{"errorCode":"validation_failed","errorMessage":"query.x selects the operation; send it"}';
    const exchange = { method: "PUT", url: "http://h/x", status: 400, contentType: "application/json", text };
    expect(describeAnswer(exchange)).toBe(`400 ${text}`);
    const problem = JSON.stringify({ code: "not_found", detail: "No operation matches." });
    expect(describeAnswer({ ...exchange, status: 404, text: problem })).toBe("404 not_found No operation matches.");
  });

  it("gives no wrong value to a Content-Type header parameter, which OpenAPI says to ignore (azure ContentModerator)", () => {
    const spec = {
      openapi: "3.0.3",
      info: { title: "moderate", version: "1" },
      paths: {
        "/moderate": {
          post: {
            operationId: "moderate",
            parameters: [
              { name: "Content-Type", in: "header", required: true, schema: { type: "string", enum: ["text/plain"] } },
              { name: "X-Lang", in: "header", required: true, schema: { type: "integer", default: 1 } },
            ],
            requestBody: { required: true, content: { "text/plain": { schema: { type: "string" } } } },
            responses: { "204": { description: "ok" } },
          },
        },
      },
    };
    const model = buildModel(spec, { source: "moderate.yaml" });
    const op = model.operations[0]!;
    const valid = validInput(model, spec, specSchemas(spec), op).input;
    expect(invalidInput(model, spec, specSchemas(spec), op, valid)?.what).toBe(
      'header parameter "X-Lang" given "zz-not-valid"',
    );
  });
});
