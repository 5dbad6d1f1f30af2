import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { SchemaRegistry } from "../../templates/runtime/server/json-schema.js";

const document = {
  openapi: "3.0.3",
  components: {
    schemas: {
      Pet: {
        type: "object",
        required: ["id", "name", "password"],
        properties: {
          id: { type: "integer", readOnly: true },
          name: { type: "string", nullable: true, description: "shown in docs" },
          password: { type: "string", writeOnly: true },
          age: { type: "integer", minimum: 0, exclusiveMinimum: true },
          parent: { $ref: "#/components/schemas/Pet" },
          kind: { type: "string", enum: ["cat", "dog"], nullable: true },
        },
      },
    },
  },
};

function validator(direction: "request" | "response", openapi30 = true) {
  const registry = new SchemaRegistry(document, openapi30, direction);
  const schema = registry.convert({ $ref: "#/components/schemas/Pet" });
  const ajv = new Ajv2020({ strict: false });
  ajv.addSchema(registry.root());
  return ajv.compile(schema as object);
}

describe("OpenAPI 3.0 schemas as JSON Schema 2020-12", () => {
  it("applies nullable, boolean exclusiveMinimum and recursion", () => {
    const validate = validator("request");
    expect(validate({ name: null, password: "x", kind: null })).toBe(true);
    expect(validate({ name: "rex", password: "x", age: 0 })).toBe(false);
    expect(validate({ name: "rex", password: "x", age: 1, parent: { name: "mum", password: "y", age: "old" } })).toBe(
      false,
    );
  });

  it("does not require readOnly properties in requests nor writeOnly ones in responses", () => {
    expect(validator("request")({ name: "rex", password: "x" })).toBe(true);
    expect(validator("response")({ id: 1, name: "rex" })).toBe(true);
    expect(validator("response")({ name: "rex" })).toBe(false);
  });

  it("reads Swagger 2's file as converters write it (`type: object, format: file`) as any content (azure hdinsight-job)", () => {
    const registry = new SchemaRegistry(document, true, "request");
    const ajv = new Ajv2020({ strict: false, formats: { file: true } });
    const validate = ajv.compile(registry.convert({ type: "object", format: "file" }) as object);
    expect([validate("name=wordcount&jar=/example.jar"), validate({})]).toEqual([true, true]);
  });

  it("drops annotations and copies each $ref target once", () => {
    const registry = new SchemaRegistry(document, true, "request");
    registry.convert({ $ref: "#/components/schemas/Pet" });
    registry.convert({ type: "array", items: { $ref: "#/components/schemas/Pet" } });
    const root = registry.root() as { $defs: Record<string, unknown> };
    expect(Object.keys(root.$defs)).toEqual(["components/schemas/Pet"]);
    expect(JSON.stringify(root)).not.toContain("shown in docs");
  });
});

describe("patterns that are not valid Unicode regular expressions (AWS: \\_, \\p{Print}, {,3})", () => {
  const spec = {
    openapi: "3.1.0",
    components: {
      schemas: {
        Name: {
          type: "object",
          properties: {
            id: { type: "string", pattern: "^[a-zA-Z0-9\\_\\-]+$" },
            label: { type: "string", pattern: "\\p{Print}+" },
            code: { type: "string", pattern: "^[A-Z]{2}$" },
          },
          patternProperties: { "^x\\-": { type: "string" }, "^y_": { type: "integer" } },
        },
      },
    },
  };

  it("leaves out only those patterns, so the validator compiles and still checks the valid ones", () => {
    const registry = new SchemaRegistry(spec, false, "request");
    const schema = registry.convert({ $ref: "#/components/schemas/Name" });
    const ajv = new Ajv2020({ strict: false });
    ajv.addSchema(registry.root());
    const validate = ajv.compile(schema as object);
    expect(validate({ id: "a_b-c", label: "anything at all", code: "NL" })).toBe(true);
    expect(validate({ id: "spaces are not checked any more", code: "NL" })).toBe(true);
    expect(validate({ code: "nl" })).toBe(false);
    expect(validate({ y_count: "not an integer" })).toBe(false);
  });
});

