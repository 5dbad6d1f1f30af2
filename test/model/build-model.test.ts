import { describe, expect, it } from "vitest";
import { bundleSpec, loadSpec } from "../../generator/load/index.js";
import { buildModel } from "../../generator/model/build-model.js";
import { isIdentifier } from "../../generator/model/identifiers.js";
import { ModelError } from "../../generator/model/model-error.js";

const ok = { "200": { description: "ok", content: { "application/json": { schema: { type: "object" } } } } };
const problem = {
  description: "bad",
  content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } },
};

function doc(paths: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return {
    openapi: "3.1.0",
    info: { title: "T", version: "2.3.0" },
    servers: [{ url: "https://api.test/v2" }],
    paths,
    components: {
      schemas: {
        Problem: { type: "object", properties: { title: { type: "string" } } },
        Thing: { type: "object", properties: { id: { type: "string" } } },
        ThingList: {
          type: "object",
          properties: {
            items: { type: "array", items: { $ref: "#/components/schemas/Thing" } },
            next_page_token: { type: "string" },
          },
        },
      },
    },
    ...extra,
  };
}

describe("buildModel: names", () => {
  const model = buildModel(
    doc({
      "/things": {
        get: { operationId: "listThings", tags: ["things"], responses: ok },
        post: { operationId: "class", tags: ["things"], responses: ok },
      },
      "/things/{id}": {
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
        get: { tags: ["things"], responses: ok },
        delete: { operationId: "deleteThing", tags: ["things"], responses: ok },
        put: { operationId: "listThings", tags: ["things"], responses: ok },
      },
      "/zones/{tz}": {
        get: {
          operationId: "Etc/GMT+1",
          parameters: [
            { name: "tz", in: "path", required: true, schema: { type: "string" } },
            { name: "body", in: "query", schema: { type: "string" } },
            { name: "__proto__", in: "query", schema: { type: "string" } },
            { name: "proto", in: "header", schema: { type: "string" } },
          ],
          responses: ok,
        },
        put: { operationId: "Etc/GMT-1", tags: ["__proto__"], responses: ok },
      },
    }),
    { source: "t.yaml" },
  );
  const byPath = (method: string, path: string) =>
    model.operations.find((op) => op.method === method && op.path === path)!;

  it("derives missing operationIds, resolves duplicates and reserved words, deterministically", () => {
    expect(byPath("get", "/things").id).toBe("listThings");
    expect(byPath("put", "/things/{id}").id).toBe("listThings2");
    expect(byPath("post", "/things").id).toBe("class_");
    expect(byPath("get", "/things/{id}").id).toBe("getThingsById");
    expect(byPath("get", "/zones/{tz}").id).toBe("etcGmtPlus1");
    expect(byPath("put", "/zones/{tz}").id).toBe("etcGmtMinus1");
  });

  it("names methods inside groups without the group noun, never reserved, never twice", () => {
    expect(byPath("get", "/things").name).toBe("list");
    expect(byPath("delete", "/things/{id}").name).toBe("delete");
    const things = model.operations.filter((op) => op.group === "things").map((op) => op.name);
    expect(new Set(things).size).toBe(things.length);
    expect(model.groups.map((group) => [group.rawName, group.safeName])).toEqual([
      ["__proto__", "proto"],
      ["things", "things"],
      ["zones", "zones"],
    ]);
  });

  it("parameter safe names avoid body/options and collide-free", () => {
    const params = byPath("get", "/zones/{tz}").parameters.map((p) => [p.in, p.rawName, p.safeName]);
    expect(params).toEqual([
      ["path", "tz", "tz"],
      ["query", "__proto__", "proto"],
      ["query", "body", "body2"],
      ["header", "proto", "proto2"],
    ]);
  });

  it("every emitted name is a valid identifier", () => {
    const names = [
      // `delete`: reserved, but the naming rule's (valid) property name for a DELETE on an item.
      ...model.operations.flatMap((op) => [
        op.id,
        op.name === "delete" ? "remove" : op.name,
        op.group,
        ...op.parameters.map((p) => p.safeName),
      ]),
      ...model.groups.map((g) => g.safeName),
      ...model.schemas.map((s) => s.safeName),
    ];
    for (const name of names) expect(isIdentifier(name), name).toBe(true);
  });

  it("gives no operation an id that createClient's locals (client, options) would shadow (authentiq's operationId client)", () => {
    const model = buildModel(
      doc({
        "/client": { get: { operationId: "client", responses: ok } },
        "/options": { get: { operationId: "options", responses: ok } },
      }),
      { source: "t.yaml" },
    );
    const ids = model.operations.map((op) => op.id);
    expect(ids).not.toContain("client");
    expect(ids).not.toContain("options");
    expect(ids).toHaveLength(2);
  });

  it("the same input gives the same model", () => {
    const again = buildModel(
      JSON.parse(JSON.stringify(doc({ "/b": { get: { responses: ok } }, "/a": { get: { responses: ok } } }))),
      { source: "t.yaml" },
    );
    const reordered = buildModel(doc({ "/a": { get: { responses: ok } }, "/b": { get: { responses: ok } } }), {
      source: "t.yaml",
    });
    expect(JSON.stringify(again)).toBe(JSON.stringify(reordered));
  });
});

