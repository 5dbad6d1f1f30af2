// The server emitter reads only the model (DESIGN.md): the bundled document it is handed is copied out verbatim
// (openapi.json/.yaml, served by `docs`) and typed by openapi-typescript, never interpreted. Checked twice: by
// running the emitter on a document that throws on every other read, and by scanning emit/server's imports.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { renderServer } from "../../generator/emit/server/generate-server.js";
import { buildModel } from "../../generator/model/build-model.js";
import { TMP_DIR } from "./e2e-harness.js";

/** Uses every fact the emitter once read from the document: $ref'd parameters, page bounds, adjacent path values, examples, 3.0 nullable. */
const spec = (): Record<string, unknown> => ({
  openapi: "3.0.3",
  info: { title: "Refs", version: "1.0.0" },
  servers: [{ url: "/v1" }],
  paths: {
    "/pets": {
      get: {
        operationId: "listPets",
        parameters: [
          { $ref: "#/components/parameters/PageSize" },
          { name: "page_token", in: "query", schema: { type: "string" } },
        ],
        responses: {
          "200": {
            description: "ok",
            content: { "application/json": { schema: { $ref: "#/components/schemas/PetList" } } },
          },
        },
      },
      post: {
        operationId: "createPet",
        requestBody: {
          required: true,
          content: {
            "application/json": { schema: { $ref: "#/components/schemas/Pet" } },
            "application/x-www-form-urlencoded": { schema: { $ref: "#/components/schemas/Pet" } },
          },
        },
        responses: {
          "201": {
            description: "made",
            content: {
              "application/json": { schema: { $ref: "#/components/schemas/Pet" }, example: { name: "Rex", tag: null } },
            },
          },
        },
      },
    },
    "/files/{name}{ext}": {
      get: {
        operationId: "getFile",
        parameters: [
          { name: "name", in: "path", required: true, schema: { type: "string" } },
          { name: "ext", in: "path", required: true, schema: { $ref: "#/components/schemas/Ext" } },
        ],
        responses: {
          "200": {
            description: "ok",
            content: { "application/json": { schema: { $ref: "#/components/schemas/Pet" } } },
          },
        },
      },
    },
  },
  components: {
    parameters: { PageSize: { name: "page_size", in: "query", schema: { $ref: "#/components/schemas/PageSize" } } },
    schemas: {
      PageSize: { type: "integer", minimum: 1, maximum: 50, default: 10 },
      Ext: { type: "string", enum: [".json", ".txt"] },
      Pet: {
        type: "object",
        required: ["name"],
        properties: { name: { type: "string" }, tag: { type: "string", nullable: true } },
      },
      PetList: {
        type: "object",
        required: ["items"],
        properties: {
          items: { type: "array", items: { $ref: "#/components/schemas/Pet" } },
          next_page_token: { type: "string" },
        },
      },
    },
  },
});

/** Functions allowed to read the bundled document: they copy it out as it is. */
const ALLOWED_READERS = ["servedDocuments"];

/** `document`, deeply, as a Proxy that throws on any read made outside ALLOWED_READERS. */
function guarded(document: object): object {
  const allowed = (): boolean => ALLOWED_READERS.some((name) => new Error().stack?.includes(`at ${name} `) === true);
  const refuse = (what: PropertyKey): never => {
    throw new Error(`emit/server read the bundled document (${String(what)}) outside ${ALLOWED_READERS.join(", ")}`);
  };
  const wrap = (node: unknown): unknown =>
    typeof node === "object" && node !== null ? new Proxy(node, handler) : node;
  const handler: ProxyHandler<object> = {
    get: (target, key, receiver) => (allowed() ? wrap(Reflect.get(target, key, receiver)) : refuse(key)),
    has: (target, key) => (allowed() ? Reflect.has(target, key) : refuse(key)),
    ownKeys: (target) => (allowed() ? Reflect.ownKeys(target) : refuse("its keys")),
    getOwnPropertyDescriptor: (target, key) => {
      if (!allowed()) return refuse(key);
      const descriptor = Reflect.getOwnPropertyDescriptor(target, key);
      return descriptor === undefined ? undefined : { ...descriptor, value: wrap(descriptor.value) };
    },
  };
  return wrap(document) as object;
}

describe("the server emitter reads only the model", () => {
  let stackTraceLimit: number;
  beforeEach(() => {
    stackTraceLimit = Error.stackTraceLimit;
    Error.stackTraceLimit = Infinity; // the allowed reader may be deep below YAML's own frames
  });
  afterEach(() => {
    Error.stackTraceLimit = stackTraceLimit;
  });

  it("renders the same server from a document it may not read (types aside) as from the document itself", async () => {
    const model = buildModel(spec(), { source: "refs.yaml" });
    const outDir = join(TMP_DIR, "ir-only-none");
    const options = { skipTypes: true, warn: () => {} };
    const expected = await renderServer(model, spec(), outDir, options);
    const actual = await renderServer(model, guarded(spec()) as Record<string, unknown>, outDir, options);
    expect([...actual.keys()]).toEqual([...expected.keys()]);
    for (const [path, content] of expected) expect(actual.get(path), path).toBe(content);
    // The facts moved into the IR reached the output.
    const server = expected.get("server.ts") ?? "";
    expect(server).toMatch(/defaultSize"?:\s*10\b/);
    expect(server).toMatch(/maxSize"?:\s*50\b/);
    expect(server).toMatch(/pathValues:\s*\{\s*"?ext"?:\s*\[\s*"\.json",\s*"\.txt"\s*\]/);
  });

  it("the guard is real: an emitter step reading the document fails", () => {
    const document = guarded(spec()) as Record<string, unknown>;
    expect(() => document.openapi).toThrow(/read the bundled document \(openapi\)/);
  });

  it("no emit/server module imports the loader or the model's document readers (only the IR and its naming helpers)", () => {
    const dir = join(import.meta.dirname, "../../generator/emit/server");
    const offending: string[] = [];
    for (const file of readdirSync(dir).filter((name) => name.endsWith(".ts"))) {
      const source = readFileSync(join(dir, file), "utf8");
      for (const match of source.matchAll(/from "([^"]+)"/g)) {
        const specifier = match[1] ?? "";
        // discriminator-branches and refs are functions over the IR's own `schemaRoot` (the validators' discriminator
        // selection), not readers of the bundled document; model-error is the error class an ill-formed schema the
        // validators meet is reported with (it reads nothing); pattern-sample and pattern-policy are functions of a pattern
        // string (a matching sample, how JavaScript runs it), shared with the model's error-payload sampler.
        if (
          /\/load\/|\/model\/(?!ir\.js|identifiers\.js|discriminator-branches\.js|refs\.js|model-error\.js|pattern-sample\.js|pattern-policy\.js)/.test(
            specifier,
          )
        )
          offending.push(`${file}: ${specifier}`);
      }
    }
    expect(offending).toEqual([]);
  });
});
