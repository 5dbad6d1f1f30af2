// The IR: the one contract between the loaded document and the emitters (client, server).
// Language-neutral: it names things, it does not render them. Every `safeName`/`id`/`name` below is
// already a valid, unique (in its scope), non-reserved JavaScript identifier; emitters never sanitise.
// Original spec strings (`rawName`, descriptions, paths...) are kept verbatim; emitters must escape them.

/** A JSON Schema object as it appears in the bundled document (internal `#/components/...` $refs kept). */
export type JsonSchema = Readonly<Record<string, unknown>>;

export type HttpMethod = "get" | "put" | "post" | "delete" | "options" | "head" | "patch" | "trace";
export type ParamLocation = "path" | "query" | "header" | "cookie";

export interface ApiModel {
  /** The spec file the model was built from, as given (used in "generated from" headers). */
  source: string;
  title: string;
  description?: string;
  version: ApiVersion;
  /** Path prefix shared by the servers (e.g. "/v1"), "" when none. */
  basePath: string;
  servers: Server[];
  securitySchemes: SecurityScheme[];
  /** Top-level `security`: what an operation without its own `security` requires. */
  defaultSecurity: SecurityRequirement[];
  errorSchema: ErrorSchema | null;
  /** Sorted by group, then name. */
  operations: Operation[];
  /** Sorted by safeName. */
  groups: Group[];
  /** Every `components.schemas` entry, sorted by rawName. */
  schemas: SchemaDef[];
  /** What generation changed or ignored in the document (e.g. a GET request body), one sentence each. */
  warnings: string[];
}

export interface ApiVersion {
  /** `info.version` verbatim. */
  raw: string;
  /** Major version from the `/v{N}` server/path segment, else from `info.version`; null when neither has one. */
  major: number | null;
}

export interface Server {
  url: string;
  description?: string;
  variables: Record<string, { default: string; enum?: string[]; description?: string }>;
}

export interface ErrorSchema {
  /** Key in `components.schemas` (the openapi-typescript name), or null when the error schema is inline. */
  name: string | null;
  mediaType: string;
  schema: JsonSchema;
}

export interface Group {
  /** Tag, or first literal path segment (after the version segment), as written in the spec. */
  rawName: string;
  /** Safe identifier, unique among groups (the `api.<group>` property). */
  safeName: string;
  description?: string;
  /** `Operation.id`s in this group, in operation order. */
  operationIds: string[];
}

export interface Operation {
  /** Safe identifier, unique across the API (e.g. "listPets", "reposListForOrg"). */
  id: string;
  /** `operationId` verbatim, when the spec has one. */
  operationId?: string;
  /** `Group.safeName` this operation belongs to. */
  group: string;
  /** Safe identifier, unique within the group (e.g. "list", "get", "listForOrg"): `api.<group>.<name>`. */
  name: string;
  method: HttpMethod;
  /** The path key verbatim, as a key of openapi-typescript's `paths` (e.g. "/pets/{pet_id}", "/#X-Amz-Target=Svc.Op"). */
  pathKey: string;
  /** The path template requests go to: `pathKey` without a `#fragment` or `?query` suffix (see path-key.ts). */
  path: string;
  /** What the request carries to select this operation among those sharing `path` and `method`; null when nothing. */
  discriminator: Discriminator | null;
  summary?: string;
  description?: string;
  tags: string[];
  deprecated: boolean;
  /** All parameters (path-level merged with operation-level), ordered: path, query, header, cookie; then by name. */
  parameters: Parameter[];
  requestBody: RequestBody | null;
  /** Sorted: numeric statuses ascending, then ranges ("4XX"), then "default". */
  responses: Response[];
  /** Effective security (operation's own, else the API default). Empty array = no auth. */
  security: SecurityRequirement[];
  pagination: Pagination | null;
  /** Idempotent per RFC 9110 (GET, HEAD, OPTIONS, TRACE, PUT, DELETE): safe to retry on network errors. */
  idempotent: boolean;
}

/** Wire values taken from a path key's suffix (`/#X-Amz-Target=Svc.Op`, `/{Key}#uploadId`, `/jobs?op=LIST`). */
export interface Discriminator {
  query: DiscriminatorEntry[];
  headers: DiscriminatorEntry[];
}

