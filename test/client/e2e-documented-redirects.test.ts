// A redirect the spec documents as an operation's only outcome (bkk.hu `bookingRedirect`: just a 302) is that
// call's result: the generated client returns it, Location included, rather than following it or throwing
// (RFC 9110 §15.4: following is the client's choice). A 3xx beside a documented 2xx is still followed to it. The
// generated mock answers such a redirect with a Location on a host that never resolves.
import { pathToFileURL } from "node:url";
import { join } from "node:path";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveSpecText, typecheck } from "../server/e2e-harness.js";
import type { ServedSpec } from "../server/e2e-harness.js";
import { listen } from "../server/listen.js";

const SPEC = `
openapi: 3.0.3
info: { title: Redirects, version: 1.0.0 }
tags: [{ name: r }]
paths:
  /booking:
    get:
      operationId: bookingRedirect
      tags: [r]
      responses:
        "302": { description: to the booking site, headers: { Location: { schema: { type: string } } } }
  /moved:
    get:
      operationId: getMoved
      tags: [r]
      responses:
        "200": { description: the thing, content: { application/json: { schema: { type: object } } } }
        "301": { description: moved }
  /target:
    get:
      operationId: getTarget
      tags: [r]
      responses:
        "200": { description: where redirects lead, content: { application/json: { schema: { type: object } } } }
`;

describe("documented redirects through the generated client", () => {
  let served: ServedSpec | undefined;
  let api: any;
  beforeAll(async () => {
    const answers: Record<string, unknown> = {
      bookingRedirect: { status: 302, location: "/target" },
      getMoved: { status: 301, location: "/target" },
      getTarget: { status: 200, body: { followed: true } },
    };
    served = await serveSpecText("redirects", SPEC, (op) => answers[op], {}, { client: true });
    api = served.client.createClient({ baseUrl: served.url, retry: false });
  }, 120_000);
  afterAll(async () => served?.close());

  it("returns a redirect that is the operation's only documented outcome, with its Location, without following it", async () => {
    const { data, response } = await api.r.bookingRedirect({}, { withResponse: true });
    expect([data, response.status, response.headers.get("location")]).toEqual([undefined, 302, "/target"]);
  });

  it("follows a redirect documented beside a 2xx to that 2xx", async () => {
    expect(await api.r.getMoved()).toEqual({ followed: true });
  });

  it("the mock answers a documented redirect with a declared Location on a host that never resolves", async () => {
    const { createRouter } = await import(pathToFileURL(join(served?.outDir ?? "", "server.ts")).href);
    const { createMockHandlers } = await import(pathToFileURL(join(served?.outDir ?? "", "mock.ts")).href);
    const mock = await listen(express().use(createRouter(createMockHandlers(), { validateResponses: true })));
    try {
      const client = served?.client.createClient({ baseUrl: mock.url, retry: false });
      const { response } = await client.r.bookingRedirect({}, { withResponse: true });
      expect([response.status, new URL(response.headers.get("location")).hostname.endsWith(".invalid")]).toEqual([
        302,
        true,
      ]);
    } finally {
      await mock.close();
    }
  });

  it("generates strict-clean code", { timeout: 300_000 }, async () => {
    expect(await typecheck("redirects", [served?.outDir ?? ""])).toBe("");
  });
});
