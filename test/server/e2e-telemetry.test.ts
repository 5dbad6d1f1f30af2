// OpenTelemetry in a generated server, over HTTP (issue 13): one SERVER span per operation named by its operationId,
// with http.route / http.request.method / http.response.status_code, continuing the caller's `traceparent` through
// the registered propagator, the handler running in the span's context, failures recorded; request ids in the
// response header and in log lines. The tracer provider, propagator and context manager are small ones written
// here against @opentelemetry/api's interfaces (no SDK).
import { AsyncLocalStorage } from "node:async_hooks";
import { randomBytes } from "node:crypto";
import { request } from "node:http";
import { context, propagation, ROOT_CONTEXT, trace } from "@opentelemetry/api";
import type {
  Attributes,
  Context,
  ContextManager,
  Span,
  SpanContext,
  SpanStatus,
  TextMapPropagator,
  Tracer,
  TracerProvider,
} from "@opentelemetry/api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadTelemetry, traceOperation } from "../../templates/runtime/server/telemetry.js";
import { rawCall, serveSpecText } from "./e2e-harness.js";
import type { ServedSpec } from "./e2e-harness.js";

interface Recorded {
  name: string;
  kind: number | undefined;
  attributes: Attributes;
  status: SpanStatus | undefined;
  exceptions: unknown[];
  context: SpanContext;
  parentSpanId: string | undefined;
  ended: boolean;
}

const recorded: Recorded[] = [];

function recordingSpan(record: Recorded): Span {
  const span: Span = {
    spanContext: () => record.context,
    setAttribute: (key, value) => ((record.attributes[key] = value), span),
    setAttributes: (attributes) => (Object.assign(record.attributes, attributes), span),
    addEvent: () => span,
    addLink: () => span,
    addLinks: () => span,
    setStatus: (status) => ((record.status = status), span),
    updateName: (name) => ((record.name = name), span),
    end: () => void (record.ended = true),
    isRecording: () => !record.ended,
    recordException: (exception) => void record.exceptions.push(exception),
  };
  return span;
}

const tracer = {
  startSpan(name, options = {}, parentContext = context.active()) {
    const parent = trace.getSpanContext(parentContext);
    const record: Recorded = {
      name,
      kind: options.kind,
      attributes: { ...options.attributes },
      status: undefined,
      exceptions: [],
      parentSpanId: parent?.spanId,
      ended: false,
      context: {
        traceId: parent?.traceId ?? randomBytes(16).toString("hex"),
        spanId: randomBytes(8).toString("hex"),
        traceFlags: 1,
      },
    };
    recorded.push(record);
    return recordingSpan(record);
  },
  startActiveSpan() {
    throw new Error("not used by the server");
  },
} as Tracer;

const provider: TracerProvider = { getTracer: () => tracer };

/** W3C Trace Context §3.2: version-traceid-parentid-flags. */
const w3c: TextMapPropagator = {
  inject: () => undefined,
  extract(given, carrier, getter) {
    const header = getter.get(carrier, "traceparent");
    const match = typeof header === "string" ? /^00-([\da-f]{32})-([\da-f]{16})-([\da-f]{2})$/.exec(header) : null;
    if (match === null) return given;
    return trace.setSpanContext(given, {
      traceId: match[1] ?? "",
      spanId: match[2] ?? "",
      traceFlags: Number.parseInt(match[3] ?? "0", 16),
      isRemote: true,
    });
  },
  fields: () => ["traceparent"],
};

class AsyncContextManager implements ContextManager {
  private readonly storage = new AsyncLocalStorage<Context>();
  active(): Context {
    return this.storage.getStore() ?? ROOT_CONTEXT;
  }
  with<A extends unknown[], F extends (...args: A) => ReturnType<F>>(
    given: Context,
    fn: F,
    thisArg?: ThisParameterType<F>,
    ...args: A
  ): ReturnType<F> {
    return this.storage.run(given, () => fn.apply(thisArg, args));
  }
  bind<T>(_context: Context, target: T): T {
    return target;
  }
  enable(): this {
    return this;
  }
  disable(): this {
    return this;
  }
}

const SPEC = `
openapi: 3.0.3
info: { title: Traced, version: 1.0.0 }
servers: [{ url: https://api.example.com/v1 }]
paths:
  /pets/{pet_id}:
    post:
      operationId: pets.update
      parameters: [{ name: pet_id, in: path, required: true, schema: { type: integer } }]
      requestBody: { required: true, content: { application/json: { schema: { type: object, required: [name], properties: { name: { type: string } } } } } }
      responses:
        "200": { description: ok, content: { application/json: { schema: { type: object } } } }
`;

const TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
const PARENT_ID = "00f067aa0ba902b7";

