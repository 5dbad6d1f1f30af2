// Generation + type-checking for the end-to-end tests: client and server for one spec in one output folder,
// plus a hand-written implementation fixture copied next to them.
import { execFile } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import express from "express";
import { renderClient } from "../../generator/emit/client/generate-client.js";
import { renderServer } from "../../generator/emit/server/generate-server.js";
import { writeOutputDir } from "../../generator/emit/shared/output-dir.js";
import { bundleSpec, loadSpec } from "../../generator/load/index.js";
import { buildModel } from "../../generator/model/build-model.js";
import { listen } from "./listen.js";

const run = promisify(execFile);
export const TMP_DIR = resolve("test/server/.tmp");

export async function loadDocument(spec: string): Promise<Record<string, unknown>> {
  return spec.endsWith(".json")
    ? (JSON.parse(await readFile(spec, "utf8")) as Record<string, unknown>)
    : bundleSpec(await loadSpec(spec));
}

/** Generates client + server for `spec` into test/server/.tmp/<name>; returns the folder. */
export async function generateApi(
  spec: string,
  name: string,
  options: { client?: boolean; fixture?: string } = {},
): Promise<string> {
  const document = await loadDocument(spec);
  const model = buildModel(document, { source: spec });
  const outDir = join(TMP_DIR, name);
  const files = options.client === false ? new Map<string, string>() : await renderClient(model, document);
  for (const [path, content] of await renderServer(model, document, outDir, { skipTypes: options.client !== false }))
    files.set(path, content);
  if (options.fixture !== undefined) {
    const source = await readFile(options.fixture, "utf8");
    files.set("impl.ts", source.replace(/^\/\/ @ts-nocheck[^\n]*\n/, ""));
  }
  await writeOutputDir(outDir, files);
  return outDir;
}

/** `tsc --noEmit` in strict mode over the given generated folders; returns the diagnostics ("" when clean). */
export async function typecheck(
  name: string,
  dirs: readonly string[],
  extraOptions: Readonly<Record<string, unknown>> = {},
): Promise<string> {
  const config = join(TMP_DIR, `tsconfig.${name}.json`);
  await writeFile(
    config,
    JSON.stringify({
      compilerOptions: {
        target: "ES2022",
        module: "NodeNext",
        moduleResolution: "NodeNext",
        lib: ["ES2023", "DOM"],
        strict: true,
        noUncheckedIndexedAccess: true,
        skipLibCheck: true,
        noEmit: true,
        types: ["node"],
        verbatimModuleSyntax: true,
        isolatedModules: true,
        ...extraOptions,
      },
      include: dirs.map((dir) => `${dir}/**/*.ts`),
    }),
  );
  try {
    await run(process.execPath, [resolve("node_modules/typescript/bin/tsc"), "-p", config], {
      maxBuffer: 64 * 1024 * 1024,
    });
    return "";
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    return `${stdout ?? ""}${stderr ?? ""}` || String(error);
  }
}

/** The strictest flags a project may set (issue 13): generated code compiles under all of them. */
export const STRICT_FLAGS = {
  exactOptionalPropertyTypes: true,
  noUnusedLocals: true,
  noUnusedParameters: true,
  noPropertyAccessFromIndexSignature: true,
  verbatimModuleSyntax: true,
  erasableSyntaxOnly: true,
};

/** A generated folder's mock handlers served on loopback, every request logged. */
export interface ServedMock {
  url: string;
  /** Every request the mock got: method and URL. */
  requests: string[];
  /** What the server logged as failures (asserted empty: a mock never answers with a 500). */
  serverErrors: Record<string, unknown>[];
  close(): Promise<void>;
}

/** Serves `outDir`'s createMockHandlers() (with `override`n handlers) under createRouter, responses validated. */
export async function serveGeneratedMock(
  outDir: string,
  routerOptions: Record<string, unknown> = {},
  override: Record<string, unknown> = {},
): Promise<ServedMock> {
  const { createRouter } = await import(pathToFileURL(join(outDir, "server.ts")).href);
  const { createMockHandlers } = await import(pathToFileURL(join(outDir, "mock.ts")).href);
  const requests: string[] = [];
  const serverErrors: Record<string, unknown>[] = [];
  const app = express()
    .use((req, _res, next) => {
      requests.push(`${req.method} ${req.url}`);
      next();
    })
    .use(
      createRouter(
        { ...createMockHandlers(), ...override },
        {
          pageTokenSecret: "mock-secret-mock-secret-mock-secret!",
          validateResponses: true,
          logger: { error: (_message: string, details: Record<string, unknown>) => serverErrors.push(details) },
          ...routerOptions,
        },
      ),
    );
  const server = await listen(app);
  return { url: server.url, requests, serverErrors, close: server.close };
}

/** A generated API served on loopback from its implementation fixture, with its generated client module. */
export interface ServedApi {
  outDir: string;
  url: string;
  /** The generated client.ts module (untyped here; the type-check test covers its types). */
  client: any;
  /** What the server logged as failures: every e2e file asserts it stays empty. */
  serverErrors: Record<string, unknown>[];
  close(): Promise<void>;
}

export async function serveGenerated(spec: string, name: string, fixture: string): Promise<ServedApi> {
  const outDir = await generateApi(spec, name, { fixture });
  const serverErrors: Record<string, unknown>[] = [];
  const impl = await import(pathToFileURL(join(outDir, "impl.ts")).href);
  const server = await listen(
    impl.createApp({ onError: (details: Record<string, unknown>) => serverErrors.push(details) }),
  );
  const client = await import(pathToFileURL(join(outDir, "client.ts")).href);
  return { outDir, url: server.url, client, serverErrors, close: server.close };
}

/** A server generated from spec text (no fixture), served with one handler per operation. */
export interface ServedSpec {
  url: string;
  outDir: string;
  spec: string;
  /** The generated client.ts module, when generated with `{ client: true }`. */
  client?: any;
  close(): Promise<void>;
}

export async function serveSpecText(
  name: string,
  text: string,
  respond: (operationId: string, request: Record<string, unknown>) => unknown,
  routerOptions: Record<string, unknown> = {},
  options: { client?: boolean } = {},
): Promise<ServedSpec> {
  const dir = join(TMP_DIR, `${name}-spec`);
  mkdirSync(dir, { recursive: true });
  const spec = join(dir, "openapi.yaml");
  writeFileSync(spec, text);
  rmSync(join(TMP_DIR, name), { recursive: true, force: true }); // no handlers.ts carried over from another spec
  const outDir = await generateApi(spec, name, { client: options.client === true });
  const server = await import(pathToFileURL(join(outDir, "server.ts")).href);
  const client = options.client === true ? await import(pathToFileURL(join(outDir, "client.ts")).href) : undefined;
  const model = buildModel(await loadDocument(spec), { source: spec });
  const handlers = Object.fromEntries(
    model.operations.map((operation) => [
      operation.id,
      (request: Record<string, unknown>) => respond(operation.id, request),
    ]),
  );
  const app = express();
  app.use(server.createRouter(handlers, routerOptions));
  const listening = await listen(app);
  return { url: listening.url, outDir, spec, client, close: listening.close };
}

/** One raw HTTP exchange, the JSON body parsed. */
export async function rawCall(
  url: string,
  init: RequestInit = {},
): Promise<{ status: number; headers: Headers; body: any }> {
  const response = await fetch(url, init);
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text === "" ? undefined : JSON.parse(text) };
}
