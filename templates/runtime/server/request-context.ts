// Request id and W3C trace context: taken from the client when well-formed, generated otherwise, echoed back.
import { randomUUID } from "node:crypto";
import type { Request, Response } from "express";

export interface RequestContext {
  requestId: string;
  traceparent: string | undefined;
}

const REQUEST_ID = /^[\w.:-]{1,128}$/;
const TRACEPARENT = /^[\da-f]{2}-[\da-f]{32}-[\da-f]{16}-[\da-f]{2}$/;

export function requestContext(req: Request, res: Response): RequestContext {
  const cached = contexts.get(req);
  if (cached !== undefined) return cached;
  const given = req.headers["x-request-id"];
  const requestId = typeof given === "string" && REQUEST_ID.test(given) ? given : randomUUID();
  const trace = req.headers["traceparent"];
  const traceparent = typeof trace === "string" && TRACEPARENT.test(trace) ? trace : undefined;
  res.setHeader("X-Request-Id", requestId);
  if (traceparent !== undefined) res.setHeader("traceparent", traceparent);
  const context = { requestId, traceparent };
  contexts.set(req, context);
  return context;
}

const contexts = new WeakMap<Request, RequestContext>();
