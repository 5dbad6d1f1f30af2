// Builds the Express router for a generated API: routes in OpenAPI precedence order, CORS, 404/405, body
// parsing limits, and one error handler that turns every failure into a problem response.
import express from "express";
import type { ErrorRequestHandler, Request, RequestHandler, Response, Router } from "express";
import {
  ANY_METHOD,
  checkCorsOptions,
  corsForRequests,
  corsPreflight,
  isPreflight,
  RUNTIME_REQUEST_HEADERS,
  RUNTIME_RESPONSE_HEADERS,
} from "./cors.js";
import type { CorsOptions } from "./cors.js";
import { mountDocs } from "./docs.js";
import type { DocsDocuments, DocsOptions } from "./docs.js";
import { DEFAULT_MAX_PARAMETER_LENGTH } from "./input-limits.js";
import { createPageTokenCodec } from "./page-token.js";
import type { PageTokenSecret } from "./page-token.js";
import { HttpProblem, sendProblem } from "./problem.js";
import type { ProblemFormatter } from "./problem.js";
import { errorPayloadFormatter } from "./error-payload.js";
import type { ErrorPayload } from "./error-payload.js";
import { requestContext } from "./request-context.js";
import { loadTelemetry, recordFailure, traceIdOf, traceOperation } from "./telemetry.js";
import { bodyParsers, bodyReader } from "./body-reader.js";
import type { MultipartLimits } from "./multipart.js";
import { operationHandler, responseKey } from "./operation-handler.js";
import type { ResponseCheck } from "./operation-handler.js";
import type { AnyHandler, OperationSpec } from "./operation.js";
import { dispatcher } from "./dispatch.js";
import { loadDetails } from "./details-loading.js";
import type { DetailModules } from "./details-loading.js";
import { methodChains } from "./discriminator.js";
import type { SchemeSpec, Verifier } from "./security.js";

export interface Logger {
  error(message: string, details: Record<string, unknown>): void;
}

export interface RouterOptions<P = unknown> {
  /**
   * Prefix of every route; defaults to the path of the spec's first server (e.g. "/v1"), served under each
   * value of its variables (see ApiDescription.basePaths). Several prefixes serve the API under each.
   */
  basePath?: string | readonly string[];
  /**
   * HMAC key for page tokens (at least 32 bytes); required when the API has cursor-paginated operations. A list
   * rotates keys: tokens are signed with the first and accepted under any of them.
   */
  pageTokenSecret?: PageTokenSecret | readonly PageTokenSecret[];
  /**
   * Seconds a page token stays valid after it was issued (the issue time is signed into the token); an older
   * token is a 400 `expired_page_token` problem. Unset (the default): tokens never expire, and tokens issued
   * before this option existed (no issue time) keep working; once set, those are refused as expired.
   */
  pageTokenMaxAgeSeconds?: number;
  /** One verifier per security scheme name; a scheme without a verifier rejects every request. */
  security?: Readonly<Record<string, Verifier<P>>>;
  cors?: CorsOptions;
  /** Largest accepted request body (bytes or "1mb"); larger ones get 413. Default 1 MB. Multipart has its own. */
  bodyLimit?: number | string;
  /**
   * Limits of multipart/form-data bodies, each a 413 past it: `files` (default 10), `fileSize` (bytes per file,
   * default 10 MiB), `totalSize` (bytes, default 20 MiB), `fields` (non-file parts, default 100, each up to 1 MiB).
   */
  multipart?: MultipartLimits;
  /**
   * Longest accepted value of a path, query, header or cookie parameter, in characters (default 8192). Longer
   * ones are refused before parsing or pattern matching: 414 for path and query, 431 for headers and cookies.
   */
  maxParameterLength?: number;
  /** Accept query parameters the spec does not declare (default: 400 problem). */
  allowUnknownQueryParameters?: boolean;
  /** Development mode: check every response against the spec; an undocumented one becomes a 500 problem. */
  validateResponses?: boolean;
  /**
   * Serve the API's own reference under the base path (default off): Redoc at /docs, Swagger UI at /docs/swagger
   * ("try it out" calls this server), the bundled document at /openapi.json and /openapi.yaml. Needs the optional
   * peer dependencies `redoc` and `swagger-ui-dist`. `{ path: "/_docs" }` moves the pages (when the spec has /docs).
   */
  docs?: boolean | DocsOptions;
  /** Answer 404 problems for unknown paths under the base path (default true). */
  notFound?: boolean;
  logger?: Logger;
  /**
   * OpenTelemetry spans, one per operation (default on): used when `@opentelemetry/api` is installed and a tracer
   * provider registered, a no-op otherwise. `false` leaves them out of the request pipeline altogether.
   */
  tracing?: boolean;
  /** Replaces the generated mapping of problems to the API's error payload (the spec's error schema, else RFC 9457). */
  formatProblem?: ProblemFormatter;
}

