// One benchmark server per process: `generated` (specwright's router), `bare` (the same routes with no
// validation), `eov` (the bare routes behind express-openapi-validator). Prints "READY <port>" when listening.
// Usage: node bin/run-ts.js bench/server-apps.ts <generated|bare|eov> <generated-dir>
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { Express, NextFunction, Request, RequestHandler, Response } from "express";
import { benchBody, benchSpec } from "./server-spec.js";

// The root package's Express 5, never bench/node_modules' Express 4 (a dependency of the reference tools).
const express = createRequire(resolve("package.json"))("express") as typeof import("express");

const [kind, generatedDir] = [process.argv[2], process.argv[3] ?? ""];

interface Item {
  id: string;
  category: string;
  [key: string]: unknown;
}

/** The work every variant does: store created items (bounded), serve pages of a fixed catalogue. */
const store = new Map<string, Item>();
let counter = 0;
const catalogue: Item[] = Array.from({ length: 300 }, (_, i) => ({
  ...(JSON.parse(benchBody) as Record<string, unknown>),
  id: `item-${i}`,
  category: ["books", "music", "games"][i % 3] ?? "books",
}));

function create(input: Record<string, unknown>): Item {
  const item = { ...input, id: `new-${++counter}` } as Item;
  store.set(item.id, item);
  if (store.size > 10_000) store.delete(store.keys().next().value ?? "");
  return item;
}

function page(
  category: string | undefined,
  start: number,
  size: number,
): { items: Item[]; end: number; more: boolean } {
  const matching = category === undefined ? catalogue : catalogue.filter((item) => item.category === category);
  const end = start + size;
  return { items: matching.slice(start, end), end, more: end < matching.length };
}

/** Plain routes, as a developer would write them by hand: no validation, unsigned page tokens. */
function bareRoutes(app: Express): void {
  app.post("/v1/items", (req: Request, res: Response) => {
    const item = create(req.body as Record<string, unknown>);
    res.status(201).location(`/v1/items/${item.id}`).json(item);
  });
  app.get("/v1/items", (req: Request, res: Response) => {
    const query = req.query as Record<string, string | undefined>;
    const size = Math.min(Number(query.page_size ?? 20) || 20, 100);
    const start = query.page_token
      ? (JSON.parse(Buffer.from(query.page_token, "base64url").toString()) as { p: number }).p
      : 0;
    const result = page(query.category, start, size);
    const next = result.more ? Buffer.from(JSON.stringify({ p: result.end })).toString("base64url") : "";
    res.json({ items: result.items, next_page_token: next });
  });
}

async function generatedApp(): Promise<Express> {
  const { createRouter } = await import(pathToFileURL(join(resolve(generatedDir), "server.ts")).href);
  const app = express();
  app.use(
    createRouter(
      {
        createItem: ({ body }: { body: Record<string, unknown> }) => {
          const item = create(body);
          return { status: 201, body: item, location: `/v1/items/${item.id}` };
        },
        listItems: ({
          query,
          page: paging,
        }: {
          query: { category?: string };
          page: { size: number; position: unknown; next(p: number): string };
        }) => {
          const result = page(query.category, typeof paging.position === "number" ? paging.position : 0, paging.size);
          return {
            status: 200,
            body: { items: result.items, next_page_token: result.more ? paging.next(result.end) : "" },
          };
        },
      },
      { pageTokenSecret: "bench-secret-bench-secret-bench-secret" },
    ),
  );
  return app;
}

async function eovApp(): Promise<Express> {
  // Installed in bench/ only (bench/package.json); resolved from there.
  const require = createRequire(resolve("bench/package.json"));
  const OpenApiValidator = require("express-openapi-validator") as { middleware(options: object): RequestHandler[] };
  const app = express();
  app.use(express.json({ limit: "1mb" }));
  app.use(
    OpenApiValidator.middleware({
      apiSpec: structuredClone(benchSpec),
      validateRequests: true,
      validateResponses: false,
    }),
  );
  bareRoutes(app);
  app.use(
    (
      error: { status?: number; message?: string; errors?: unknown },
      _req: Request,
      res: Response,
      _next: NextFunction,
    ) => {
      res
        .status(error.status ?? 500)
        .type("application/problem+json")
        .json({ type: "about:blank", title: error.message, status: error.status ?? 500, errors: error.errors });
    },
  );
  return app;
}

async function bareApp(): Promise<Express> {
  const app = express();
  app.use(express.json({ limit: "1mb" }));
  bareRoutes(app);
  return app;
}

const app =
  kind === "generated"
    ? await generatedApp()
    : kind === "eov"
      ? await eovApp()
      : kind === "bare"
        ? await bareApp()
        : undefined;
if (app === undefined) {
  console.error("usage: server-apps.ts <generated|bare|eov> <generated-dir>");
  process.exit(2);
}
// The parent asks for this process's CPU time around a run: CPU per request stays comparable on a busy machine.
process.on("SIGINT", () => process.exit(0));
process.on("SIGUSR2", () => {
  const usage = process.cpuUsage();
  console.log(`CPU ${usage.user + usage.system}`);
});
const server = app.listen(0, "127.0.0.1", () => {
  const address = server.address();
  console.log(`READY ${typeof address === "object" && address !== null ? address.port : 0}`);
});
