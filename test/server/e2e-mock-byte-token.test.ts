// A cursor whose next-token field is `format: byte` (Google's `nextPageToken`, issue 12): the generated mock,
// response validation on, writes its signed tokens base64-encoded and reads them back from `pageToken`, so the
// generated client's `for await` ends without the 500 a base64url token with a dot used to cause.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateApi, rawCall, serveGeneratedMock, type ServedMock } from "./e2e-harness.js";
import { pathToFileURL } from "node:url";
import { join } from "node:path";

/** OpenAPI's `byte`: RFC 4648 §4 base64, padded (the check the server's response validation applies). */
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

describe("Google-like: nextPageToken declared format: byte", () => {
  let served: ServedMock;
  let client: any;
  beforeAll(async () => {
    const outDir = await generateApi("test/server/fixtures/specs/google-byte-token.yaml", "mock-google-byte");
    served = await serveGeneratedMock(outDir);
    const generated = await import(pathToFileURL(join(outDir, "client.ts")).href);
    client = generated.createClient({ baseUrl: served.url, retry: false });
  });
  afterAll(async () => served?.close());

  it("pages with base64 tokens the response check accepts and ends on the last page", async () => {
    served.requests.length = 0;
    const keywords: unknown[] = [];
    for await (const keyword of client.keywords.list({ parent: "locations/1", pageSize: 1 })) keywords.push(keyword);
    expect(served.serverErrors).toEqual([]);
    expect(keywords).toHaveLength(9); // the mock's dataset: the example's three items, three times
    expect(served.requests).toHaveLength(9);
    const first = await rawCall(`${served.url}/v1/locations%2F1/searchkeywords/impressions/monthly?pageSize=1`);
    expect(first.status).toBe(200);
    expect(first.body.nextPageToken).toMatch(BASE64);
  });

  it("refuses a token that is not one of its own with a 400, not a 500", async () => {
    const forged = Buffer.from("forged.token").toString("base64");
    const url = `${served.url}/v1/p/searchkeywords/impressions/monthly?pageToken=${encodeURIComponent(forged)}`;
    expect((await rawCall(url)).status).toBe(400);
  });
});
