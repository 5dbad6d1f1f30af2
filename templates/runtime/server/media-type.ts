// Small request-body facts shared by the router and the operation pipeline.
import type { Request } from "express";

/** True when the request carries a non-empty body (an explicit `Content-Length: 0` is no body). */
export function hasBody(req: Request): boolean {
  const length = req.headers["content-length"];
  return req.headers["transfer-encoding"] !== undefined || (length !== undefined && length !== "0");
}

export function isJsonMediaType(type: string): boolean {
  return type === "application/json" || (type.startsWith("application/") && type.endsWith("+json"));
}
