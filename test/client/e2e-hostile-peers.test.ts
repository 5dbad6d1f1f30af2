// End to end: a generated client against hostile peers on loopback. A redirect to another origin must not carry the
// credentials, a huge or endless body must be cut off, a server that never answers must not hang the call, and
// parameter values must not change which resource is addressed or break a header.
import { writeFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateFromSpec, tempDir } from "./generated-project.js";

// Every operation needs an API-key header, a bearer token and an API key in the query (one AND requirement).
const SPEC = {
  openapi: "3.1.0",
  info: { title: "Peers", version: "1.0.0" },
  servers: [{ url: "http://127.0.0.1:1/v1" }],
  security: [{ key: [], token: [], query_key: [] }],
  paths: {
    "/things/{thing_id}": {
      parameters: [{ name: "thing_id", in: "path", required: true, schema: { type: "string" } }],
      get: {
        operationId: "getThing",
        tags: ["things"],
        parameters: [{ name: "X-Trace", in: "header", schema: { type: "string" } }],
        responses: {
          "200": { description: "The thing.", content: { "application/json": { schema: { type: "object" } } } },
        },
      },
      delete: { operationId: "deleteThing", tags: ["things"], responses: { "204": { description: "Gone." } } },
    },
  },
  components: {
    securitySchemes: {
      key: { type: "apiKey", in: "header", name: "X-Api-Key" },
      token: { type: "http", scheme: "bearer" },
      query_key: { type: "apiKey", in: "query", name: "api_key" },
    },
  },
};

interface Seen {
  method: string;
  url: string;
  apiKey: string | undefined;
  authorization: string | undefined;
}

type Call = (params: object, options?: object) => Promise<unknown>;
interface ClientModule {
  createClient: (options: object) => { things: Record<string, Call> };
  InvalidParameterError: new (...args: never[]) => Error;
  ResponseTooLargeError: new (...args: never[]) => Error;
  TimeoutError: new (...args: never[]) => Error;
}

/** A server recording what it was sent; `closed(path)` resolves once the client has gone from that request. */
function recordingServer(respond: (req: IncomingMessage, res: ServerResponse) => void) {
  const seen: Seen[] = [];
  const closes = new Map<string, Promise<void>>();
  const server = createServer((req, res) => {
    const url = req.url ?? "/";
    seen.push({
      method: req.method ?? "",
      url,
      apiKey: req.headers["x-api-key"] as string | undefined,
      authorization: req.headers.authorization,
    });
    closes.set(new URL(url, "http://x").pathname, new Promise((resolve) => res.on("close", () => resolve())));
    respond(req, res);
  });
  return {
    server,
    seen,
    closed: (path: string) => closes.get(path) ?? Promise.reject(new Error(`no request for ${path}`)),
  };
}

/** Writes 64 KiB chunks for as long as the client reads (at most 16 MiB, then stalls without ending the body). */
function pump(res: ServerResponse): void {
  const chunk = Buffer.alloc(64 * 1024, 0x61);
  let written = 0;
  const more = () => {
    while (!res.destroyed && written < 16 * 2 ** 20) {
      written += chunk.length;
      if (!res.write(chunk)) return;
    }
  };
  res.on("drain", more);
  more();
}

// A client that reads the whole body waits for the rest of it forever: fail such a regression sooner than testTimeout.
const CUT_OFF = 30_000;

const listen = (server: Server) =>
  new Promise<string>((resolve) =>
    server.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)),
  );
const stop = (server: Server) =>
  new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });

describe("a generated client against hostile peers", () => {
  let client: ClientModule;
  let elsewhereOrigin = "";
  let baseUrl = "";
  const elsewhere = recordingServer((_, res) => res.writeHead(200, { "content-type": "application/json" }).end("{}"));
  const origin = recordingServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://x").pathname;
    if (path === "/v1/things/moved")
      return res.writeHead(302, { location: `${elsewhereOrigin}/landing?api_key=echoed` }).end();
    if (path === "/v1/things/renamed") return res.writeHead(301, { location: "/v1/things/final" }).end();
    if (path === "/v1/things/huge") {
      res.writeHead(200, { "content-type": "application/json", "content-length": "3000000000" });
      return pump(res);
    }
    if (path === "/v1/things/endless") {
      res.writeHead(200, { "content-type": "application/json" });
      return pump(res);
    }
    if (path === "/v1/things/silent") return; // never answers
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ path }));
  });
  const options = () => ({
    baseUrl,
    retry: false,
    auth: { bearer: "token-1", apiKey: { key: "key-1", query_key: "qkey-1" } },
  });

  beforeAll(async () => {
    const dir = await tempDir("hostile-peers");
    await writeFile(join(dir, "peers.json"), JSON.stringify(SPEC));
    const { out } = await generateFromSpec(join(dir, "peers.json"), dir);
    client = (await import(pathToFileURL(join(out, "client.ts")).href)) as ClientModule;
    elsewhereOrigin = await listen(elsewhere.server);
    baseUrl = (await listen(origin.server)) + "/v1";
  });
  afterAll(async () => {
    await stop(origin.server);
    await stop(elsewhere.server);
  });

  it("a 302 to another origin reaches it without the API key, the bearer token or the query key", async () => {
    const api = client.createClient(options());
    await api.things.get!({ thing_id: "moved" });
    expect(origin.seen.at(-1)).toEqual({
      method: "GET",
      url: "/v1/things/moved?api_key=qkey-1",
      apiKey: "key-1",
      authorization: "Bearer token-1",
    });
    expect(elsewhere.seen).toEqual([{ method: "GET", url: "/landing", apiKey: undefined, authorization: undefined }]);
  });

  it("a redirect within the origin keeps the credentials", async () => {
    await client.createClient(options()).things.get!({ thing_id: "renamed" });
    expect(origin.seen.at(-1)).toMatchObject({
      url: "/v1/things/final",
      apiKey: "key-1",
      authorization: "Bearer token-1",
    });
  });

  it(
    "a 3 GB Content-Length is refused before reading, and the connection is closed",
    async () => {
      const error = await client.createClient(options()).things.get!({ thing_id: "huge" }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(client.ResponseTooLargeError);
      await origin.closed("/v1/things/huge");
    },
    CUT_OFF,
  );

  it(
    "an endless body without Content-Length is cut off at maxResponseBytes, and the connection is closed",
    async () => {
      const api = client.createClient({ ...options(), maxResponseBytes: 2 ** 20 });
      expect(await api.things.get!({ thing_id: "endless" }).catch((e: unknown) => e)).toBeInstanceOf(
        client.ResponseTooLargeError,
      );
      await origin.closed("/v1/things/endless");
    },
    CUT_OFF,
  );

  it("a server that never answers ends in a TimeoutError, and the request is abandoned", async () => {
    const error = await client.createClient(options()).things.get!({ thing_id: "silent" }, { timeoutMs: 200 }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(client.TimeoutError);
    await origin.closed("/v1/things/silent");
  });

  it("refuses .. as a path value and CR/LF in a header value without sending anything; / stays in its segment", async () => {
    const api = client.createClient(options());
    const sent = origin.seen.length;
    const remove = api.things.delete;
    expect(await remove!({ thing_id: ".." }).catch((e: unknown) => e)).toBeInstanceOf(client.InvalidParameterError);
    expect(
      await api.things.get!({ thing_id: "t", "X-Trace": "a\r\nX-Injected: 1" }).catch((e: unknown) => e),
    ).toBeInstanceOf(client.InvalidParameterError);
    expect(origin.seen.length).toBe(sent);
    await api.things.get!({ thing_id: "a/../b" });
    expect(origin.seen.at(-1)?.url).toBe("/v1/things/a%2F..%2Fb?api_key=qkey-1");
  });
});
