// Typed errors thrown by the generated client. A non-2xx response becomes an ApiError subclass chosen by status;
// transport failures are NetworkError or TimeoutError, so callers can tell "the server said no" from "no answer".

/** A non-2xx answer. `problem` is the parsed body (RFC 9457 Problem Details when the API follows the conventions). */
export class ApiError<P = unknown> extends Error {
  override name = "ApiError";
  readonly status: number;
  readonly headers: Headers;
  readonly problem: P;
  /** The `X-Request-Id` the server answered with (or the one sent), for support tickets and log correlation. */
  readonly requestId: string | undefined;

  // Fields assigned in the body, not constructor parameter properties: the output compiles under erasableSyntaxOnly.
  constructor(status: number, headers: Headers, problem: P, requestId: string | undefined) {
    super(describe(status, problem));
    this.status = status;
    this.headers = headers;
    this.problem = problem;
    this.requestId = requestId;
  }
}

function describe(status: number, problem: unknown): string {
  const p = (typeof problem === "object" && problem) || {};
  const title = "title" in p ? String(p.title) : "";
  const detail = "detail" in p ? String(p.detail) : typeof problem === "string" ? problem.slice(0, 200) : "";
  return `HTTP ${status}${title ? " " + title : ""}${detail ? ": " + detail : ""}`;
}

export class BadRequestError<P = unknown> extends ApiError<P> { override name = "BadRequestError"; }
export class UnauthorizedError<P = unknown> extends ApiError<P> { override name = "UnauthorizedError"; }
export class ForbiddenError<P = unknown> extends ApiError<P> { override name = "ForbiddenError"; }
export class NotFoundError<P = unknown> extends ApiError<P> { override name = "NotFoundError"; }
export class ConflictError<P = unknown> extends ApiError<P> { override name = "ConflictError"; }
export class UnprocessableEntityError<P = unknown> extends ApiError<P> { override name = "UnprocessableEntityError"; }
export class RateLimitError<P = unknown> extends ApiError<P> { override name = "RateLimitError"; }
export class ServerError<P = unknown> extends ApiError<P> { override name = "ServerError"; }

const byStatus: Record<number, typeof ApiError> = {
  400: BadRequestError,
  401: UnauthorizedError,
  403: ForbiddenError,
  404: NotFoundError,
  409: ConflictError,
  422: UnprocessableEntityError,
  429: RateLimitError,
};

export function errorForStatus(status: number, headers: Headers, problem: unknown, requestId: string | undefined): ApiError {
  const Class = byStatus[status] ?? (status >= 500 ? ServerError : ApiError);
  return new Class(status, headers, problem, requestId);
}

/** The request never got an HTTP answer (DNS, refused connection, reset...). `cause` holds the fetch error. */
export class NetworkError extends Error {
  override name = "NetworkError";
}

/** The call did not complete within its `timeoutMs` (a deadline across attempts, retry waits, redirects and the body). */
export class TimeoutError extends Error {
  override name = "TimeoutError";
}

/** The call's input cannot be sent as asked; thrown before any request. `parameter` names the parameter or header. */
export class InvalidParameterError extends Error {
  override name = "InvalidParameterError";
  readonly parameter: string;
  constructor(parameter: string, message: string) {
    super(message);
    this.parameter = parameter;
  }
}

/** The response body is larger than `maxResponseBytes` (by its Content-Length, or counted while reading); it was not read further. */
export class ResponseTooLargeError extends Error {
  override name = "ResponseTooLargeError";
}