describe("pattern filters", () => {
  const spec = {
    openapi: "3.1.0",
    components: {
      schemas: {
        Slug: {
          type: "object",
          properties: {
            slug: { type: "string", pattern: "^(?!-)[a-z-]+$" },
            code: { type: "string", pattern: "^[A-Z]{2}$" },
          },
          patternProperties: { "^(?!x)y": { type: "integer" } },
        },
      },
    },
  };

  it("keeps only linear-time patterns by default (development-mode response checks have no ReDoS detector)", () => {
    const registry = new SchemaRegistry(spec, false, "response");
    expect(registry.convert({ $ref: "#/components/schemas/Slug" })).toBeTruthy();
    expect(registry.root().$defs).toEqual({
      "components/schemas/Slug": {
        type: "object",
        properties: { slug: { type: "string" }, code: { type: "string", pattern: "^[A-Z]{2}$" } },
        patternProperties: {},
      },
    });
  });

  it("asks the given filter, with each pattern's place in the spec", () => {
    const asked: string[] = [];
    const registry = new SchemaRegistry(spec, false, "request", (pattern, at) => {
      asked.push(`${at} ${pattern}`);
      return true;
    });
    registry.convert({ $ref: "#/components/schemas/Slug" });
    expect(asked.sort()).toEqual([
      "#/components/schemas/Slug/patternProperties ^(?!x)y",
      "#/components/schemas/Slug/properties/code/pattern ^[A-Z]{2}$",
      "#/components/schemas/Slug/properties/slug/pattern ^(?!-)[a-z-]+$",
    ]);
  });
});

describe("a oneOf no value can satisfy", () => {
  // nexmo.com redact: two error schemas that differ only in descriptions and examples
  const error = (title: string) => ({
    type: "object",
    description: title,
    required: ["type", "title"],
    properties: { type: { type: "string", example: `#${title}` }, title: { type: "string", example: title } },
  });
  const spec = {
    components: {
      schemas: {
        InvalidJson: error("Invalid JSON"),
        UnsupportedProduct: error("Unsupported product"),
        Titled: { type: "object", required: ["title"], properties: { title: { type: "string" } } },
        Untitled: { type: "object", required: ["title"], properties: { name: { type: "string" } } },
      },
    },
  };
  const validate = (oneOf: string[]) => {
    const registry = new SchemaRegistry(spec, true, "response");
    const schema = registry.convert({ oneOf: oneOf.map((name) => ({ $ref: `#/components/schemas/${name}` })) });
    const ajv = new Ajv2020({ strict: false });
    ajv.addSchema(registry.root());
    return ajv.compile(schema as object);
  };

  it("is read as anyOf when two branches accept the same values", () => {
    expect(validate(["InvalidJson", "UnsupportedProduct"])({ type: "#x", title: "Invalid JSON" })).toBe(true);
    expect(validate(["InvalidJson", "UnsupportedProduct"])({ type: "#x" })).toBe(false);
  });

  it("stays oneOf when the branches differ, also by a property name that is an annotation keyword", () => {
    expect(validate(["Titled", "Untitled"])({ title: "t" })).toBe(false); // matches both
    expect(validate(["Titled", "Untitled"])({ title: 1, name: "n" })).toBe(true);
  });
});

describe("a type that admits none of the enum's values", () => {
  it("is left out, with a report at its place: the enum's values validate (visualstudio.com MessageCodes)", () => {
    const spec = {
      components: {
        schemas: { Codes: { type: "integer", format: "int32", enum: ["0 (Unknown)", "1 (ExceededQuota)"] } },
      },
    };
    const dropped: string[] = [];
    const registry = new SchemaRegistry(spec, true, "response", undefined, undefined, (at, why) =>
      dropped.push(`${at}: ${why}`),
    );
    const schema = registry.convert({ $ref: "#/components/schemas/Codes" });
    const ajv = new Ajv2020({ strict: false });
    ajv.addSchema(registry.root());
    const validate = ajv.compile(schema as object);
    expect([validate("0 (Unknown)"), validate(0), validate("2 (Other)")]).toEqual([true, false, false]);
    expect(dropped).toEqual([
      '#/components/schemas/Codes/type: "type" "integer" admits none of the "enum" values, so no value is valid (JSON Schema 2020-12 §6.1)',
    ]);
  });

  it('keeps a type whose enum spells its values as strings (Swagger 2\'s boolean enum ["false", "true"])', () => {
    const spec = { components: { schemas: { Flag: { type: "boolean", enum: ["false", "true"] } } } };
    const dropped: string[] = [];
    const registry = new SchemaRegistry(spec, true, "request", undefined, undefined, (at) => dropped.push(at));
    expect(registry.convert({ $ref: "#/components/schemas/Flag" })).toBeDefined();
    expect([registry.root().$defs, dropped]).toEqual([{ "components/schemas/Flag": spec.components.schemas.Flag }, []]);
  });
});
