// Each operation's request is one named interface of server.ts, its parts by name (issue 13), not a generic
// alias with seven positional arguments. strict-output.test.ts type-checks handlers written against them.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { renderServer } from "../../generator/emit/server/generate-server.js";
import { buildModel } from "../../generator/model/build-model.js";
import { loadDocument, TMP_DIR } from "./e2e-harness.js";

const SPEC = "specs/petstore/v1/openapi.yaml";

async function serverTs(): Promise<{ server: string; readme: string }> {
  const document = await loadDocument(SPEC);
  const files = await renderServer(
    buildModel(document, { source: SPEC }),
    document,
    join(TMP_DIR, "request-types-none"),
    { skipTypes: true, warn: () => {} },
  );
  return { server: files.get("server.ts") ?? "", readme: files.get("SERVER.md") ?? "" };
}

describe("named request types", () => {
  it("declare each part of an operation's request by name; an open operation's takes no principal", async () => {
    const { server } = await serverTs();
    expect(server).toContain(
      [
        "export interface ListStoresRequest extends rt.HandlerRequest {",
        "  path: rt.NoParams;",
        "  params: rt.NoParams;",
        '  query: rt.ParamsIn<paths["/stores"]["get"], "query">;',
        "  headers: rt.NoParams;",
        "  cookies: rt.NoParams;",
        "  body: undefined;",
        "  auth: undefined;",
        "  page: rt.CursorPage;",
        "}",
      ].join("\n"),
    );
    expect(server).toMatch(
      /export interface CreatePetRequest<P = unknown> extends rt\.HandlerRequest \{\n(?:  \w+: .*;\n)*  auth: rt\.AuthContext<P>;\n/,
    );
    expect(server).toContain("  listStores(request: ListStoresRequest): ListStoresResult | Promise<ListStoresResult>;");
    expect(server).toContain("  createPet(request: CreatePetRequest<P>): CreatePetResult | Promise<CreatePetResult>;");
    expect(server).not.toContain("Record<never, never>");
    expect(server).not.toMatch(/rt\.HandlerRequest</);
  });

  it("the server README shows a handler typed by them", async () => {
    const { readme } = await serverTs();
    expect(readme).toContain('import type { CreateOwnerRequest, CreateOwnerResult } from "./server.js";');
    expect(readme).toContain(
      "export async function createOwner(request: CreateOwnerRequest<User>): Promise<CreateOwnerResult> {",
    );
  });
});

describe("the request a handler receives", () => {
  it("carries the path parameters as `path` (and, for older handlers, the same object as `params`)", async () => {
    const { serveSpecText, rawCall } = await import("./e2e-harness.js");
    const seen: unknown[] = [];
    const served = await serveSpecText(
      "request-path",
      `openapi: 3.1.0
info: { title: Things, version: 1.0.0 }
paths:
  /things/{thing_id}:
    get:
      operationId: getThing
      parameters: [{ name: thing_id, in: path, required: true, schema: { type: integer } }]
      responses:
        "200": { description: ok, content: { application/json: { schema: { type: object } } } }
`,
      (_operation, request) => {
        seen.push([request.path, request.params === request.path]);
        return { status: 200, body: {} };
      },
    );
    try {
      expect((await rawCall(`${served.url}/things/42`)).status).toBe(200);
      expect(seen).toEqual([[{ thing_id: 42 }, true]]);
    } finally {
      await served.close();
    }
  });
});
