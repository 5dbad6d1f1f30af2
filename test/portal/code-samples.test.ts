// SDK-true code samples: every operation of the example specs gets a client call and curl, the client calls
// type-check against the generated client, and Redoc's document carries them while the downloads stay as written.
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLIENT_IMPORT, codeSamples, type OperationSamples } from "../../generator/emit/client/code-samples.js";
import { bundleSpec, loadSpec } from "../../generator/load/index.js";
import type { RunningPortal } from "../../portal/server.js";
import { generateFromSpec, tempDir, typecheck } from "../client/generated-project.js";
import { REPO_SPECS, startTestPortal } from "./portal-fixture.js";

const SPECS = {
  petstore1: "specs/petstore/v1/openapi.yaml",
  petstore2: "specs/petstore/v2/openapi.yaml",
  bookshop: "specs/bookshop/v1/openapi.yaml",
};

/** A sample as a module: its import pointed at the generated client, the rest wrapped in an async function. */
function sampleModule(source: string, index: number): string {
  expect(source.startsWith(CLIENT_IMPORT)).toBe(true);
  const body = source.slice(CLIENT_IMPORT.length).trim();
  return `${CLIENT_IMPORT.replace("./client.js", "../client/client.js")}\n\nexport async function sample${index}(): Promise<void> {\n${body}\n}\n`;
}

const typeScript = (op: OperationSamples) => op.samples.find((sample) => sample.lang === "TypeScript")!.source;

describe("code samples", () => {
  it.each(Object.entries(SPECS))(
    "covers every operation of %s and type-checks against its generated client",
    async (name, spec) => {
      const dir = await tempDir(`samples-${name}`);
      const { model } = await generateFromSpec(spec, dir);
      const samples = codeSamples(model, await bundleSpec(await loadSpec(spec)));
      expect(samples.map((op) => `${op.method} ${op.pathKey}`)).toEqual(
        model.operations.map((op) => `${op.method} ${op.pathKey}`),
      );
      for (const op of samples)
        expect(
          op.samples.map((sample) => sample.label),
          `${op.method} ${op.pathKey}`,
        ).toEqual(["TypeScript client", "curl"]);
      await mkdir(join(dir, "samples"));
      const files = await Promise.all(
        samples.map(async (op, index) => {
          const file = `samples/s${index}.ts`;
          await writeFile(join(dir, file), sampleModule(typeScript(op), index));
          return file;
        }),
      );
      const result = await typecheck(dir, files);
      expect(result.output).toBe("");
      expect(result.ok).toBe(true);
    },
    120_000,
  );

  it("writes a paginated list as for-await with the page size, a get with its path parameter, errors with isApiError", async () => {
    const spec = SPECS.petstore1;
    const dir = await tempDir("samples-shape");
    const { model } = await generateFromSpec(spec, dir);
    const samples = codeSamples(model, await bundleSpec(await loadSpec(spec)));
    const of = (method: string, pathKey: string) =>
      typeScript(samples.find((op) => op.method === method && op.pathKey === pathKey)!);
    expect(of("get", "/pets")).toMatch(
      /for await \(const pet of api\.pets\.list\(\{ page_size: \d+ \}\)\) \{\n    console\.log\(pet\);\n  \}/,
    );
    expect(of("get", "/pets/{pet_id}")).toMatch(/const pet = await api\.pets\.get\(\{ pet_id: "[^"]+" \}\);/);
    expect(of("get", "/pets/{pet_id}")).toContain("if (isApiError(error)) console.error(error.status, error.problem);");
    const curl = samples.find((op) => op.method === "get" && op.pathKey === "/pets/{pet_id}")!.samples[1]!.source;
    expect(curl).toMatch(/^curl -X GET 'https:\/\/petstore\.example\.com\/v1\/pets\/[^'{}]+'/);
  }, 60_000);

  it("escapes a single quote in a curl body so the shell word stays one word", async () => {
    const spec = {
      openapi: "3.1.0",
      info: { title: "Quotes", version: "1.0.0" },
      servers: [{ url: "https://q.example.com/v1" }],
      paths: {
        "/notes": {
          post: {
            operationId: "createNote",
            requestBody: { required: true, content: { "application/json": { example: { text: "it's" } } } },
            responses: { "204": { description: "ok" } },
          },
        },
      },
    };
    const { buildModel } = await import("../../generator/model/build-model.js");
    const [op] = codeSamples(buildModel(spec, { source: "quotes.json" }), spec);
    expect(op!.samples[1]!.source).toContain(`--data '{"text":"it'\\''s"}'`);
  });
});

describe("the reference document", () => {
  let portal: RunningPortal;
  beforeAll(async () => {
    portal = await startTestPortal(REPO_SPECS);
  });
  afterAll(() => portal?.close());

  it("is the spec with x-codeSamples on every operation; the JSON download stays as written", async () => {
    const reference = (await (await fetch(`${portal.url}/specs/petstore/v1/reference.json`)).json()) as {
      paths: Record<string, Record<string, { "x-codeSamples"?: { lang: string }[] }>>;
    };
    const operations = Object.values(reference.paths).flatMap((item) =>
      Object.entries(item)
        .filter(([key]) => /^(get|put|post|patch|delete)$/.test(key))
        .map(([, op]) => op),
    );
    expect(operations.length).toBeGreaterThan(5);
    for (const op of operations)
      expect(op["x-codeSamples"]?.map((sample) => sample.lang)).toEqual(["TypeScript", "Shell"]);
    const download = await (await fetch(`${portal.url}/specs/petstore/v1/openapi.json`)).text();
    expect(download).not.toContain("x-codeSamples");
    const page = await (await fetch(`${portal.url}/apis/petstore/v1/`)).text();
    expect(page).toContain("/specs/petstore/v1/reference.json");
  });
});
