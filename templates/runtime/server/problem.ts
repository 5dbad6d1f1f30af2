// RFC 9457 problem details: the one shape every failure of the generated server answers with.
import type { Response } from "express";

/** One entry of `errors[]` (CONVENTIONS.md §3): which input was wrong, a machine code, and a human message. */
export interface FieldError {
  field: string;
  code: string;
  message: string;
}

export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  code: string;
  errors?: FieldError[];
  /** How many errors were found, when `errors` shows only the first MAX_ERRORS or validation stopped early. */
  errorCount?: number;
  /** More errors may exist than `errors` lists. */
  truncated?: boolean;
}

/** Longest `errors` list answered: a small request must not get a huge answer (issue 11). */
export const MAX_ERRORS = 20;

/** Turns a problem into the API's own error payload when the spec names another error schema. */
export type ProblemFormatter = (problem: ProblemDetails) => { contentType: string; body: unknown };

export const PROBLEM_MEDIA_TYPE = "application/problem+json";

const TITLES: Readonly<Record<number, string>> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  406: "Not Acceptable",
  409: "Conflict",
  413: "Content Too Large",
  414: "URI Too Long",
  415: "Unsupported Media Type",
  422: "Unprocessable Content",
  429: "Too Many Requests",
  431: "Request Header Fields Too Large",
  500: "Internal Server Error",
  503: "Service Unavailable",
};

/** Thrown by the runtime (and usable by handlers and verifiers) to answer with a problem instead of a result. */
export class HttpProblem extends Error {
  readonly status: number;
  readonly code: string;
  readonly errors: FieldError[] | undefined;
  /** Validation stopped before finding every error. */
  readonly truncated: boolean;
  readonly headers: Readonly<Record<string, string>>;

  constructor(
    status: number,
    code: string,
    detail: string,
    init: { errors?: FieldError[]; truncated?: boolean; headers?: Record<string, string> } = {},
  ) {
    super(detail);
    this.name = "HttpProblem";
    this.status = status;
    this.code = code;
    this.errors = init.errors;
    this.truncated = init.truncated === true;
    this.headers = init.headers ?? {};
  }
}

export function problemDetails(
  status: number,
  code: string,
  detail: string,
  instance?: string,
  errors?: FieldError[],
  truncated = false,
): ProblemDetails {
  const problem: ProblemDetails = { type: "about:blank", title: TITLES[status] ?? "Error", status, detail, code };
  if (instance !== undefined) problem.instance = instance;
  if (errors !== undefined && errors.length > 0) {
    problem.errors = errors.slice(0, MAX_ERRORS);
    if (truncated || errors.length > MAX_ERRORS) {
      problem.errorCount = errors.length;
      problem.truncated = true;
    }
  }
  return problem;
}

export const defaultProblemFormatter: ProblemFormatter = (problem) => ({
  contentType: PROBLEM_MEDIA_TYPE,
  body: problem,
});

export function sendProblem(
  res: Response,
  error: HttpProblem,
  instance: string,
  format: ProblemFormatter = defaultProblemFormatter,
): void {
  const { contentType, body } = format(
    problemDetails(error.status, error.code, error.message, instance, error.errors, error.truncated),
  );
  res.status(error.status);
  for (const [name, value] of Object.entries(error.headers)) res.setHeader(name, value);
  res.setHeader("Content-Type", contentType);
  // A text or XML error payload is already its own bytes (error-payload.ts); anything else is a JSON value.
  res.end(typeof body === "string" && !/[/+]json\b/i.test(contentType) ? body : JSON.stringify(body));
}
