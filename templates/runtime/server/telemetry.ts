// OpenTelemetry tracing, when the application installs `@opentelemetry/api` (an optional peer dependency): one
// SERVER span per operation, named by its operationId, continuing the caller's W3C `traceparent` through the
// registered propagator, with the semantic conventions' HTTP attributes (http.route, http.request.method,
// http.response.status_code). Without the package, or before a tracer provider is registered, it costs nothing
// more than the API's no-op spans. The few API members used are typed here, so the package is never a type
// dependency of the generated code.
import type { IncomingHttpHeaders } from "node:http";
import type { Request, RequestHandler } from "express";
import { matchedBasePath } from "./dispatch.js";
import { HttpProblem } from "./problem.js";

/** The subset of @opentelemetry/api 1.x this file calls. */
interface OtelContext {
  readonly _brand?: "context";
}
interface OtelSpan {
  setAttribute(key: string, value: string | number): unknown;
  setStatus(status: { code: number; message?: string }): unknown;
  recordException(exception: unknown): void;
  isRecording(): boolean;
  spanContext(): { traceId: string; spanId: string };
  end(): void;
}
interface OtelApi {
  trace: {
    getTracer(name: string): {
      startSpan(
        name: string,
        options: { kind: number; attributes: Record<string, string> },
        context: OtelContext,
      ): OtelSpan;
    };
    setSpan(context: OtelContext, span: OtelSpan): OtelContext;
  };
  context: { active(): OtelContext; with<T>(context: OtelContext, fn: () => T): T };
  propagation: { extract(context: OtelContext, carrier: IncomingHttpHeaders): OtelContext };
}

/** SpanKind.SERVER and SpanStatusCode.ERROR of the API (stable numeric values). */
const SERVER = 1;
const ERROR = 2;

export const OTEL_PACKAGE = "@opentelemetry/api";

export interface Telemetry {
  /** The API once loaded, null when it is not installed, undefined while loading. */
  api(): OtelApi | null | undefined;
  ready: Promise<OtelApi | null>;
}

/** Loads the API if installed; a variable specifier so that neither tsc nor a bundler requires it. */
export function loadTelemetry(specifier: string = OTEL_PACKAGE): Telemetry {
  let loaded: OtelApi | null | undefined;
  const ready = (import(specifier) as Promise<OtelApi>).then(
    (api) => (loaded = typeof api.trace?.getTracer === "function" ? api : null),
    () => (loaded = null),
  );
  return { api: () => loaded, ready };
}

interface Traced {
  span: OtelSpan;
  /** recordFailure set the status already (with the error's message). */
  failed: boolean;
}

const traced = new WeakMap<Request, Traced>();

/**
 * The first handler of an operation's chain: opens its span under the propagated parent and runs the rest of the
 * chain in the span's context (so the handler's own spans are its children); the span ends with the response.
 */
export function traceOperation(telemetry: Telemetry, name: string, path: string): RequestHandler {
  const start: RequestHandler = (req, res, next) => {
    const api = telemetry.api();
    if (api === undefined) {
      telemetry.ready.then(() => start(req, res, next), next);
      return;
    }
    if (api === null) {
      next();
      return;
    }
    const parent = api.propagation.extract(api.context.active(), req.headers);
    const route = `${req.baseUrl}${matchedBasePath(req)}${path}`;
    const span = api.trace
      .getTracer("specwright-server")
      .startSpan(
        name,
        { kind: SERVER, attributes: { "http.route": route, "http.request.method": req.method } },
        parent,
      );
    const spanContext = api.trace.setSpan(parent, span);
    if (span.isRecording()) {
      const entry: Traced = { span, failed: false };
      traced.set(req, entry);
      let ended = false;
      const end = (): void => {
        if (ended) return;
        ended = true;
        span.setAttribute("http.response.status_code", res.statusCode);
        // Server spans: only 5xx are errors (OpenTelemetry HTTP semantic conventions, "Status").
        if (res.statusCode >= 500 && !entry.failed) span.setStatus({ code: ERROR });
        span.end();
      };
      res.once("finish", end);
      res.once("close", end);
    }
    api.context.with(spanContext, next);
  };
  return start;
}

/** Records a failure on the request's span: an unexpected error as an exception; a client's mistake not at all. */
export function recordFailure(req: Request, error: unknown): void {
  const entry = traced.get(req);
  if (entry === undefined || (error instanceof HttpProblem && error.status < 500)) return;
  if (!(error instanceof HttpProblem)) entry.span.recordException(error instanceof Error ? error : String(error));
  entry.span.setStatus(error instanceof Error ? { code: ERROR, message: error.message } : { code: ERROR });
  entry.failed = true;
}

/** The trace id of the request's span, for log lines; undefined when it is not traced. */
export function traceIdOf(req: Request): string | undefined {
  return traced.get(req)?.span.spanContext().traceId;
}
