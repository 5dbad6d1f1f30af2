// Spec strings must never break out of a comment or a string literal in generated code.
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { generateClient, renderClient } from "../../generator/emit/client/generate-client.js";
import { buildModel } from "../../generator/model/build-model.js";
import { tempDir, typecheck } from "./generated-project.js";

// Each breakout attempt, if it escaped, would run code setting globalThis.pwned or fail to compile.
const EVIL =
  'x */ globalThis.pwned = 1; /* `${globalThis.pwned = 2}` "); globalThis.pwned = 3; (" \' \\ \n// \u2028 globalThis.pwned = 4 \u2029 {{pwned}} ``` <script>alert(1)</script> --> \r\n */';

function hostileDoc() {
  const problem = {
    description: EVIL,
    content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } },
  };
  return {
    openapi: "3.1.0",
    info: { title: EVIL, version: "1.0.0", description: EVIL },
    servers: [{ url: "https://api.test/v1?" + EVIL }],
    tags: [{ name: EVIL, description: EVIL }],
    security: [{ [EVIL]: [] }],
    paths: {
      "/things": {
        get: {
          operationId: EVIL,
          tags: [EVIL],
          summary: EVIL,
          description: EVIL,
          parameters: [
            { name: EVIL, in: "query", description: EVIL, schema: { type: "string", enum: [EVIL], example: EVIL } },
            { name: "page_token", in: "query", schema: { type: "string" } },
            { name: EVIL, in: "header", required: true, description: EVIL, schema: { type: "string", default: EVIL } },
          ],
          responses: {
            "200": {
              description: EVIL,
              content: { "application/json": { schema: { $ref: "#/components/schemas/List" } } },
            },
            "400": problem,
          },
        },
        post: {
          summary: EVIL,
          requestBody: {
            required: true,
            description: EVIL,
            content: {
              "application/json": {
                schema: { type: "object", properties: { [EVIL]: { type: "string", description: EVIL } } },
              },
            },
          },
          responses: { "201": { description: EVIL }, default: problem },
        },
      },
    },
    components: {
      securitySchemes: { [EVIL]: { type: "apiKey", in: "header", name: EVIL, description: EVIL } },
      schemas: {
        Problem: { type: "object", description: EVIL, properties: { title: { type: "string", description: EVIL } } },
        List: {
          type: "object",
          properties: {
            items: { type: "array", items: { type: "string", enum: [EVIL, "*/"] } },
            next_page_token: { type: "string", description: EVIL },
          },
        },
      },
    },
  };
}

describe("a hostile spec", () => {
  let dir = "";
  beforeAll(async () => {
    dir = await tempDir("hostile");
    const doc = hostileDoc();
    await generateClient(buildModel(doc, { source: "specs/" + EVIL + ".yaml" }), doc, join(dir, "client"));
  });

  it("generates code that type-checks (nothing broke out of a literal or a comment)", async () => {
    await writeFile(
      join(dir, "use.ts"),
      [
        `import { createClient } from "./client/client.js";`,
        `const api = createClient({ fetch: async () => new Response("{}", { headers: { "content-type": "application/json" } }) });`,
        `export const page = api.things; export type Api = typeof api;`,
      ].join("\n"),
    );
    const result = await typecheck(dir, ["use.ts"]);
    expect(result.output).toBe("");
    expect(result.ok).toBe(true);
  });

  it("runs without executing any spec text, and sends the hostile names as data", async () => {
    const seen: Request[] = [];
    const client = (await import(pathToFileURL(join(dir, "client", "client.ts")).href)) as {
      createClient: (options: object) => Record<string, Record<string, (params?: object) => PromiseLike<unknown>>>;
    };
    const api = client.createClient({
      baseUrl: "http://api.test",
      fetch: async (request: Request) => {
        seen.push(request);
        return new Response(JSON.stringify({ items: [], next_page_token: "" }), {
          headers: { "content-type": "application/json" },
        });
      },
    });
    expect((globalThis as { pwned?: unknown }).pwned).toBeUndefined();
    // The GET is tagged with the hostile tag: its group is the sanitised tag.
    const group = api[Object.keys(api).find((name) => name.startsWith("xGlobalThis"))!]!;
    const list = Object.entries(group).find(([, method]) => typeof method === "function")![1];
    await list({ [EVIL]: "v" });
    expect((globalThis as { pwned?: unknown }).pwned).toBeUndefined();
    expect(new URL(seen[0]!.url).searchParams.get(EVIL)).toBe("v");
  });

  it("keeps every generated file free of raw U+2028/U+2029 and unbalanced comment closers", async () => {
    const doc = hostileDoc();
    const files = await renderClient(buildModel(doc, { source: EVIL }), doc, { skipTypes: true });
    for (const [name, content] of files) {
      expect(content, name).not.toMatch(/[\u2028\u2029]/);
      if (name.endsWith(".ts"))
        expect(content.split("\n")[0], name).toMatch(/^\/\/ generated by specwright from .* — do not edit$/);
    }
    const readme = files.get("README.md")!;
    // Inside code fences the example strings cannot end the fence.
    expect(readme.match(/^```/gm)?.length ?? 0).toBe((readme.match(/^```ts$/gm)?.length ?? 0) * 2);
    // Outside code fences (where Markdown renders HTML) no raw markup survives.
    expect(readme.replace(/^```ts\n[\s\S]*?^```$/gm, "")).not.toMatch(/(^|[^\\])<\/?script/);
    expect(await readFile(join(dir, "client", "client.ts"), "utf8")).not.toContain("globalThis.pwned = 1; /*\n");
  });
});
