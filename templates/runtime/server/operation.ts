// The description of one operation that the generated server.ts hands to the runtime, and the shapes a
// handler receives and returns. Typed per operation in server.ts; kept loose here.
import type { Request } from "express";
import type { ErrorPayload } from "./error-payload.js";
import type { CursorPage, OffsetPage, PagingSpec } from "./pagination.js";
import type { ParamShape, ParamSpec } from "./parameters.js";
import type { AuthContext, Requirement } from "./security.js";
import type { ValidateFunction } from "./validation.js";

/** One property of a form body and the shape its values are read by. */
export interface ParamSpecField {
  name: string;
  shape: ParamShape;
  /** Multipart: the property's parts are files (uploads). */
  file?: true;
  /** Multipart: the media types a file part may be (the `encoding` entry's contentType). */
  contentTypes?: readonly string[];
}

/** A name the request must carry to select an operation, with the value it must have. */
export interface DiscriminatorEntry {
  name: string;
  /** Absent: the name must be present, with any value. */
  value?: string;
}

/** What selects an operation among those sharing its path and method (discriminator.ts dispatches by it). */
export interface Discriminator {
  query: readonly DiscriminatorEntry[];
  headers: readonly DiscriminatorEntry[];
}

export type HttpMethod = "get" | "put" | "post" | "delete" | "options" | "head" | "patch" | "trace";

export interface OperationSpec {
  /** The handler's name in `Handlers`. */
  id: string;
  /** The spec's `operationId` when it differs from `id` (a span is named by it). */
  operationId?: string;
  method: HttpMethod;
  /** OpenAPI path template, relative to the base path ("/pets/{pet_id}"), without a path key's `#`/`?` suffix. */
  path: string;
  /** The spec's path key when it differs from `path` (`/#X-Amz-Target=Svc.Op`): where the operation is in `paths`. */
  pathKey?: string;
  /** What selects this operation among those sharing its path and method (from the path key's suffix). */
  discriminator?: Discriminator;
  params: {
    path: readonly ParamSpec[];
    query: readonly ParamSpec[];
    header: readonly ParamSpec[];
    cookie: readonly ParamSpec[];
  };
  /**
   * Values the schema enumerates for path parameters written next to another one (`{id}{ext}`, ext: [".json"]):
   * the router splits such a segment by them, as no literal text marks the boundary.
   */
  pathValues?: Readonly<Record<string, readonly string[]>>;
  validate: {
    path?: ValidateFunction;
    query?: ValidateFunction;
    header?: ValidateFunction;
    cookie?: ValidateFunction;
    /** By declared media type (a `requestBody.content` key). */
    bodies?: Readonly<Record<string, ValidateFunction>>;
  };
  /**
   * Validators of the same schemas that collect every error (up to a budget), run only when `validate` said
   * "invalid"; without one, the first error `validate` found is reported. Filled in by the router from
   * `detailNames` once ApiDescription.detailValidators has loaded them (details-loading.ts).
   */
  details?: OperationSpec["validate"];
  /** This operation's exports of the details modules, by location (and media type for bodies). */
  detailNames?: {
    path?: string;
    query?: string;
    header?: string;
    cookie?: string;
    bodies?: Readonly<Record<string, string>>;
  };
  /**
   * null when the operation takes no body. A body is read by the declared media type it falls under (JSON, form,
   * multipart with uploads, text, a Buffer); `forms`: each form and multipart media type's fields; `textForms`:
   * the form media types whose schema is a string, read as the form's text (generator/model/ir.ts formText).
   */
  body: {
    required: boolean;
    mediaTypes: readonly string[];
    forms?: Readonly<Record<string, readonly ParamSpecField[]>>;
    textForms?: readonly string[];
  } | null;
  /** 422 when the operation documents it (well-formed JSON that breaks the schema), else 400. */
  invalidBodyStatus: 400 | 422;
  security: readonly Requirement[];
  paging: PagingSpec | null;
  /** Media type of each documented response by status key ("200", "4XX", "default"); null = no body. */
  responses: Readonly<Record<string, string | null>>;
  /** By error status key: the payload this operation documents there, where it differs from the API-wide one. */
  errors?: OperationErrors;
}

/**
 * What a handler receives. server.ts declares one named request type per operation (`ListPetsRequest`) that
 * extends this and narrows each part; the defaults are the loose shape the runtime builds.
 */
export interface HandlerRequest<
  Params = unknown,
  Query = unknown,
  Headers = unknown,
  Cookies = unknown,
  Body = unknown,
  Auth = AuthContext<unknown> | undefined,
  Page = CursorPage | OffsetPage | undefined,
> {
  /** Path parameters by name, deserialised and validated. */
  path: Params;
  /** The same object as `path`, under the name handlers written before it used. */
  params: Params;
  /** Query parameters by name, coerced, defaults applied and validated. */
  query: Query;
  /** Declared request headers by name as written in the spec, validated. */
  headers: Headers;
  cookies: Cookies;
  /** The body read by the media type sent and validated; a Buffer for binary media types. */
  body: Body;
  /** The verified credentials; undefined when the operation is open (or allows anonymous access). */
  auth: Auth;
  /** Where a paginated list starts and how long a page is (from the verified page token). */
  page: Page;
  requestId: string;
  /** The W3C `traceparent` the client sent, when well-formed. */
  traceparent: string | undefined;
  /** The Express request, for what the contract does not cover (streams, non-JSON bodies). */
  raw: Request;
}

export interface RateLimit {
  limit: number;
  remaining: number;
  /** Seconds until the window resets (the seed's `X-Rate-Limit-Reset`). */
  reset: number;
}

/** What a handler returns; server.ts narrows `status`/`body`/`headers` per operation. */
export interface HandlerResult {
  status: number;
  body?: unknown;
  headers?: Readonly<Record<string, string | number | readonly string[] | undefined>>;
  /** Sent as `Location` (201 responses require it). */
  location?: string;
  /** Sent as `Retry-After` (429/503): seconds, or a date. */
  retryAfter?: number | Date;
  /** Sent as `X-Rate-Limit-Limit`/`-Remaining`/`-Reset`. */
  rateLimit?: RateLimit;
}

export type AnyRequest = HandlerRequest;

/** By error status key ("400", "4XX", "default"): the payload an operation documents there. */
export type OperationErrors = Readonly<Record<string, ErrorPayload>>;
export type AnyHandler = (request: AnyRequest) => HandlerResult | Promise<HandlerResult>;

/** What every typed result may carry besides status, body and Location. */
export type ResultExtras = Pick<HandlerResult, "headers" | "retryAfter" | "rateLimit">;
