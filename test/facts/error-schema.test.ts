// The API's error schema, decided once (generator/facts/error-schema.ts): the shapes real specs give it, read through
// both views (the model's bundled JSON, and the SpecDocument lint and diff walk) with the same answers.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { apiErrorSchema, errorBodyMediaType, servedMediaType } from "../../generator/facts/error-schema.js";
import { loadSpec } from "../../generator/load/index.js";
import { specViewOf } from "../../generator/load/spec-view.js";
import { jsonViewOf } from "../../generator/model/json-view.js";
import { writeSpecFiles } from "../load/temp-spec.js";

type Json = Record<string, unknown>;

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const body = (schema: unknown, mediaType = "application/json") => ({
  description: "failed",
  content: { [mediaType]: { schema } },
});
const spec = (paths: Record<string, Json>, components: Json = {}): Json => ({
  openapi: "3.1.0",
  info: { title: "t", version: "1.0.0" },
  paths,
  components,
});
const get = (responses: Json) => ({ get: { responses: { "200": { description: "ok" }, ...responses } } });

const PROBLEM = { type: "object", properties: { type: {}, title: {}, status: {}, detail: {}, instance: {} } };
/** Asana's error envelope. */
const ASANA = {
  type: "object",
  properties: { errors: { type: "array", items: { type: "object", properties: { message: { type: "string" } } } } },
};
const OAUTH = { type: "object", properties: { error: { type: "string" }, error_description: { type: "string" } } };

/** The answer for a JSON document, in the terms a test can compare. */
function answer(document: Json, configured?: string) {
  const view = jsonViewOf(document);
  const found = apiErrorSchema(view, configured);
  if (found === undefined) return undefined;
  return {
    name: found.name,
    configured: found.configured,
    mediaType: found.mediaType,
    schema: view.value(found.schema),
    uses: found.uses.map((use) => `${use.method} ${use.path} ${use.status} ${use.mediaType}`),
  };
}