/** `value` absent: the name must be present (any value, supplied by the parameter of that name when declared). */
export interface DiscriminatorEntry {
  name: string;
  value?: string;
}

export interface Parameter {
  /** Name verbatim (the wire name, the key in openapi-typescript's `parameters.<in>`). */
  rawName: string;
  /** Safe identifier, unique among this operation's parameters and not "body"/"options". */
  safeName: string;
  in: ParamLocation;
  required: boolean;
  deprecated: boolean;
  description?: string;
  schema: JsonSchema;
  /** Resolved style (defaults applied: form for query/cookie, simple for path/header). */
  style: "form" | "simple" | "label" | "matrix" | "spaceDelimited" | "pipeDelimited" | "deepObject";
  /** Resolved explode (default: true for form, false otherwise). */
  explode: boolean;
  allowReserved: boolean;
}

export interface MediaContent {
  mediaType: string;
  schema: JsonSchema | null;
  /** `components.schemas` key when the schema is a direct $ref to one. */
  schemaName: string | null;
}

export interface RequestBody {
  required: boolean;
  description?: string;
  /** Sorted: JSON media types first, then alphabetical. */
  content: MediaContent[];
}

export interface Response {
  /** "200", "4XX", "default"... verbatim (a key of openapi-typescript's `responses`). */
  status: string;
  kind: "success" | "redirect" | "error" | "default" | "informational";
  description?: string;
  /** Sorted: JSON media types first, then alphabetical. Empty when the response has no body. */
  content: MediaContent[];
  headers: ResponseHeader[];
}

export interface ResponseHeader {
  rawName: string;
  required: boolean;
  description?: string;
  schema: JsonSchema;
}

export type SecurityScheme =
  | { kind: "http-bearer"; rawName: string; safeName: string; bearerFormat?: string; description?: string }
  | { kind: "http-basic"; rawName: string; safeName: string; description?: string }
  | { kind: "api-key"; rawName: string; safeName: string; in: "header" | "query" | "cookie"; paramName: string; description?: string }
  | { kind: "oauth2"; rawName: string; safeName: string; flows: Record<string, unknown>; description?: string }
  | { kind: "openid-connect"; rawName: string; safeName: string; openIdConnectUrl: string; description?: string }
  | { kind: "unsupported"; rawName: string; safeName: string; type: string; description?: string };

/** All schemes listed must be satisfied together (AND); an operation's `security` is a list of alternatives (OR). */
export interface SecurityRequirement {
  schemes: { rawName: string; scopes: string[] }[];
}

/**
 * How a list operation pages. `itemsField` null means the response body is itself the array.
 * `source` says whether it was declared (`x-pagination` / config; verified) or detected per CONVENTIONS.md §1.
 */
export type Pagination =
  | {
      /** AIP-158: send `tokenParam`, read `nextTokenField`; empty/absent next token = last page. */
      kind: "cursor";
      source: PaginationSource;
      tokenParam: string;
      sizeParam: string | null;
      nextTokenField: string;
      itemsField: string | null;
    }
  | {
      /** offset/limit: next offset = offset + items received; stops on a short or empty page. */
      kind: "offset";
      source: PaginationSource;
      offsetParam: string;
      limitParam: string;
      itemsField: string | null;
    }
  | {
      /** RFC 8288 `Link` header: follow rel="next" until absent (GitHub). */
      kind: "link";
      source: PaginationSource;
      sizeParam: string | null;
      itemsField: string | null;
    }
  | {
      /** Keyset "after the last item" (Stripe): send `afterParam` = last item's `cursorField` while `hasMoreField` is true. */
      kind: "after";
      source: PaginationSource;
      afterParam: string;
      cursorField: string;
      hasMoreField: string;
      sizeParam: string | null;
      itemsField: string | null;
    };

export type PaginationSource = "declared" | "detected";

export interface SchemaDef {
  /** Key in `components.schemas` verbatim: openapi-typescript emits `components["schemas"][rawName]`. */
  rawName: string;
  /** Safe identifier, unique among schemas (for type aliases / validator names). */
  safeName: string;
  schema: JsonSchema;
}
