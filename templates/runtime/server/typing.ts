// Type-level readers of openapi-typescript's `paths[path][method]` operation types, so that server.ts can
// name each request and response part without restating the schemas.
import type { Upload } from "./multipart.js";

/** The parameters of a location where the operation declares none. */
export type NoParams = Record<never, never>;
type Empty = NoParams;

/** The parameters of one location (`path`, `query`, `header`, `cookie`); `{}` when the operation has none. */
export type ParamsIn<Op, In extends string> = Op extends { parameters: infer P }
  ? P extends Partial<Record<In, infer V>>
    ? [Exclude<V, undefined>] extends [never]
      ? Empty
      : Exclude<V, undefined>
    : Empty
  : Empty;

/** The request body for one media type. */
export type RequestBodyOf<Op, Media extends string> = Op extends { requestBody?: infer B }
  ? Exclude<B, undefined> extends { content: infer C }
    ? Media extends keyof C
      ? C[Media]
      : never
    : never
  : never;

/** The body of one documented response for one media type; `undefined` when that response has no content. */
export type ResponseBodyOf<Op, Status extends PropertyKey, Media extends string> = Op extends { responses: infer R }
  ? Status extends keyof R
    ? R[Status] extends { content: infer C }
      ? Media extends keyof C
        ? C[Media]
        : never
      : undefined
    : never
  : never;

/**
 * A multipart body as the handler receives it: the declared type with each file property (`Files`, the names the
 * generator found to be files) an Upload, or Upload[] for an array of files.
 */
export type WithUploads<Body, Files extends PropertyKey> = Body extends object
  ? { [K in keyof Body]: K extends Files ? UploadsOf<Body[K]> : Body[K] }
  : Body;

type UploadsOf<T> = T extends undefined ? undefined : T extends readonly unknown[] ? Upload[] : Upload;
