// A schema JSON Schema does not allow must not crash generation (codat.io/accounting: `definitions: { itemType:
// { type: { enum, type } } }` made ajv throw "schema is invalid"): an ill-formed `type` is left out of validation
// with a warning naming its place; any other ill-formed keyword is the user's error, located, with the fix.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { stringify as toYaml } from "yaml";
import { generate } from "../../generator/library/generate.js";
import { SpecLoadError } from "../../generator/load/load-error.js";
import { TMP_DIR } from "./e2e-harness.js";
import { compileValidators } from "../../generator/emit/server/validators.js";
import { mockAnswers } from "../../generator/emit/server/mock-samples.js";
import { buildModel } from "../../generator/model/build-model.js";
import { ModelError } from "../../generator/model/model-error.js";

const api = (item: unknown) => ({
  openapi: "3.1.0",
  info: { title: "items", version: "1" },
  paths: {
    "/items": {
      post: {
        operationId: "createItem",
        requestBody: { content: { "application/json": { schema: { $ref: "#/components/schemas/Item" } } } },
        responses: {
          "201": {
            description: "created",
            content: { "application/json": { schema: { $ref: "#/components/schemas/Item" } } },
          },
        },
      },
    },
  },
  components: { schemas: { Item: item } },
});

describe("ill-formed schemas", () => {
  it("a `type` holding a schema is left out, with a warning at its place; the validators and the mock still work", () => {
    const document = api({
      type: "object",
      required: ["name"],
      properties: { name: { type: "string" }, itemType: { $ref: "#/components/schemas/Item/definitions/itemType" } },
      definitions: { itemType: { type: { enum: ["Inventory", "Service"], type: "string" } } },
    });
    const warnings: string[] = [];
    const model = buildModel(document, { source: "items.json" });
    const validators = compileValidators(model, (message) => warnings.push(message));
    expect(validators.exports.bodies.length).toBe(1);
    expect(warnings).toContain(
      'items.json: #/components/schemas/Item/definitions/itemType/type: "type" must be a type name or a list of them (JSON Schema 2020-12 §6.1.1), not {"enum":["Inventory","Service"],"type":"string"}; it is left out of validation (fix the schema there)',
    );
    expect(mockAnswers(model, () => undefined).get("createItem")?.body).toMatchObject({ name: expect.any(String) });
  });

  it("a parameter default its own schema refuses is not applied, with a warning at its place", () => {
    const document = {
      openapi: "3.0.3",
      info: { title: "assets", version: "1" },
      paths: {
        "/asset": {
          get: {
            operationId: "listAssets",
            parameters: [
              // pressassociation.io: a format written as a pattern, with a default that does not match it
              {
                name: "updatedAfter",
                in: "query",
                schema: { type: "string", pattern: "date-time", default: "2025-10-15" },
              },
              { name: "size", in: "query", schema: { type: "integer", default: 20 } },
            ],
            responses: { "204": { description: "none" } },
          },
        },
      },
    };
    const warnings: string[] = [];
    const validators = compileValidators(buildModel(document, { source: "assets.json" }), (m) => warnings.push(m));
    expect(warnings).toEqual([
      'assets.json: GET /asset query parameter "updatedAfter" schema: default "2025-10-15" fails its own schema (must match pattern "date-time"); the server does not apply it (fix the default or the schema there)',
    ]);
    expect(validators.modules.params).not.toContain("2025-10-15");
    expect(validators.modules.params).toContain("20");
  });

  it("a text body schema that admits no string is left out of validation, with a warning at its place", () => {
    const document = {
      openapi: "3.0.3",
      info: { title: "tx", version: "1" },
      paths: {
        "/tx": {
          post: {
            requestBody: { content: { "text/plain": { schema: { type: "object", properties: {} } } } },
            responses: { "204": { description: "sent" } },
          },
        },
      },
    };
    const warnings: string[] = [];
    const validators = compileValidators(buildModel(document, { source: "tx.json" }), (m) => warnings.push(m));
    expect(warnings).toEqual([
      "tx.json: POST /tx request body schema (text/plain): a text body is a string, and this schema admits none; it is left out of validation (fix the schema there: type string)",
    ]);
    expect(validators.exports.bodies).toEqual([]);
  });

  it("another ill-formed keyword is a ModelError naming the place and the fix, not a crash", () => {
    const document = api({ type: "object", properties: { count: { type: "integer", minimum: "one" } } });
    const model = buildModel(document, { source: "items.json" });
    let thrown: unknown;
    try {
      compileValidators(model, () => undefined);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ModelError);
    expect((thrown as ModelError).pointer).toBe("#/components/schemas/Item/properties/count/minimum");
    expect((thrown as ModelError).message).toContain("must be number");
    expect((thrown as ModelError).fix).toContain("JSON Schema 2020-12");
  });

  it("generating from a one-file spec reports that ModelError at the keyword's file:line:col", async () => {
    mkdirSync(TMP_DIR, { recursive: true });
    const spec = join(TMP_DIR, "invalid-schema.yaml");
    const yaml = toYaml(api({ type: "object", properties: { count: { type: "integer", minimum: "one" } } }));
    writeFileSync(spec, yaml);
    const failure = await generate({
      spec,
      out: join(TMP_DIR, "invalid-schema-out"),
      server: true,
      conventions: false,
    }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(SpecLoadError);
    const located = failure as SpecLoadError;
    expect(located.file).toBe(spec);
    const line = yaml.split("\n").findIndex((text) => text.includes("minimum: one")) + 1;
    expect([located.line, located.message]).toEqual([
      line,
      expect.stringContaining("#/components/schemas/Item/properties/count/minimum"),
    ]);
    expect(located.fix).toContain("JSON Schema 2020-12");
  });
});