export interface ApiDescription {
  basePath: string;
  /** Every prefix to serve (the server URL with each combination of its variables' values); default `[basePath]`. */
  basePaths?: readonly string[];
  operations: readonly OperationSpec[];
  schemes: Readonly<Record<string, SchemeSpec>>;
  /** Request header names the spec documents (for CORS preflight). */
  requestHeaders: readonly string[];
  responseHeaders: readonly string[];
  /** The spec's own error schema, as a recipe; absent: failures are RFC 9457 problems. */
  errorPayload?: ErrorPayload;
  /** The spec's title, for the docs pages. */
  title?: string;
  /** The bundled document, for `docs`. */
  documents?: DocsDocuments;
  /** Loads development-mode response checks (compiled lazily from the bundled spec). */
  responseChecks?: () => Promise<ResponseCheck>;
  /** Loads the details validators the operations' `detailNames` refer to (started when the router is built). */
  detailValidators?: () => Promise<DetailModules>;
}

const consoleLogger: Logger = {
  error: (message, details) => console.error(message, details),
};

export function buildRouter<P>(
  api: ApiDescription,
  handlers: Readonly<Record<string, AnyHandler>>,
  given: RouterOptions<P>,
): Router {
  // Checked and normalised once, here: a misconfigured allow list is a startup error, not a 403 on every preflight.
  const options: RouterOptions<P> = given.cors === undefined ? given : { ...given, cors: checkCorsOptions(given.cors) };
  const basePaths = basePathsOf(options.basePath ?? api.basePaths ?? api.basePath);
  const logger = options.logger ?? consoleLogger;
  const needsCodec = api.operations.some((op) => op.paging?.kind === "cursor");
  if (needsCodec && options.pageTokenSecret === undefined) {
    throw new Error(
      "createRouter: this API has cursor-paginated operations; pass options.pageTokenSecret (32+ random bytes)",
    );
  }
  const missing = api.operations.filter((op) => typeof handlers[op.id] !== "function").map((op) => op.id);
  if (missing.length > 0) throw new Error(`createRouter: no handler for ${missing.join(", ")}`);
  const { operations, gate } = loadDetails(api.operations, api.detailValidators);

  const shared = {
    codec:
      needsCodec && options.pageTokenSecret !== undefined
        ? createPageTokenCodec(
            options.pageTokenSecret,
            options.pageTokenMaxAgeSeconds === undefined ? {} : { maxAgeSeconds: options.pageTokenMaxAgeSeconds },
          )
        : undefined,
    schemes: api.schemes,
    verifiers: (options.security ?? {}) as Readonly<Record<string, Verifier<unknown>>>,
    allowUnknownQuery: options.allowUnknownQueryParameters === true,
    logger,
    responseChecks: options.validateResponses === true ? api.responseChecks?.() : undefined,
    formatProblem: options.formatProblem,
    maxParameterLength: options.maxParameterLength ?? DEFAULT_MAX_PARAMETER_LENGTH,
  };
  shared.responseChecks?.catch(() => undefined); // reported per request when used; never an unhandled rejection

  const router = express.Router({ caseSensitive: true, strict: false });
  if (options.cors !== undefined)
    router.use(corsForRequests(options.cors, [...RUNTIME_RESPONSE_HEADERS, ...api.responseHeaders]));
  const parsers = bodyParsers(options.bodyLimit ?? "1mb", options.multipart);
  const allowedHeaders = [...new Set([...RUNTIME_REQUEST_HEADERS, ...api.requestHeaders])];

  const answerOptions = (allow: readonly string[]): RequestHandler =>
    options.cors !== undefined ? corsPreflight(options.cors, allow, allowedHeaders) : answerAllow(allow);
  if (options.docs !== undefined && options.docs !== false) {
    // Added before the operations: the docs paths are concrete, and a spec path under them is a startup error.
    for (const basePath of new Set(basePaths)) {
      mountDocs(router, {
        basePath,
        options: options.docs,
        title: api.title ?? "API",
        documents: api.documents,
        specPaths: api.operations.map((op) => op.path),
        close: (route, allow) => {
          route.options(answerOptions(allow));
          route.all(methodNotAllowed(allow));
        },
      });
    }
  }
  // Operations sharing a path and method (path keys `/#X-Amz-Target=...`) are told apart by their discriminator.
  const telemetry = options.tracing === false ? undefined : loadTelemetry();
  const chainsOf = (ops: readonly OperationSpec[], names: Readonly<Record<string, string>>) =>
    methodChains(ops, (op) => {
      const handler = operationHandler(op, (handlers[op.id] as AnyHandler).bind(handlers), names, shared);
      const chain = op.body !== null ? [bodyReader(op, parsers), handler] : [handler];
      // In order: the span; the reached operation (a failure anywhere after it is written as that operation
      // documents); the details gate (requests wait for the details validators only while they load); the rest.
      const gated = [reachedOperation(op), ...(gate === undefined ? chain : [gate, ...chain])];
      return telemetry === undefined ? gated : [traceOperation(telemetry, op.operationId ?? op.id, op.path), ...gated];
    });
  // Base paths are compared as plain text there, so a server URL's `*`, `(` or `:` is never route syntax.
  router.use(dispatcher(operations, chainsOf, { basePaths, answerOptions, notFound: options.notFound !== false }));
  if (options.cors !== undefined)
    router.use(answerUnknownPathPreflight(corsPreflight(options.cors, ANY_METHOD, allowedHeaders)));
  // Every failure goes through here: the user's formatter, else the spec's own error schema, else RFC 9457.
  router.use(
    errorHandler(
      logger,
      options.formatProblem,
      api.errorPayload === undefined ? undefined : errorPayloadFormatter(api.errorPayload),
    ),
  );
  return router;
}

