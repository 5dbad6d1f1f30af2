// Typed errors thrown by the generated client. A non-2xx response becomes an ApiError subclass chosen by status;
// transport failures are NetworkError or TimeoutError, so callers can tell "the server said no" from "no answer".

/** The operation a call was for, as its OperationSpec names it (method and path template). */
export interface FailedOperation {
  readonly method: string;
  readonly path: string;
}

/**
 * A non-2xx answer. `problem` is the parsed body (RFC 9457 Problem Details when the API follows the conventions);
 * `status` is a literal type on the subclasses (`ConflictError`'s is 409), so a union of them is discriminated by it.
 */
export class ApiError<P = unknown, S extends number = number> extends Error {
  override name = "ApiError";
  readonly status: S;
  readonly headers: Headers;
  readonly problem: P;
  /** The `X-Request-Id` the server answered with (or the one sent), for support tickets and log correlation. */
  readonly requestId: string | undefined;
  /** The operation that failed (its method and path template); each operation's error guard compares it. */
  readonly operation: FailedOperation | undefined;

  // Fields assigned in the body, not constructor parameter properties: the output compiles under erasableSyntaxOnly.
  constructor(status: S, headers: Headers, problem: P, requestId: string | undefined, operation?: FailedOperation) {
    super(describe(status, problem));
    this.status = status;
    this.headers = headers;
    this.problem = problem;
    this.requestId = requestId;
    this.operation = operation;
  }
}

function describe(status: number, problem: unknown): string {
  const p = (typeof problem === "object" && problem) || {};
  const title = "title" in p ? String(p.title) : "";
  const detail = "detail" in p ? String(p.detail) : typeof problem === "string" ? problem.slice(0, 200) : "";
  return `HTTP ${status}${title ? " " + title : ""}${detail ? ": " + detail : ""}`;
}

export class BadRequestError<P = unknown> extends ApiError<P, 400> {
  override name = "BadRequestError";
}
export class UnauthorizedError<P = unknown> extends ApiError<P, 401> {
  override name = "UnauthorizedError";
}
export class ForbiddenError<P = unknown> extends ApiError<P, 403> {
  override name = "ForbiddenError";
}
export class NotFoundError<P = unknown> extends ApiError<P, 404> {
  override name = "NotFoundError";
}
export class ConflictError<P = unknown> extends ApiError<P, 409> {
  override name = "ConflictError";
}
export class UnprocessableEntityError<P = unknown> extends ApiError<P, 422> {
  override name = "UnprocessableEntityError";
}
export class RateLimitError<P = unknown> extends ApiError<P, 429> {
  override name = "RateLimitError";
}
/** Any 5xx answer. */
export class ServerError<P = unknown, S extends number = number> extends ApiError<P, S> {
  override name = "ServerError";
}
/**
 * A status no class above names (410, 412, a 3xx with `maxRedirects: 0`...). A class of its own rather than ApiError
 * itself: `error instanceof ConflictError` on an operation's error union then leaves this member out (a bare ApiError
 * member would be narrowed to `ConflictError<any>`, and `problem` to `any`).
 */
export class OtherStatusError<P = unknown, S extends number = number> extends ApiError<P, S> {
  override name = "OtherStatusError";
}

const byStatus: Record<
  number,
  new (
    status: never,
    headers: Headers,
    problem: unknown,
    requestId: string | undefined,
    operation?: FailedOperation,
  ) => ApiError
> = {
  400: BadRequestError,
  401: UnauthorizedError,
  403: ForbiddenError,
  404: NotFoundError,
  409: ConflictError,
  422: UnprocessableEntityError,
  429: RateLimitError,
};

export function errorForStatus(
  status: number,
  headers: Headers,
  problem: unknown,
  requestId: string | undefined,
  operation?: FailedOperation,
): ApiError {
  const Class = (byStatus[status] ?? (status >= 500 ? ServerError : OtherStatusError)) as typeof ApiError;
  return new Class(status, headers, problem, requestId, operation);
}

/** The class a status is thrown as, with its body type. */
type ErrorClassFor<S extends number, P> = S extends 400
  ? BadRequestError<P>
  : S extends 401
    ? UnauthorizedError<P>
    : S extends 403
      ? ForbiddenError<P>
      : S extends 404
        ? NotFoundError<P>
        : S extends 409
          ? ConflictError<P>
          : S extends 422
            ? UnprocessableEntityError<P>
            : S extends 429
              ? RateLimitError<P>
              : `${S}` extends `5${string}`
                ? ServerError<P, S>
                : OtherStatusError<P, S>;

type ClassStatus = 400 | 401 | 403 | 404 | 409 | 422 | 429;

/**
 * What a call of one operation throws for a non-2xx answer: one member per status, discriminated by `status`.
 * `Documented` maps each status the operation documents to its body; the statuses with a class of their own that it
 * does not document carry `Other4xx` (its `4XX` or `default` body, else the API's problem), like any other 4xx
 * (`OtherStatusError`); any other 5xx carries `Other5xx`.
 */
export type OperationError<Documented extends { [status: number]: unknown }, Other4xx, Other5xx> =
  | { [S in keyof Documented & number]: ErrorClassFor<S, Documented[S]> }[keyof Documented & number]
  | (Exclude<ClassStatus, keyof Documented> extends infer S extends number
      ? S extends unknown
        ? ErrorClassFor<S, Other4xx>
        : never
      : never)
  | ServerError<Other5xx>
  | OtherStatusError<Other4xx>;

/** The members of an operation's error union that a status selects: its own, else those for any status. */
export type ErrorWithStatus<E, S extends number> = [Extract<E, { status: S }>] extends [never]
  ? E extends ApiError<unknown, number>
    ? number extends E["status"]
      ? E
      : never
    : never
  : Extract<E, { status: S }>;

/**
 * One operation's error guard (`isCreatePetError(error)`, `isCreatePetError(error, 409)`): true when `error` is an
 * ApiError that this operation threw (with that status, when given), and then typed as its error union (the member of
 * that status). A catch block cannot know which call threw; the guard checks it at run time.
 */
export interface OperationErrorGuard<E> {
  (error: unknown): error is E;
  <S extends number>(error: unknown, status: S): error is ErrorWithStatus<E, S>;
}

/** The guard of the operation `operation` (the generated client makes one per operation). */
export function operationErrorGuard<E>(operation: FailedOperation): OperationErrorGuard<E> {
  return ((error: unknown, status?: number) =>
    error instanceof ApiError &&
    error.operation === operation &&
    (status === undefined || error.status === status)) as OperationErrorGuard<E>;
}

/**
 * The request never got an HTTP answer (DNS, refused connection, reset...). `cause` holds the fetch error. In a
 * browser the message says the likely cause (a CORS refusal or a wrong base URL, naming the page's origin and the base
 * URL); such a cross-origin failure is not retried.
 */
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
