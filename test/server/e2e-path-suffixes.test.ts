// End to end: path keys with a `#fragment` or `?query` suffix (AWS `/#X-Amz-Target=Svc.Op`, S3
// `/{Bucket}/{Key}#uploadId`, HDInsight `/jobs?op=LISTAFTERID`, weatherbit `/alerts?lat={lat}`) and a GET declaring a
// request body. The generated client sends the discriminator, the generated server dispatches on it; each handler
// answers which operation it is.
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildModel } from "../../generator/model/build-model.js";
import { generateApi, loadDocument, rawCall, typecheck } from "./e2e-harness.js";
import { listen } from "./listen.js";

const SPEC = "test/server/fixtures/path-suffixes.openapi.yaml";

// Code a user writes: constants of the discriminator need not be passed, the GET has no `body` member.
const USAGE = `
import { createClient, type DescribePrefsParams } from "./client.js";
const api = createClient({ baseUrl: "http://127.0.0.1:1" });
export async function usage(): Promise<void> {
  await api.aws.createThing({ body: { Name: "a" } });
  await api.jobs.listJobsAfterId({ jobid: "7" });
  await api.s3.abortMultipartUpload({ Bucket: "b", Key: "k", uploadId: "u" });
  // @ts-expect-error uploadId selects the operation: required
  await api.s3.abortMultipartUpload({ Bucket: "b", Key: "k" });
  // Parameters a query template carries are query parameters, required as declared.
  await api.weather.alertsByPoint({ lat: 1.5, lon: 2 });
  // @ts-expect-error city_id is required
  await api.weather.alertsByCity({});
  // A GET carries no body.
  const noBody: "body" extends keyof DescribePrefsParams ? "has a body" : "no body" = "no body";
  void noBody;
}
`;

let outDir: string;
let server: { url: string; close: () => Promise<void> };
let api: any;
const serverErrors: Record<string, unknown>[] = [];

beforeAll(async () => {
  outDir = await generateApi(SPEC, "path-suffixes");
  const model = buildModel(await loadDocument(SPEC), { source: SPEC });
  const handlers = Object.fromEntries(
    model.operations.map((op) => [
      op.id,
      (request: { raw: express.Request }) => ({ status: 200, body: { op: op.id, url: request.raw.originalUrl } }),
    ]),
  );
  const { createRouter } = await import(pathToFileURL(join(outDir, "server.ts")).href);
  const app = express().use(
    createRouter(handlers, {
      validateResponses: true,
      logger: { error: (_message: string, details: Record<string, unknown>) => serverErrors.push(details) },
    }),
  );
  server = await listen(app);
  api = (await import(pathToFileURL(join(outDir, "client.ts")).href)).createClient({
    baseUrl: server.url,
    retry: false,
  });
});
afterAll(async () => {
  await server?.close();
  expect(serverErrors).toEqual([]);
});

const post = (target: string | undefined, body: unknown = { Name: "a" }) =>
  rawCall(`${server.url}/`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(target ? { "x-amz-target": target } : {}) },
    body: JSON.stringify(body),
  });

