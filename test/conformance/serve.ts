// Serves a generated server with its generated mock handlers on loopback (port 0), development-mode response
// validation on, every security scheme accepting any credential (a missing one is still refused), and the
// server's logged errors kept for the report.
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import express from "express";
import type { RequestHandler } from "express";
import { importTypeScript } from "../../generator/typescript-import.js";
import type { ApiModel } from "../../generator/model/ir.js";

interface GeneratedServer {
  createRouter(handlers: unknown, options: Record<string, unknown>): RequestHandler;
}
interface GeneratedMock {
  createMockHandlers(): unknown;
}

export interface LoggedError {
  message: string;
  /** The error's message and, for a response the spec does not allow, the first field error. */
  error: string;
}

export interface Served {
  /** Origin plus the API's base path: the client's baseUrl. */
  baseUrl: string;
  /** Errors the server logged (each one is a 500 it answered), oldest first; the caller empties it. */
  logged: LoggedError[];
  /** Operation ids whose mock handler ran (the request passed routing, security and validation), oldest first. */
  handled: string[];
  close(): Promise<void>;
}

/** The mock's handlers, each noting its operation id in `handled` when it runs. */
function noting(handlers: unknown, handled: string[]): Record<string, unknown> {
  const entries = Object.entries(handlers as Record<string, unknown>).map(([id, handler]) => {
    if (typeof handler !== "function") return [id, handler];
    return [
      id,
      (...args: unknown[]) => {
        handled.push(id);
        return (handler as (...a: unknown[]) => unknown)(...args);
      },
    ];
  });
  return Object.fromEntries(entries);
}

function describeLogged(details: Record<string, unknown>): string {
  const error = details.error;
  if (!(error instanceof Error)) return String(error);
  const first = (error as { responseErrors?: Array<{ field: string; code: string; message: string }> })
    .responseErrors?.[0];
  // The handler's name and the field vary per spec: quoted, so that failure classes blank them.
  const message = first?.message.replace(/ is not documented for \S+$/, " is not documented for the operation");
  return first
    ? `the mock's answer fails the server's response check: ${JSON.stringify(first.field)} ${first.code}: ${message}`
    : `${error.name}: ${error.message}`;
}

export async function serveMock(serverDir: string, model: ApiModel): Promise<Served> {
  const server = await importTypeScript<GeneratedServer>(join(serverDir, "server.ts"));
  const mock = await importTypeScript<GeneratedMock>(join(serverDir, "mock.ts"));
  const logged: LoggedError[] = [];
  const handled: string[] = [];
  const router = server.createRouter(noting(mock.createMockHandlers(), handled), {
    pageTokenSecret: "conformance-run-page-token-secret-0123456789",
    validateResponses: true,
    security: Object.fromEntries(
      model.securitySchemes.map((scheme) => [scheme.rawName, () => ({ conformance: true })]),
    ),
    logger: {
      error: (message: string, details: Record<string, unknown>) =>
        logged.push({ message, error: describeLogged(details) }),
    },
  });
  const app = express().use(router);
  const listener = app.listen(0, "127.0.0.1");
  await new Promise<void>((resolve, reject) => {
    listener.once("listening", resolve);
    listener.once("error", reject);
  });
  const { port } = listener.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}${model.basePath.replace(/\/+$/, "")}`,
    logged,
    handled,
    close: () =>
      new Promise<void>((resolve) => {
        listener.closeAllConnections();
        listener.close(() => resolve());
      }),
  };
}
