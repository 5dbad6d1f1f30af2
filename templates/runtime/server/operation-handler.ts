// The per-request pipeline of one operation: context, auth, parameters, body, paging, handler, response.
import type { Request, RequestHandler, Response } from "express";
import type { AnyHandler, AnyRequest, HandlerResult, OperationSpec } from "./operation.js";
import type { PageTokenCodec } from "./page-token.js";
import { discriminatorQueryNames } from "./discriminator.js";
import { cursorPage, offsetLinks, offsetPage } from "./pagination.js";
import type { CursorPage, OffsetPage } from "./pagination.js";
import { coerceParams, firstValid } from "./coerce.js";
import { readCookies, readHeaders, readPath, readQuery } from "./parameters.js";
import type { RawParams } from "./parameters.js";
import { HttpProblem } from "./problem.js";
import type { FieldError, ProblemFormatter } from "./problem.js";
import { requestContext } from "./request-context.js";
import { checkParameterLengths } from "./input-limits.js";
import { matchedMediaType, sentMediaType } from "./body-reader.js";
import { multipartBody } from "./multipart-body.js";
import type { Part } from "./multipart.js";
import { bodyKindOf, hasBody } from "./media-type.js";
import { authenticate } from "./security.js";
import type { SchemeSpec, Verifier } from "./security.js";
import { explainErrors } from "./validation.js";

/** Development-mode check of a response; returns the problems found (empty = conforms). */
export type ResponseCheck = (op: OperationSpec, status: number, body: unknown) => FieldError[];

export interface SharedState {
  codec: PageTokenCodec | undefined;
  schemes: Readonly<Record<string, SchemeSpec>>;
  verifiers: Readonly<Record<string, Verifier<unknown>>>;
  allowUnknownQuery: boolean;
  logger: { error(message: string, details: Record<string, unknown>): void };
  responseChecks: Promise<ResponseCheck> | undefined;
  formatProblem: ProblemFormatter | undefined;
  /** Longest accepted parameter value (input-limits.ts). */
  maxParameterLength: number;
}

export function operationHandler(
  op: OperationSpec,
  handler: AnyHandler,
  pathNames: Readonly<Record<string, string>>,
  shared: SharedState,
): RequestHandler {
  // Accepted without being parameters: API keys, and the names that selected this operation (`?uploads`).
  const credentialNames = new Set([
    ...op.security
      .flatMap((requirement) => requirement.map(({ scheme }) => shared.schemes[scheme]))
      .flatMap((scheme) => (scheme?.kind === "api-key" && scheme.in === "query" ? [scheme.paramName] : [])),
    ...discriminatorQueryNames(op),
  ]);
  const validateAll = (
    req: Request,
  ): { params: RawParams; query: RawParams; headers: RawParams; cookies: RawParams } => {
    const found: FoundErrors = { errors: [], truncated: false };
    const question = req.url.indexOf("?");
    const rawQuery = question < 0 ? "" : req.url.slice(question + 1);
    const pathValues = specNamed(req.params, pathNames);
    checkParameterLengths(req, pathValues, rawQuery, op.params, shared.maxParameterLength);
    const params = check(readPath(pathValues, op.params.path), op, "path", found);
    const query = check(
      readQuery(rawQuery, op.params.query, shared.allowUnknownQuery, credentialNames),
      op,
      "query",
      found,
    );
    const headers = check(readHeaders(req.headers, op.params.header), op, "header", found);
    const cookies = check(readCookies(req.headers.cookie, op.params.cookie), op, "cookie", found);
    if (found.errors.length > 0) {
      throw new HttpProblem(
        400,
        "validation_failed",
        "The request parameters are not valid for this operation.",
        found,
      );
    }
    return { params, query, headers, cookies };
  };

  return async (req: Request, res: Response, next) => {
    try {
      const context = requestContext(req, res);
      const auth =
        op.security.length === 0 ? undefined : await authenticate(req, op.security, shared.schemes, shared.verifiers);
      const { params, query, headers, cookies } = validateAll(req);
      const body = readBody(req, op);
      const page = pageOf(op, query, shared.codec);
      const request: AnyRequest = {
        path: params,
        params,
        query,
        headers,
        cookies,
        body,
        auth,
        page,
        requestId: context.requestId,
        traceparent: context.traceparent,
        raw: req,
      };
      const result = await handler(request);
      if (shared.responseChecks !== undefined) await checkResponse(op, result, await shared.responseChecks);
      send(req, res, op, result, page);
    } catch (error) {
      next(error);
    }
  };
}

function specNamed(
  values: Readonly<Record<string, unknown>>,
  names: Readonly<Record<string, string>>,
): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [key, name] of Object.entries(names)) {
    const value = values[key];
    out[name] = typeof value === "string" ? value : undefined;
  }
  return out;
}

interface FoundErrors {
  errors: FieldError[];
  truncated: boolean;
}

function check(
  raw: RawParams,
  op: OperationSpec,
  location: "path" | "query" | "header" | "cookie",
  found: FoundErrors,
): RawParams {
  const coerced = coerceParams(raw, op.params[location], location);
  const { values } = coerced;
  if (coerced.errors.length > 0) {
    found.errors.push(...coerced.errors);
    return values;
  }
  const validate = op.validate[location];
  if (validate !== undefined && !firstValid(coerced, validate)) {
    const explained = explainErrors(validate, op.details?.[location], values, location);
    found.errors.push(...explained.errors);
    found.truncated ||= explained.truncated;
  }
  return values;
}