describe("path keys with a #/? suffix, generated client + server", () => {
  it("type-checks in strict mode, with usage code", async () => {
    await writeFile(join(outDir, "usage.ts"), USAGE);
    expect(await typecheck("path-suffixes", [outDir])).toBe("");
  });

  it("AWS JSON protocol: POST / told apart by the X-Amz-Target header the client adds", async () => {
    expect(await api.aws.createThing({ body: { Name: "a" } })).toEqual({ op: "createThing", url: "/" });
    expect(await api.aws.deleteThing({ body: { Name: "a" } })).toMatchObject({ op: "deleteThing" });
    expect(await api.aws.listThings()).toMatchObject({ op: "listThings" });
    expect((await post("Svc.DeleteThing")).body).toMatchObject({ op: "deleteThing" });
  });

  it("AWS JSON protocol: no or an unknown X-Amz-Target is a 400 naming the header", async () => {
    for (const target of [undefined, "Svc.Nothing"]) {
      const reply = await post(target);
      expect(reply.status).toBe(400);
      expect(reply.body.errors).toEqual([
        expect.objectContaining({ field: "header.x-amz-target", code: "no_matching_operation" }),
      ]);
      expect(reply.body.errors[0].message).toContain('"Svc.ListThings"');
    }
    // The selected operation still validates its body.
    expect((await post("Svc.CreateThing", {})).status).toBe(400);
  });

  it("S3: #uploadId beside the plain path, by the presence of the query parameter", async () => {
    expect(await api.s3.abortMultipartUpload({ Bucket: "b", Key: "k", uploadId: "u1" })).toEqual({
      op: "abortMultipartUpload",
      url: "/b/k?uploadId=u1",
    });
    expect(await api.s3.deleteObject({ Bucket: "b", Key: "k" })).toEqual({ op: "deleteObject", url: "/b/k" });
    expect((await rawCall(`${server.url}/b/k?uploadId=u2`, { method: "DELETE" })).body).toMatchObject({
      op: "abortMultipartUpload",
    });
    expect((await rawCall(`${server.url}/b/k`)).body).toMatchObject({ op: "getObject" });
  });

  it("S3: #uploads is a bare query name the client sends and the server knows", async () => {
    expect(await api.s3.createMultipartUpload({ Bucket: "b", Key: "k" })).toEqual({
      op: "createMultipartUpload",
      url: "/b/k?uploads",
    });
    const missing = await rawCall(`${server.url}/b/k`, { method: "POST" });
    expect(missing.status).toBe(400);
    expect(missing.body.errors).toEqual([
      expect.objectContaining({ field: "query.uploads", code: "no_matching_operation" }),
    ]);
  });

  it("?op=LISTAFTERID: a constant query value the client adds, not an unknown parameter", async () => {
    expect(await api.jobs.listJobsAfterId({ jobid: "7" })).toEqual({
      op: "listJobsAfterId",
      url: "/jobs?op=LISTAFTERID&jobid=7",
    });
    expect(await api.jobs.list({ limit: 2 })).toEqual({ op: "listJobs", url: "/jobs?limit=2" });
    // Another value selects nothing special: the plain operation answers, which does not know `op`.
    const other = await rawCall(`${server.url}/jobs?op=OTHER`);
    expect(other.status).toBe(400);
    expect(other.body.errors).toEqual([expect.objectContaining({ field: "query.op", code: "unknown_parameter" })]);
  });

  it("weatherbit `/alerts?lat={lat}&lon={lon}` declaring lat and lon in the path: query parameters, told apart by presence", async () => {
    expect(await api.weather.alertsByPoint({ lat: 1.5, lon: -2 })).toEqual({
      op: "alertsByPoint",
      url: "/alerts?lat=1.5&lon=-2",
    });
    // `units={units}` names no declared parameter: nothing fills it, nothing is sent.
    expect(await api.weather.alertsByCity({ city_id: "7" })).toEqual({ op: "alertsByCity", url: "/alerts?city_id=7" });
    const wrongType = await rawCall(`${server.url}/alerts?lat=north&lon=2`);
    expect([wrongType.status, wrongType.body.errors?.[0]?.field]).toEqual([400, "query.lat"]);
  });

  it("a GET declaring a request body: the client sends none, the server asks for none", async () => {
    expect(await api.prefs.describe()).toEqual({ op: "describePrefs", url: "/prefs" });
    // An untyped caller's body is not handed to fetch (which throws "Request with GET/HEAD method cannot have body").
    expect(await api.prefs.describe({ body: { MaxResults: 1 } })).toEqual({ op: "describePrefs", url: "/prefs" });
    expect((await rawCall(`${server.url}/prefs`)).status).toBe(200);
  });

  it("the model keeps the path key, splits off the discriminator and warns about the GET body", async () => {
    const model = buildModel(await loadDocument(SPEC), { source: SPEC });
    const abort = model.operations.find((op) => op.id === "abortMultipartUpload");
    expect(abort).toMatchObject({
      pathKey: "/{Bucket}/{Key}#uploadId",
      path: "/{Bucket}/{Key}",
      discriminator: { query: [{ name: "uploadId" }], headers: [] },
    });
    expect(model.operations.find((op) => op.id === "describePrefs")?.requestBody).toBeNull();
    expect(model.warnings).toEqual([expect.stringContaining("GET /prefs (DescribePrefs): request body ignored")]);
  });

  it("untagged operations are grouped by the real path, not one group per path key", () => {
    const post = (operationId: string) => ({ post: { operationId, responses: { "200": { description: "ok" } } } });
    const model = buildModel(
      {
        openapi: "3.0.3",
        info: { title: "t", version: "1" },
        paths: { "/#X-Amz-Target=S.A": post("A"), "/#X-Amz-Target=S.B": post("B") },
      },
      { source: "inline" },
    );
    expect(model.groups.map((group) => [group.safeName, group.operationIds])).toEqual([["default_", ["a", "b"]]]);
  });
});
