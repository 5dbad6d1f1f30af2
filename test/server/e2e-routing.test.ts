// OpenAPI path matching in a generated server, over HTTP: concrete and custom-method paths before templated ones,
// fall-through on method mismatch (405 only when no matching path allows the method), adjacent path parameters,
// equivalent templated paths (also when a discriminator selects one), and server URL variables.
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCliAsync } from "../cli/run-cli.js";
import { rawCall, serveSpecText, TMP_DIR, typecheck } from "./e2e-harness.js";
import type { ServedSpec } from "./e2e-harness.js";

const echo = `{ "200": { description: echo, content: { application/json: { schema: { type: object } } } } }`;
const param = (name: string, schema = "{ type: string }") =>
  `{ name: ${name}, in: path, required: true, schema: ${schema} }`;
const op = (id: string, params: string[]) =>
  `{ operationId: ${id}, parameters: [${params.join(", ")}], responses: ${echo} }`;

const ROUTING_SPEC = `
openapi: 3.0.3
info: { title: Routing, version: 1.0.0 }
servers: [{ url: "https://example.com/svc" }]
paths:
  /v1/jobs:
    get: ${op("listJobs", [])}
  /v1/{name}:
    get: ${op("getJob", [param("name")])}
    delete: ${op("deleteJob", [param("name")])}
  /v1/{name}:cancel:
    post: ${op("cancelJob", [param("name")])}
  /v1/{jobName}:
    get: ${op("getTransferJob", [param("jobName")])}
    patch: ${op("patchJob", [param("jobName")])}
  /v2/{appId}:
    put: ${op("putApplication", [param("appId")])}
  "/v2/{appId}#disambiguation_dummy":
    delete: ${op("deleteDefinition", [param("appId")])}
  "/v2/{definitionId}#disambiguation_dummy":
    put: ${op("putDefinition", [param("definitionId")])}
  /v2/{definitionId}:
    delete: ${op("deleteApplication", [param("definitionId")])}
  /profiles/{id}.{format}:
    get: ${op("getProfile", [param("id", "{ type: integer }"), param("format", "{ type: string, enum: [json, xml] }")])}
  /places/{position}.{format}:
    get: ${op("getPlace", [param("position"), param("format", "{ type: string, enum: [json, xml] }")])}
  /items/{id}{ext}:
    get: ${op("getItem", [param("id"), param("ext", "{ type: string, enum: [.json, .tar.gz] }")])}
`;

const SERVER_VARIABLES_SPEC = `
openapi: 3.0.3
info: { title: Variables, version: 1.0.0 }
servers:
  - url: "https://{host}/api/{version}:{name}"
    variables:
      host: { default: example.com }
      version: { default: v1, enum: [v1, v2] }
      name: { default: jobs, enum: [jobs, tasks] }
paths:
  /ping:
    get: ${op("ping", [])}
`;

type Served = ServedSpec;

/** Generates the server for `text`, mounts it with handlers that echo their operation and path parameters. */
const serve = (name: string, text: string): Promise<Served> =>
  serveSpecText(name, text, (op, { params }) => ({ status: 200, body: { op, params } }));