/** Where the error handler finds the operation a request reached (its own error payloads), in `res.locals`. */
const REACHED_OPERATION = "specwrightOperation";

function reachedOperation(op: OperationSpec): RequestHandler {
  return (_req, res, next) => {
    res.locals[REACHED_OPERATION] = op;
    next();
  };
}

/** Formatters of one operation's documented error payloads, made once per operation and payload. */
const operationFormatters = new WeakMap<ErrorPayload, ProblemFormatter>();

/**
 * How a failure is written: the user's formatter; else what the operation the request reached documents for the
 * failure's status (exact, `4XX`, `default`, OpenAPI 3.0.3 §4.7.16) where that differs from the API-wide payload;
 * else the API-wide one (the spec's error schema, else RFC 9457).
 */
function formatterFor(
  res: Response,
  status: number,
  user: ProblemFormatter | undefined,
  apiWide: ProblemFormatter | undefined,
): ProblemFormatter | undefined {
  if (user !== undefined) return user;
  const op = res.locals[REACHED_OPERATION] as OperationSpec | undefined;
  const errors = op?.errors;
  const key = errors === undefined ? undefined : responseKey(errors, status);
  const documented = key === undefined ? undefined : errors?.[key];
  if (documented === undefined) return apiWide;
  let formatter = operationFormatters.get(documented);
  if (formatter === undefined) {
    formatter = errorPayloadFormatter(documented);
    operationFormatters.set(documented, formatter);
  }
  return formatter;
}

