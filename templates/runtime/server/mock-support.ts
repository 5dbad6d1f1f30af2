// Used by the generated mock.ts: answers built from the spec's examples, with a plausible Location where declared.
import type { HandlerResult } from "./operation.js";
import type { Request } from "express";

/**
 * Where a mocked redirect points: a host that never resolves (RFC 6761 §6.4 `.invalid`), so a client that follows it
 * fails at once rather than reaching a real host; the redirect is the documented answer (a 3xx answered by the mock
 * is one its operation documents instead of a 2xx), and a generated client returns it without following.
 */
export const MOCK_REDIRECT_TARGET = "https://redirect-target.invalid/";

/**
 * A result for a mock handler; `R` is the operation's typed result union (the sample comes from the spec). A 201
 * or a 3xx carries a plausible Location only when the spec declares that header: the mock adds no header it does not.
 */
export function mockResult<R>(
  request: { raw: Request },
  status: number,
  body: unknown,
  declaresLocation = status === 201,
): R {
  const result: HandlerResult = { status };
  if (body !== undefined) result.body = structuredClone(body);
  if (status === 201 && declaresLocation) result.location = createdLocation(request.raw, body);
  if (status >= 300 && status < 400 && declaresLocation) result.location = MOCK_REDIRECT_TARGET;
  return result as unknown as R;
}

function createdLocation(raw: Request, body: unknown): string {
  const collection = (raw.originalUrl.split("?")[0] ?? "/").replace(/\/+$/, "");
  const id = typeof body === "object" && body !== null ? (body as Record<string, unknown>)["id"] : undefined;
  return typeof id === "string" || typeof id === "number"
    ? `${collection}/${encodeURIComponent(String(id))}`
    : collection;
}