describe("buildModel: operations", () => {
  it("resolves parameter defaults, security, version, base path and the error schema", () => {
    const model = buildModel(
      doc(
        {
          "/things": {
            get: {
              security: [{}, { key: [] }],
              parameters: [
                { name: "tags", in: "query", schema: { type: "array" } },
                { name: "X-Trace", in: "header", schema: { type: "string" } },
              ],
              responses: { ...ok, "400": problem, "404": problem, default: problem },
            },
          },
        },
        { security: [{ bearer: [] }] },
      ),
      { source: "t.yaml" },
    );
    const op = model.operations[0]!;
    expect(op.parameters.map((p) => [p.rawName, p.style, p.explode])).toEqual([
      ["tags", "form", true],
      ["X-Trace", "simple", false],
    ]);
    expect(op.security).toEqual([{ schemes: [] }, { schemes: [{ rawName: "key", scopes: [] }] }]);
    expect(model.defaultSecurity).toEqual([{ schemes: [{ rawName: "bearer", scopes: [] }] }]);
    expect(op.responses.map((r) => [r.status, r.kind])).toEqual([
      ["200", "success"],
      ["400", "error"],
      ["404", "error"],
      ["default", "default"],
    ]);
    expect(model.version).toEqual({ raw: "2.3.0" });
    expect(model.basePath).toBe("/v2");
    expect(model.errorSchema).toMatchObject({ name: "Problem", mediaType: "application/problem+json" });
  });

  it("reads the example specs", async () => {
    const model = buildModel(await bundleSpec(await loadSpec("specs/petstore/v1/openapi.yaml")), {
      source: "specs/petstore/v1/openapi.yaml",
    });
    const list = model.operations.find((op) => op.operationId === "listPets");
    expect(list).toMatchObject({
      group: "pets",
      name: "list",
      pagination: {
        kind: "cursor",
        tokenParam: "page_token",
        nextTokenField: ["next_page_token"],
        itemsField: ["items"],
      },
    });
    expect(model.securitySchemes.map((s) => s.kind)).toContain("http-bearer");
  });
});