describe("OpenTelemetry spans of a generated server", () => {
  let served: ServedSpec | undefined;
  const logged: Record<string, unknown>[] = [];
  /** The span id the handler saw as active, per request. */
  const activeInHandler: (string | undefined)[] = [];
  beforeAll(async () => {
    expect(trace.setGlobalTracerProvider(provider)).toBe(true);
    expect(propagation.setGlobalPropagator(w3c)).toBe(true);
    expect(context.setGlobalContextManager(new AsyncContextManager())).toBe(true);
    const respond = (_op: string, request: Record<string, any>) => {
      activeInHandler.push(trace.getActiveSpan()?.spanContext().spanId);
      if (request.body.name === "boom") throw new Error("the handler failed");
      return { status: 200, body: { name: request.body.name } };
    };
    const logger = { error: (_message: string, details: Record<string, unknown>) => logged.push(details) };
    served = await serveSpecText("telemetry", SPEC, respond, { logger });
  }, 120_000);
  afterAll(async () => {
    await served?.close();
    trace.disable();
    propagation.disable();
    context.disable();
  });
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    rawCall(`${served?.url ?? ""}${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify(body),
    });
  /** The response is sent before the span ends on "finish"; wait for that event rather than for time. */
  const lastEnded = async (): Promise<Recorded> => {
    for (let turn = 0; turn < 1000 && recorded.at(-1)?.ended !== true; turn++)
      await new Promise((resolve) => setImmediate(resolve));
    const last = recorded.at(-1);
    if (last === undefined) throw new Error("no span recorded");
    return last;
  };

  it("opens one SERVER span named by the operationId, with the route template, method and status, under the caller's trace", async () => {
    recorded.length = 0;
    const answer = await post("/v1/pets/7", { name: "Tom" }, { traceparent: `00-${TRACE_ID}-${PARENT_ID}-01` });
    expect(answer.status).toBe(200);
    const span = await lastEnded();
    expect(recorded).toHaveLength(1);
    expect(span).toMatchObject({
      name: "pets.update",
      kind: 1, // SpanKind.SERVER
      attributes: {
        "http.route": "/v1/pets/{pet_id}",
        "http.request.method": "POST",
        "http.response.status_code": 200,
      },
      parentSpanId: PARENT_ID,
      status: undefined,
      ended: true,
    });
    expect(span.context.traceId).toBe(TRACE_ID);
    // The handler runs in the span's context (after the body was parsed from socket events), so its spans are children.
    expect(activeInHandler.at(-1)).toBe(span.context.spanId);
  });

  it("runs the handler in the span's context when the body arrives after the span opened (socket events)", async () => {
    recorded.length = 0;
    const url = new URL(`${served?.url ?? ""}/v1/pets/7`);
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(
        url,
        { method: "POST", headers: { "content-type": "application/json", "transfer-encoding": "chunked" } },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on("error", reject);
      req.flushHeaders();
      // The body is sent only once the server has opened the span, so the parser reads it from later socket events.
      const sendWhenOpened = (turn: number): void => {
        if (recorded.length > 0 || turn > 10_000) req.end(JSON.stringify({ name: "Late" }));
        else setImmediate(() => sendWhenOpened(turn + 1));
      };
      sendWhenOpened(0);
    });
    expect(status).toBe(200);
    const span = await lastEnded();
    expect(activeInHandler.at(-1)).toBe(span.context.spanId);
  });

  it("starts a new trace without a traceparent, and leaves a client's mistake (400) unmarked as an error", async () => {
    recorded.length = 0;
    const answer = await post("/v1/pets/x", { name: "Tom" });
    expect(answer.status).toBe(400);
    const span = await lastEnded();
    expect([
      span.parentSpanId,
      span.context.traceId === TRACE_ID,
      span.attributes["http.response.status_code"],
      span.status,
      span.exceptions,
    ]).toEqual([undefined, false, 400, undefined, []]);
  });

  it("records a handler's failure on the span, and logs it with the request id and trace id", async () => {
    recorded.length = 0;
    logged.length = 0;
    const answer = await post(
      "/v1/pets/7",
      { name: "boom" },
      { "x-request-id": "req-42", traceparent: `00-${TRACE_ID}-${PARENT_ID}-01` },
    );
    expect([answer.status, answer.headers.get("x-request-id")]).toEqual([500, "req-42"]);
    const span = await lastEnded();
    expect(span.status).toEqual({ code: 2, message: "the handler failed" }); // SpanStatusCode.ERROR
    expect(span.exceptions).toEqual([expect.objectContaining({ message: "the handler failed" })]);
    expect(span.attributes["http.response.status_code"]).toBe(500);
    expect(logged).toEqual([expect.objectContaining({ requestId: "req-42", traceId: TRACE_ID })]);
  });

  it("answers with the caller's request id, or a generated one", async () => {
    expect((await post("/v1/pets/7", { name: "Tom" }, { "x-request-id": "abc-123" })).headers.get("x-request-id")).toBe(
      "abc-123",
    );
    expect((await post("/v1/pets/7", { name: "Tom" })).headers.get("x-request-id")).toMatch(/^[\da-f]{8}-[\da-f]{4}-/);
  });
});

describe("tracing without @opentelemetry/api", () => {
  it("loads nothing when the package is absent, and the operation's chain goes on untraced", async () => {
    const telemetry = loadTelemetry("@opentelemetry/not-installed-here");
    expect(await telemetry.ready).toBeNull();
    let continued = false;
    traceOperation(telemetry, "op", "/x")({} as never, {} as never, () => {
      continued = true;
    });
    expect(continued).toBe(true);
  });
});