/**
 * A preflight for a path the API lacks still gets CORS headers (the 404 the dispatcher raised is not sent), so the
 * browser goes on to the actual request and shows its real 404 instead of "blocked by CORS".
 */
function answerUnknownPathPreflight(preflight: RequestHandler): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    const notFound = error instanceof HttpProblem && error.status === 404 && error.code === "not_found";
    if (notFound && req.method === "OPTIONS" && isPreflight(req.headers)) preflight(req, res, next);
    else next(error);
  };
}

function methodNotAllowed(allow: readonly string[]): RequestHandler {
  const key = allow.join(", ");
  return (req, _res, next) => {
    next(
      new HttpProblem(405, "method_not_allowed", `${req.method} is not supported here; use ${key}.`, {
        headers: { Allow: key },
      }),
    );
  };
}

function answerAllow(allow: readonly string[]): RequestHandler {
  return (_req, res) => {
    res.setHeader("Allow", allow.join(", "));
    res.status(204).end();
  };
}

/** Errors raised by body-parser, by type, and the problem each one is. */
const BODY_ERRORS: Readonly<Record<string, [number, string, string]>> = {
  "entity.parse.failed": [400, "malformed_json", "The request body is not valid JSON."],
  "entity.too.large": [413, "payload_too_large", "The request body is larger than this API accepts."],
  "encoding.unsupported": [415, "unsupported_encoding", "The request body's Content-Encoding is not supported."],
  "charset.unsupported": [415, "unsupported_charset", "The request body's charset is not supported; use UTF-8."],
  "request.aborted": [400, "request_aborted", "The request body was not received completely."],
  "request.size.invalid": [400, "request_size_invalid", "The request body does not match its Content-Length."],
};

function errorHandler(
  logger: Logger,
  user: ProblemFormatter | undefined,
  apiWide: ProblemFormatter | undefined,
): ErrorRequestHandler {
  return (error: unknown, req: Request, res: Response, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const { requestId } = requestContext(req, res);
    recordFailure(req, error);
    const problem = asProblem(error, req, requestId, logger);
    sendProblem(res, problem, req.originalUrl.split("?")[0] ?? "/", formatterFor(res, problem.status, user, apiWide));
  };
}

export function asProblem(error: unknown, req: Request, requestId: string, logger: Logger): HttpProblem {
  if (error instanceof HttpProblem) return error;
  const type = typeof error === "object" && error !== null && "type" in error ? error.type : undefined;
  const known = typeof type === "string" ? BODY_ERRORS[type] : undefined;
  if (known !== undefined) return new HttpProblem(known[0], known[1], known[2]);
  // Express's own client errors (e.g. a path parameter that is not valid percent-encoding) stay 4xx.
  const status = typeof error === "object" && error !== null && "status" in error ? error.status : undefined;
  if (typeof status === "number" && status >= 400 && status < 500) {
    return new HttpProblem(
      status,
      "bad_request",
      "The request could not be understood; check its URL encoding and headers.",
    );
  }
  const traceId = traceIdOf(req);
  logger.error("request failed", {
    requestId,
    ...(traceId === undefined ? {} : { traceId }),
    method: req.method,
    path: req.originalUrl,
    error,
  });
  return new HttpProblem(
    500,
    "internal_error",
    `The server failed to answer; quote request id ${requestId} when reporting it.`,
  );
}

function basePathsOf(configured: string | readonly string[]): string[] {
  return (typeof configured === "string" ? [configured] : [...configured]).map(normaliseBase);
}

function normaliseBase(basePath: string): string {
  const trimmed = basePath.replace(/\/+$/, "");
  return trimmed === "" || trimmed.startsWith("/") ? trimmed : `/${trimmed}`;
}
