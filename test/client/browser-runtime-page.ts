// For browser tests of the client runtime: a page (on localhost) that exposes the bundled runtime's createTransport.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { resolve } from "node:path";
import { build } from "esbuild";

export type Runtime = typeof import("../../templates/runtime/client/transport.js");

const PAGE = `<!doctype html><title>client</title><script type="module">import { createTransport } from "/runtime.js"; window.createTransport = createTransport;</script>`;

export const listen = (server: Server, host: string) =>
  new Promise<string>((done) =>
    server.listen(0, host, () => done(`http://${host}:${(server.address() as AddressInfo).port}`)),
  );

export async function closeServers(servers: Server[]): Promise<void> {
  for (const server of servers) {
    server.closeAllConnections();
    await new Promise<void>((done) => server.close(() => done()));
  }
}

/** Serves the page at `/` and the runtime at `/runtime.js`; other requests go to `other` (404 without it). */
export async function serveRuntimePage(
  other?: (req: IncomingMessage, res: ServerResponse) => void,
): Promise<{ server: Server; origin: string }> {
  const bundle = await build({
    entryPoints: [resolve("templates/runtime/client/transport.ts")],
    bundle: true,
    format: "esm",
    write: false,
    logLevel: "silent",
  });
  const runtime = bundle.outputFiles[0]?.text ?? "";
  const server = createServer((req, res) => {
    if (req.url === "/") return res.writeHead(200, { "content-type": "text/html" }).end(PAGE);
    if (req.url === "/runtime.js") return res.writeHead(200, { "content-type": "text/javascript" }).end(runtime);
    if (other) return other(req, res);
    res.writeHead(404).end();
  });
  return { server, origin: await listen(server, "localhost") };
}
