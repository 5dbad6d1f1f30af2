// A query parameter with `allowReserved: true` reaches the wire with its reserved characters as written (a path, a
// URL); without it they are percent-encoded. The IR carries the flag; the generated client honours it.
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { fakeFetch, json } from "./fake-fetch.js";
import { generateFromSpecText } from "./generated-project.js";

const SPEC = `openapi: 3.1.0
info: { title: Files, version: 1.0.0 }
paths:
  /files:
    get:
      operationId: listFiles
      parameters:
        - { name: prefix, in: query, allowReserved: true, schema: { type: string } }
        - { name: after, in: query, schema: { type: string } }
      responses:
        "200": { description: ok, content: { application/json: { schema: { type: array, items: { type: string } } } } }
`;

describe("allowReserved", () => {
  it("sends the reserved characters of an allowReserved query value unencoded, and encodes the others' as before", async () => {
    const { out } = await generateFromSpecText("allow-reserved", SPEC);
    const client = (await import(pathToFileURL(join(out, "client.ts")).href)) as {
      listFiles(client: object, params: object): Promise<unknown>;
      createBaseClient(options: object): object;
    };
    const fake = fakeFetch(() => json([]));
    await client.listFiles(
      client.createBaseClient({ baseUrl: "https://files.test", fetch: fake.fetch, retry: false }),
      { prefix: "/docs/a:b", after: "/docs/a:b" },
    );
    expect(fake.requests.map((request) => new URL(request.url).search)).toEqual([
      "?after=%2Fdocs%2Fa%3Ab&prefix=/docs/a:b",
    ]);
  }, 60_000);
});
