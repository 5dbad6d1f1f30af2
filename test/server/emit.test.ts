// The server emitter on a hostile spec: output is deterministic, spec strings stay inert, handlers.ts is kept.
import { readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import express from "express";
import { describe, expect, it } from "vitest";
import { generateServer, renderServer } from "../../generator/emit/server/generate-server.js";
import { buildModel } from "../../generator/model/build-model.js";
import { TMP_DIR, typecheck } from "./e2e-harness.js";
import { listen } from "./listen.js";

const EVIL = "*/ `${process.exit(7)}` \" ' \\ \u2028 </script> \n// next line";

const hostile = (): Record<string, unknown> => ({
  openapi: "3.0.3",
  info: { title: `Evil ${EVIL}`, version: "1.0.0" },
  servers: [{ url: "https://example.com/v1" }],
  paths: {
    "/things/{thing-id}": {
      get: {
        operationId: "get*/Thing",
        summary: EVIL,
        parameters: [
          { name: "thing-id", in: "path", required: true, schema: { type: "string", pattern: "^[a-z]+$" } },
          { name: 'X-Weird"Header', in: "header", schema: { type: "string" } },
          {
            name: "class",
            in: "query",
            schema: { type: "integer", nullable: true, minimum: 0, exclusiveMinimum: true },
          },
        ],
        responses: {
          "200": {
            description: EVIL,
            content: {
              "application/json": { schema: { $ref: "#/components/schemas/Thing" }, example: { name: EVIL } },
            },
          },
          default: { description: "error", content: { "application/problem+json": { schema: { type: "object" } } } },
        },
      },
    },
  },
  components: {
    schemas: {
      "Thing*/": { type: "object", nullable: true, properties: { name: { type: "string", description: EVIL } } },
      Thing: { $ref: "#/components/schemas/Thing*~1" },
    },
  },
});

let generatedHostile: Promise<string> | undefined;
/** The hostile spec's server, generated once for the tests that serve it. */
function hostileServer(): Promise<string> {
  const outDir = join(TMP_DIR, "hostile");
  generatedHostile ??= generateServer(buildModel(hostile(), { source: "hostile.yaml" }), hostile(), outDir).then(
    () => outDir,
  );
  return generatedHostile;
}

describe("server emitter", () => {
  it("is deterministic: the same spec gives the same bytes", async () => {
    const first = await renderServer(
      buildModel(hostile(), { source: "hostile.yaml" }),
      hostile(),
      join(TMP_DIR, "none"),
    );
    const second = await renderServer(
      buildModel(hostile(), { source: "hostile.yaml" }),
      hostile(),
      join(TMP_DIR, "none"),
    );
    expect([...second.keys()]).toEqual([...first.keys()]);
    for (const [path, content] of first) expect(second.get(path), path).toBe(content);
  });

  it("keeps spec strings inert: the output type-checks and serves them back verbatim", async () => {
    const outDir = await hostileServer();
    expect(await typecheck("hostile", [outDir])).toBe("");
    const { createRouter } = await import(pathToFileURL(join(outDir, "server.ts")).href);
    const { createMockHandlers } = await import(pathToFileURL(join(outDir, "mock.ts")).href);
    const server = await listen(
      express().use(createRouter(createMockHandlers(), { validateResponses: true, docs: true })),
    );
    try {
      const ok = await fetch(`${server.url}/v1/things/abc?class=2`);
      expect(await ok.json()).toEqual({ name: EVIL });
      // The docs page shows the hostile title as text: no markup of the spec's reaches the HTML.
      const docs = await (await fetch(`${server.url}/v1/docs`)).text();
      expect(docs).toContain(
        "<title>Evil */ `${process.exit(7)}` &#34; &#39; \\ \u2028 &#60;/script&#62; \n// next line – Reference</title>",
      );
      expect(docs).not.toContain("</script> ");
      const readme = await readFile(join(outDir, "README.md"), "utf8");
      expect(readme).not.toContain("</script>");
      const bad = await fetch(`${server.url}/v1/things/ABC?class=0`);
      expect(bad.status).toBe(400);
      const problem = (await bad.json()) as { errors: { field: string }[] };
      expect(problem.errors.map((error) => error.field).sort()).toEqual(["path.thing-id", "query.class"]);
    } finally {
      await server.close();
    }
  });

  it("in development mode, turns a response the spec does not allow into a logged 500", async () => {
    const outDir = await hostileServer();
    const { createRouter } = await import(pathToFileURL(join(outDir, "server.ts")).href);
    const logged: Record<string, unknown>[] = [];
    const answers = [
      { status: 200, body: { name: 5 } },
      { status: 200, body: { name: "fine" } },
      { status: 418, body: {} },
    ];
    const handlers = { getThing: () => answers.shift() };
    const logger = { error: (_message: string, details: Record<string, unknown>) => logged.push(details) };
    const server = await listen(express().use(createRouter(handlers, { validateResponses: true, logger })));
    try {
      const statuses = [];
      for (let i = 0; i < 3; i++) statuses.push((await fetch(`${server.url}/v1/things/abc`)).status);
      // 418 falls under the documented `default` response, so it conforms.
      expect(statuses).toEqual([500, 200, 418]);
      expect(logged).toHaveLength(1);
      expect(logged[0]?.error).toMatchObject({
        responseErrors: [expect.objectContaining({ field: "response.name", code: "invalid_type" })],
      });
    } finally {
      await server.close();
    }
  });

  it("scaffolds handlers.ts once and never overwrites it", async () => {
    const outDir = join(TMP_DIR, "scaffold");
    await rm(outDir, { recursive: true, force: true });
    const model = buildModel(hostile(), { source: "hostile.yaml" });
    await generateServer(model, hostile(), outDir);
    const scaffold = await readFile(join(outDir, "handlers.ts"), "utf8");
    expect(scaffold).toContain("not_implemented");
    const mine = scaffold.replace("not_implemented", "my_own_code");
    await writeFile(join(outDir, "handlers.ts"), mine);
    await generateServer(model, hostile(), outDir);
    expect(await readFile(join(outDir, "handlers.ts"), "utf8")).toBe(mine);
  });
});
