// The server runtime's public surface, imported by the generated server.ts.
export { buildRouter } from "./router.js";
export type { ApiDescription, Logger, RouterOptions } from "./router.js";
export type {
  AnyHandler,
  HandlerRequest,
  HandlerResult,
  OperationErrors,
  OperationSpec,
  RateLimit,
  ResultExtras,
} from "./operation.js";
export type { ValidateFunction } from "./validation.js";
export { HttpProblem } from "./problem.js";
export type { FieldError, ProblemDetails, ProblemFormatter } from "./problem.js";
export type { ErrorPart, ErrorPayload } from "./error-payload.js";
export type { CursorPage, OffsetPage } from "./pagination.js";
export type { JsonValue, PageTokenSecret } from "./page-token.js";
export type { AuthContext, Credential, Verifier } from "./security.js";
export type { CorsOptions } from "./cors.js";
export type { DocsDocuments, DocsOptions } from "./docs.js";
export type { NoParams, ParamsIn, RequestBodyOf, ResponseBodyOf, WithUploads } from "./typing.js";
export type { MultipartLimits, Upload } from "./multipart.js";