function readBody(req: Request, op: OperationSpec): unknown {
  if (op.body === null) return undefined;
  // body-parser turns an empty body into {}; an empty body is no body, except an empty form: "" is how
  // application/x-www-form-urlencoded writes an object without fields (WHATWG URL §5.2).
  const emptyForm =
    !hasBody(req) && req.headers["content-type"] !== undefined && bodyKindOf(sentMediaType(req)) === "form";
  const mediaType = hasBody(req) || emptyForm ? matchedMediaType(req) : undefined;
  if (mediaType === undefined) {
    if (!op.body.required) return undefined;
    const message = `This operation needs a request body (${op.body.mediaTypes.join(", ")}).`;
    throw new HttpProblem(400, "validation_failed", message, {
      errors: [{ field: "body", code: "missing_body", message }],
    });
  }
  const kind = bodyKindOf(sentMediaType(req));
  if (kind === "binary") return req.body as unknown; // a Buffer: no JSON schema describes bytes
  if (kind === "multipart") return readMultipart(req.body as Part[], op, mediaType);
  // A form read as its text (operation.ts textForms) is "" when empty.
  let body: unknown = emptyForm ? (op.body.textForms?.includes(mediaType) === true ? "" : {}) : req.body;
  const fields = op.body.forms?.[mediaType];
  if (kind === "form" && fields !== undefined) {
    const coerced = coerceParams(
      body as RawParams,
      fields.map((field) => ({ ...field, style: "form", explode: true })),
      null,
    );
    if (coerced.errors.length > 0)
      throw new HttpProblem(op.invalidBodyStatus, "validation_failed", "The request body does not match the schema.", {
        errors: coerced.errors,
      });
    body = { ...(body as RawParams), ...coerced.values };
  }
  validateBody(op, mediaType, body);
  return body;
}

/** The parts as uploads and fields, validated with each upload standing for its bytes (multipart-body.ts). */
function readMultipart(parts: readonly Part[], op: OperationSpec, mediaType: string): unknown {
  const read = multipartBody(parts, op.body?.forms?.[mediaType] ?? []);
  if (read.errors.length > 0) {
    throw new HttpProblem(
      read.unsupportedMedia ? 415 : op.invalidBodyStatus,
      read.unsupportedMedia ? "unsupported_media_type" : "validation_failed",
      "The request body does not match the schema.",
      { errors: read.errors },
    );
  }
  validateBody(op, mediaType, read.validated);
  return read.body;
}

function validateBody(op: OperationSpec, mediaType: string, body: unknown): void {
  const validate = op.validate.bodies?.[mediaType];
  if (validate !== undefined && !validate(body)) {
    throw new HttpProblem(
      op.invalidBodyStatus,
      "validation_failed",
      "The request body does not match the schema.",
      explainErrors(validate, op.details?.bodies?.[mediaType], body, null),
    );
  }
}

function pageOf(
  op: OperationSpec,
  query: RawParams,
  codec: PageTokenCodec | undefined,
): CursorPage | OffsetPage | undefined {
  if (op.paging === null) return undefined;
  if (op.paging.kind === "offset") return offsetPage(op.paging, query);
  if (codec === undefined) throw new Error("page token codec missing for a cursor-paginated operation");
  return cursorPage(op.paging, query, codec);
}

async function checkResponse(op: OperationSpec, result: HandlerResult, check: ResponseCheck): Promise<void> {
  const errors = check(op, result.status, result.body);
  if (errors.length === 0) return;
  const detail = `Handler ${op.id} answered ${result.status} with a response the spec does not allow (development check).`;
  throw Object.assign(new Error(detail), { responseErrors: errors });
}

function send(
  req: Request,
  res: Response,
  op: OperationSpec,
  result: HandlerResult,
  page: CursorPage | OffsetPage | undefined,
): void {
  res.status(result.status);
  for (const [name, value] of Object.entries(result.headers ?? {})) {
    if (value !== undefined)
      res.setHeader(name, typeof value === "number" ? String(value) : (value as string | string[]));
  }
  if (result.location !== undefined) res.setHeader("Location", result.location);
  if (result.retryAfter !== undefined) {
    res.setHeader(
      "Retry-After",
      typeof result.retryAfter === "number"
        ? String(Math.max(0, Math.ceil(result.retryAfter)))
        : result.retryAfter.toUTCString(),
    );
  }
  if (result.rateLimit !== undefined) {
    res.setHeader("X-Rate-Limit-Limit", String(result.rateLimit.limit));
    res.setHeader("X-Rate-Limit-Remaining", String(result.rateLimit.remaining));
    res.setHeader("X-Rate-Limit-Reset", String(result.rateLimit.reset));
  }
  if (op.paging?.kind === "offset" && page !== undefined && "offset" in page && result.status < 300) {
    const link = offsetLinks(op.paging, page, req.originalUrl, result.body);
    if (link !== undefined) res.setHeader("Link", link);
  }
  if (result.body === undefined || result.status === 204 || result.status === 304) {
    res.end();
    return;
  }
  const mediaType = mediaTypeFor(op, result.status);
  res.setHeader("Content-Type", mediaType.includes("json") ? `${mediaType}; charset=utf-8` : mediaType);
  res.end(typeof result.body === "string" && !mediaType.includes("json") ? result.body : JSON.stringify(result.body));
}

export function responseKey(responses: Readonly<Record<string, unknown>>, status: number): string | undefined {
  const exact = String(status);
  if (exact in responses) return exact;
  const range = `${exact[0] ?? ""}XX`;
  if (range in responses) return range;
  return "default" in responses ? "default" : undefined;
}

function mediaTypeFor(op: OperationSpec, status: number): string {
  const key = responseKey(op.responses, status);
  const documented = key === undefined ? undefined : op.responses[key];
  if (typeof documented === "string") return documented;
  return status >= 400 ? "application/problem+json" : "application/json";
}