describe("the API's error schema", () => {
  it("is the configured schema when components.schemas has it, served as its responses declare it", () => {
    const document = spec(
      {
        "/pets": get({ "400": body(ref("Problem"), "application/problem+json"), "500": body(ref("Problem")) }),
        "/owners": get({ "404": body(ref("Problem"), "application/problem+json"), "409": body(OAUTH) }),
      },
      { schemas: { Problem: PROBLEM } },
    );
    expect(answer(document, "Problem")).toEqual({
      name: "Problem",
      configured: true,
      mediaType: "application/problem+json",
      schema: PROBLEM,
      uses: [
        "get /pets 400 application/problem+json",
        "get /pets 500 application/json",
        "get /owners 404 application/problem+json",
      ],
    });
  });

  it("is the configured schema even where the responses return another, and then has no media type of its own", () => {
    const document = spec(
      { "/pets": get({ "400": body(ref("Error")), "500": body(ref("Error")) }) },
      { schemas: { Problem: PROBLEM, Error: ASANA } },
    );
    expect(answer(document, "Problem")).toMatchObject({ name: "Problem", configured: true, mediaType: undefined });
    expect(answer(document, "Problem")?.uses).toEqual([]);
  });

  it("is detected from the 4xx, 5xx and default responses when the configured one is absent (Asana's envelope)", () => {
    const document = spec(
      {
        "/tasks": get({ "400": body(ref("ErrorResponse")), default: body(ref("ErrorResponse")) }),
        "/users": get({ "401": { $ref: "#/components/responses/Unauthorized" }, "201": body(ref("Task")) }),
      },
      {
        schemas: { ErrorResponse: ASANA, Task: { type: "object" } },
        responses: { Unauthorized: body(ref("ErrorResponse")) },
      },
    );
    expect(answer(document, "Problem")).toEqual({
      name: "ErrorResponse",
      configured: false,
      mediaType: "application/json",
      schema: ASANA,
      uses: [
        "get /tasks 400 application/json",
        "get /tasks default application/json",
        "get /users 401 application/json",
      ],
    });
  });

  it("counts a schema once per operation and status, however it is reached: directly, via a response or an alias", () => {
    const document = spec(
      {
        "/a": get({ "400": body(ref("Fault")), "404": { $ref: "#/components/responses/Failed" } }),
        "/b": get({ "400": body(ref("Error")), "404": body(ref("Error")), "500": body(ref("Error")) }),
      },
      {
        schemas: { Failure: ref("Fault"), Fault: OAUTH, Error: ASANA },
        responses: { Failed: body(ref("Failure")) },
      },
    );
    // Fault 2 (one of them through the alias Failure) against Error 3: the larger count wins.
    expect(answer(document)).toMatchObject({ name: "Error" });
    const more = spec(
      { ...(document.paths as Json), "/c": get({ "409": body(ref("Failure")) }) },
      document.components as Json,
    );
    // Fault 3, one more by way of its alias: a tie goes to the smaller name.
    expect(answer(more)).toMatchObject({ name: "Error" });
    const most = spec(
      { ...(more.paths as Json), "/d": get({ "429": body(ref("Fault")) }) },
      document.components as Json,
    );
    // Fault 4: named by its definition, not by the alias.
    expect(answer(most)).toMatchObject({ name: "Fault", schema: OAUTH });
  });

  it("tells inline schemas apart by content, and counts identical copies as one schema", () => {
    const document = spec({
      "/a": get({ "400": body(OAUTH), "404": body({ ...OAUTH }) }),
      "/b": get({ "500": body(ASANA) }),
    });
    expect(answer(document)).toEqual({
      name: null,
      configured: false,
      mediaType: "application/json",
      schema: OAUTH,
      uses: ["get /a 400 application/json", "get /a 404 application/json"],
    });
  });

  it("prefers a components schema to an inline one, and a smaller name, on a tie, wherever the paths are", () => {
    const tie = (order: "named first" | "inline first") => {
      const named = { "/named": get({ "400": body(ref("Zeta")) }) };
      const inline = { "/inline": get({ "400": body(OAUTH) }) };
      const other = { "/other": get({ "400": body(ref("Alpha")) }) };
      const paths = order === "named first" ? { ...named, ...other, ...inline } : { ...inline, ...other, ...named };
      return spec(paths, { schemas: { Zeta: ASANA, Alpha: PROBLEM } });
    };
    expect(answer(tie("named first"))?.name).toBe("Alpha");
    expect(answer(tie("inline first"))?.name).toBe("Alpha");
  });

  it("counts one schema under several media types together, served as the type most of its uses declare", () => {
    const pj = "application/problem+json";
    const document = spec(
      {
        "/a": get({ "400": body(ref("Error"), pj), "404": body(ref("Error")) }),
        "/b": get({ "400": body(ref("Error"), pj), "404": body(ref("Error")) }),
        "/c": get({ "400": body(ref("Error"), pj), "404": body(ref("Other")), "500": body(ref("Other")) }),
        "/d": get({ "400": body(ref("Other")), "404": body(ref("Other")) }),
      },
      { schemas: { Error: PROBLEM, Other: OAUTH } },
    );
    // Error: 5 uses (3 as problem+json, 2 as json) against Other's 4, all as json.
    expect(answer(document)).toMatchObject({ name: "Error", mediaType: pj });
  });

  it("reads application/json of a response first, whatever order the content lists, and serves */* as JSON", () => {
    expect(errorBodyMediaType(["application/problem+json", "application/json"])).toBe("application/json");
    expect(errorBodyMediaType(["*/*", "application/vnd.api+json"])).toBe("application/vnd.api+json");
    expect(errorBodyMediaType(["text/plain", "application/xml"])).toBeUndefined();
    expect(servedMediaType("*/*")).toBe("application/json");
    expect(servedMediaType("application/*")).toBe("application/json");
    expect(servedMediaType("application/problem+json")).toBe("application/problem+json");
    const document = spec({ "/a": get({ "400": body(OAUTH, "*/*"), "500": body(OAUTH, "*/*") }) });
    expect(answer(document)).toMatchObject({
      mediaType: "application/json",
      uses: ["get /a 400 */*", "get /a 500 */*"],
    });
  });

  it("is none without a JSON error body: no schema, text or XML only, success responses, broken refs", () => {
    expect(answer(spec({ "/a": get({ "400": { description: "bad" } }) }))).toBeUndefined();
    expect(answer(spec({ "/a": get({ "400": body({ type: "string" }, "text/plain") }) }))).toBeUndefined();
    expect(answer(spec({ "/a": get({ "201": body(OAUTH) }) }))).toBeUndefined();
    expect(answer(spec({ "/a": get({ "400": body(ref("Missing")) }) }))).toBeUndefined();
    expect(
      answer(spec({ "/a": get({ "400": body(ref("Loop")) }) }, { schemas: { Loop: ref("Loop") } })),
    ).toBeUndefined();
  });

  it("says the same of a multi-file document read as lint and diff read it", async () => {
    const dir = writeSpecFiles({
      "openapi.yaml": [
        "openapi: 3.1.0",
        "info: { title: t, version: 1.0.0 }",
        "paths:",
        "  /a:",
        "    get:",
        "      responses:",
        "        '400': { $ref: './responses.yaml#/Failed' }",
        "        '500': { description: e, content: { application/json: { schema: { $ref: '#/components/schemas/Error' } } } }",
        "        '404': { description: e, content: { application/json: { schema: { type: object } } } }",
        "components:",
        "  schemas:",
        "    Error: { $ref: './error.yaml' }",
      ].join("\n"),
      "responses.yaml":
        "Failed: { description: e, content: { application/json: { schema: { $ref: './error.yaml' } } } }\n",
      "error.yaml": "type: object\nproperties: { message: { type: string } }\n",
    });
    const document = await loadSpec(join(dir, "openapi.yaml"));
    const found = apiErrorSchema(specViewOf(document), "Problem");
    expect(found).toMatchObject({ name: "Error", configured: false, mediaType: "application/json" });
    expect(found?.schema.at.file).toBe(join(dir, "error.yaml"));
    expect(found?.uses.map((use) => use.status)).toEqual(["400", "500"]);
    expect(apiErrorSchema(specViewOf(document), "Error")).toMatchObject({ name: "Error", configured: true });
  });
});