describe("buildModel: pagination", () => {
  const listing = (
    extra: Record<string, unknown>,
    schema: unknown,
    parameters: string[],
    headers: Record<string, unknown> = {},
  ) =>
    doc({
      "/things": {
        get: {
          // "name:integer" gives the parameter that type; string otherwise.
          parameters: parameters.map((spec) => {
            const [name, type = "string"] = spec.split(":");
            return { name, in: "query", schema: { type } };
          }),
          responses: { "200": { description: "ok", headers, content: { "application/json": { schema } } } },
          ...extra,
        },
      },
    });
  const arrayOfThings = { type: "array", items: { $ref: "#/components/schemas/Thing" } };

  it("detects cursor, offset and Link header schemes", () => {
    const cursor = buildModel(listing({}, { $ref: "#/components/schemas/ThingList" }, ["page_token", "page_size"]), {
      source: "t",
    });
    expect(cursor.operations[0]?.pagination).toEqual({
      kind: "cursor",
      source: "detected",
      tokenParam: "page_token",
      sizeParam: "page_size",
      nextTokenField: ["next_page_token"],
      hasMoreField: null,
      itemsField: ["items"],
    });
    const offset = buildModel(listing({}, arrayOfThings, ["offset:integer", "limit:integer"]), { source: "t" });
    expect(offset.operations[0]?.pagination).toEqual({
      kind: "offset",
      source: "detected",
      offsetParam: "offset",
      limitParam: "limit",
      isLastField: null,
      hasMoreField: null,
      totalField: null,
      itemsField: null,
    });
    const link = buildModel(
      listing({}, arrayOfThings, ["per_page", "page"], { Link: { schema: { type: "string" } } }),
      { source: "t" },
    );
    expect(link.operations[0]?.pagination).toEqual({
      kind: "link",
      source: "detected",
      sizeParam: "per_page",
      itemsField: null,
    });
  });

  it("does not guess: per_page/page without a Link header is not paginated", () => {
    expect(
      buildModel(listing({}, arrayOfThings, ["per_page", "page"]), { source: "t" }).operations[0]?.pagination,
    ).toBeNull();
  });

  const stripeList = {
    type: "object",
    properties: { data: arrayOfThings, has_more: { type: "boolean" }, url: { type: "string" } },
  };

  it("x-pagination declares Stripe-style keyset pagination, verified", () => {
    const model = buildModel(listing({ "x-pagination": { style: "after" } }, stripeList, ["starting_after", "limit"]), {
      source: "t",
    });
    expect(model.operations[0]?.pagination).toEqual({
      kind: "after",
      source: "declared",
      afterParam: "starting_after",
      cursorField: ["id"],
      hasMoreField: ["has_more"],
      sizeParam: "limit",
      itemsField: ["data"],
    });
  });

  it("a declaration naming a missing parameter is an error with its place", () => {
    const build = () =>
      buildModel(listing({ "x-pagination": { style: "after", afterParam: "after" } }, stripeList, ["starting_after"]), {
        source: "t",
      });
    expect(build).toThrow(ModelError);
    expect(build).toThrow(/query parameter "after" does not exist/);
    try {
      build();
    } catch (error) {
      expect((error as ModelError).pointer).toBe("#/paths/~1things/get/x-pagination");
    }
  });

  it("a config declaration applies where it fits and is skipped elsewhere", () => {
    const model = buildModel(
      doc({
        "/a": {
          get: {
            parameters: [{ name: "starting_after", in: "query" }],
            responses: { "200": { description: "", content: { "application/json": { schema: stripeList } } } },
          },
        },
        "/b": { get: { responses: ok } },
      }),
      { source: "t", pagination: { style: "after" } },
    );
    expect(model.operations.map((op) => op.pagination?.kind ?? null)).toEqual(["after", null]);
  });

  it("config declarations by operationId are verified like x-pagination", () => {
    const spec = doc({
      "/things": {
        get: {
          operationId: "listThings",
          parameters: [{ name: "starting_after", in: "query" }],
          responses: { "200": { description: "", content: { "application/json": { schema: stripeList } } } },
        },
      },
    });
    expect(
      buildModel(spec, { source: "t", paginationByOperation: { listThings: { style: "after" } } }).operations[0]
        ?.pagination?.kind,
    ).toBe("after");
    expect(() => buildModel(spec, { source: "t", paginationByOperation: { listThings: { style: "offset" } } })).toThrow(
      /config pagination.listThings .*query parameter "offset" does not exist/,
    );
    expect(() =>
      buildModel(spec, { source: "t", paginationByOperation: { listThings: { style: "after", afterParm: "x" } } }),
    ).toThrow(/has no member "afterParm"/);
  });

  it("a declared link scheme needs the Link header", () => {
    expect(() =>
      buildModel(listing({ "x-pagination": { style: "link" } }, arrayOfThings, ["per_page"]), { source: "t" }),
    ).toThrow(/declares no Link header/);
  });

  it("x-pagination: false opts out", () => {
    expect(
      buildModel(listing({ "x-pagination": false }, arrayOfThings, ["offset:integer", "limit:integer"]), {
        source: "t",
      }).operations[0]?.pagination,
    ).toBeNull();
  });
});

describe("buildModel: security schemes the wire can or cannot carry", () => {
  it("reads another HTTP scheme as http-other; an API key header whose name is no token as unsupported, saying why", () => {
    const model = buildModel(
      {
        ...doc({ "/things": { get: { responses: ok } } }),
        components: {
          securitySchemes: {
            hmac: { type: "http", scheme: "payone-hmac-sha256" },
            spaced: { type: "apiKey", in: "header", name: "ADVICEment API Key" },
            cert: { type: "mutualTLS" },
          },
        },
      },
      { source: "schemes.yaml" },
    );
    expect(
      model.securitySchemes.map((s) => [s.rawName, s.kind, "scheme" in s ? s.scheme : "type" in s ? s.type : ""]),
    ).toEqual([
      ["cert", "unsupported", "mutualTLS"],
      ["hmac", "http-other", "payone-hmac-sha256"],
      ["spaced", "unsupported", 'apiKey in header "ADVICEment API Key", not a header name'],
    ]);
  });
});

describe("buildModel: path parameters", () => {
  it("ignores a path parameter the path has no {name} for, with a warning (it could never be sent)", () => {
    const model = buildModel(
      doc({
        "/send/": {
          post: {
            operationId: "send",
            parameters: [
              { name: "partnerId", in: "path", required: true, schema: { type: "string" } },
              { name: "q", in: "query", schema: { type: "string" } },
            ],
            responses: ok,
          },
        },
      }),
      { source: "send.yaml" },
    );
    expect(model.operations[0]?.parameters.map((p) => `${p.in} ${p.rawName}`)).toEqual(["query q"]);
    expect(model.warnings).toEqual([
      expect.stringContaining('path parameter "partnerId" ignored, the path has no {partnerId}'),
    ]);
  });
});

describe("buildModel: methods a fetch client cannot send", () => {
  it("warns at a TRACE operation, which the Fetch standard forbids (§2.2.1), and still models it", () => {
    const model = buildModel(doc({ "/anything": { trace: { operationId: "traceAnything", responses: ok } } }), {
      source: "httpbin.yaml",
    });
    expect(model.operations.map((op) => op.id)).toEqual(["traceAnything"]);
    expect(model.warnings).toEqual([
      expect.stringContaining("TRACE /anything (traceAnything): a fetch client cannot send TRACE"),
    ]);
  });
});