describe("generated server routing", () => {
  let routing: Served;
  let variables: Served;
  beforeAll(async () => {
    routing = await serve("routing", ROUTING_SPEC);
    variables = await serve("routing-variables", SERVER_VARIABLES_SPEC);
  }, 120_000);
  afterAll(async () => {
    await routing?.close();
    await variables?.close();
  });
  const call = (path: string, method = "GET") => rawCall(`${routing.url}${path}`, { method });

  it("tries a custom method and a concrete path before the templated path that also matches", async () => {
    expect((await call("/svc/v1/x:cancel", "POST")).body).toEqual({ op: "cancelJob", params: { name: "x" } });
    expect((await call("/svc/v1/jobs")).body).toEqual({ op: "listJobs", params: {} });
    // No GET on the custom method: the request falls through to the templated path, whose parameter takes it all.
    expect((await call("/svc/v1/x:cancel")).body).toEqual({ op: "getTransferJob", params: { jobName: "x:cancel" } });
  });

  it("answers 405 only when no matching path allows the method, with every matching path's methods in Allow", async () => {
    const put = await call("/svc/v1/x:cancel", "PUT");
    expect([put.status, put.body.code, put.headers.get("allow")]).toEqual([
      405,
      "method_not_allowed",
      "DELETE, GET, HEAD, OPTIONS, PATCH, POST",
    ]);
    const options = await call("/svc/v1/x", "OPTIONS");
    expect([options.status, options.headers.get("allow")]).toEqual([204, "DELETE, GET, HEAD, OPTIONS, PATCH"]);
    expect((await call("/svc/v1/x", "HEAD")).status).toBe(200);
    expect((await call("/svc/v1/a/b")).status).toBe(404);
  });

  it("serves equivalent templated paths by method; the earlier path wins a method both declare", async () => {
    expect((await call("/svc/v1/x", "DELETE")).body).toEqual({ op: "deleteJob", params: { name: "x" } });
    expect((await call("/svc/v1/x", "PATCH")).body).toEqual({ op: "patchJob", params: { jobName: "x" } });
    expect((await call("/svc/v1/x")).body).toEqual({ op: "getTransferJob", params: { jobName: "x" } });
  });

  it("serves equivalent paths told apart by a discriminator (azure managedapplications), whichever sorts first", async () => {
    const answers = [];
    for (const [method, query] of [
      ["PUT", "?disambiguation_dummy"],
      ["PUT", ""],
      ["DELETE", "?disambiguation_dummy"],
      ["DELETE", ""],
    ] as const)
      answers.push((await call(`/svc/v2/x${query}`, method)).body);
    expect(answers).toEqual([
      { op: "putDefinition", params: { definitionId: "x" } },
      { op: "putApplication", params: { appId: "x" } },
      { op: "deleteDefinition", params: { appId: "x" } },
      { op: "deleteApplication", params: { definitionId: "x" } },
    ]);
  });

  it("warns at generation which operation an equivalent path makes unreachable", { timeout: 120_000 }, async () => {
    const result = await runCliAsync(
      ["generate", routing.spec, "--server", "--no-conventions", "--out", join(TMP_DIR, "routing-cli")],
      { cwd: TMP_DIR },
    );
    expect(result.code).toBe(0);
    const warnings = result.stderr.split("\n").filter((line) => line.startsWith("warning:"));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(
      `operation getJob (GET /v1/{name}) is unreachable: its path is equivalent to "/v1/{jobName}", whose GET (getTransferJob)`,
    );
  });

  it("serves adjacent path parameters, split at the literal text between them, and validates each", async () => {
    expect((await call("/svc/profiles/42.json")).body).toEqual({
      op: "getProfile",
      params: { id: 42, format: "json" },
    });
    const badFormat = await call("/svc/profiles/42.yaml");
    expect([badFormat.status, badFormat.body.code]).toEqual([400, "validation_failed"]);
    // tomtom.com: the literal `.` occurs in the value too; format's enum says which `.` parts them.
    expect((await call("/svc/places/37.8328,-122.27669.xml")).body).toEqual({
      op: "getPlace",
      params: { position: "37.8328,-122.27669", format: "xml" },
    });
    // No literal text between {id} and {ext}: ext's enum says where the segment splits.
    expect((await call("/svc/items/abc.json")).body).toEqual({ op: "getItem", params: { id: "abc", ext: ".json" } });
    expect((await call("/svc/items/a.b.tar.gz")).body).toEqual({
      op: "getItem",
      params: { id: "a.b", ext: ".tar.gz" },
    });
    expect((await call("/svc/items/abc.zip")).status).toBe(404);
    expect((await call("/svc/profiles/%E0%A4%A.json")).status).toBe(400);
  });

  it("serves the server URL with its variables' defaults and every combination of their enum values", async () => {
    const ping = (path: string) => rawCall(`${variables.url}${path}`);
    for (const base of ["/api/v1:jobs", "/api/v2:jobs", "/api/v1:tasks", "/api/v2:tasks"]) {
      expect([base, (await ping(`${base}/ping`)).body]).toEqual([base, { op: "ping", params: {} }]);
    }
    // Not under any base path: left to the app (Express's own 404), as any path outside the API.
    expect((await fetch(`${variables.url}/api/v3:jobs/ping`)).status).toBe(404);
    expect((await fetch(`${variables.url}/api/ping`)).status).toBe(404);
  });

  it("generates strict-clean code for both specs", { timeout: 300_000 }, async () => {
    expect(await typecheck("routing", [routing.outDir, variables.outDir])).toBe("");
  });
});
