// A generated server with `docs: true`, served on loopback from its own router (shared by the docs e2e and
// browser tests).
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import express from "express";
import { generateApi } from "./e2e-harness.js";
import { listen } from "./listen.js";

export const DOCS_SPEC = "test/server/fixtures/docs.spec.json";
export const ALLOWED_ORIGIN = "https://app.example.com";

export interface DocsServer {
  outDir: string;
  url: string;
  /** What createRouter's module exports, to build more routers in a test. */
  server: { createRouter(handlers: object, options?: object): express.Router };
  handlers: object;
  close(): Promise<void>;
}

export async function serveDocs(name: string): Promise<DocsServer> {
  const outDir = await generateApi(DOCS_SPEC, name, { client: false });
  const server = (await import(pathToFileURL(join(outDir, "server.ts")).href)) as DocsServer["server"];
  const handlers = {
    getGreeting: ({ params }: { params: { name: string } }) => ({
      status: 200,
      body: { message: `Hello, ${params.name}!` },
    }),
  };
  const app = express().use(server.createRouter(handlers, { docs: true, cors: { origins: [ALLOWED_ORIGIN] } }));
  const running = await listen(app);
  return { outDir, url: running.url, server, handlers, close: running.close };
}
