// The IR: the one contract between the loaded document and the emitters (client, server).
// Language-neutral: it names things, it does not render them. Every `safeName`/`id`/`name` below is
// already a valid, unique (in its scope), non-reserved JavaScript identifier; emitters never sanitise.
// Original spec strings (`rawName`, descriptions, paths...) are kept verbatim; emitters must escape them.
import type { ErrorPart, ErrorPayload } from "../../templates/runtime/server/error-payload.js";
import type { HttpMethod } from "../facts/http-methods.js";

/** A JSON Schema object as it appears in the bundled document (internal `#/components/...` $refs kept). */
export type JsonSchema = Readonly<Record<string, unknown>>;

export type { HttpMethod };
export type ParamLocation = "path" | "query" | "header" | "cookie";

export interface ApiModel {
  /** The spec file the model was built from, as given (used in "generated from" headers). */
  source: string;
  title: string;
  description?: string;
  version: ApiVersion;
  /** Path of the first server's URL, its variables replaced by their defaults (e.g. "/v1"); "" when none. */
  basePath: string;
  /**
   * Every prefix the server serves the paths under: `basePath` first, then the URL with each other combination of
   * its variables' enum values (at most MAX_BASE_PATHS of base-paths.ts; beyond that `[basePath]` and a warning).
   */
  basePaths: string[];
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
  /** The document's `openapi` version verbatim ("3.0.3", "3.1.0"); "" when it has none. 3.0 schemas read differently (nullable, boolean exclusive bounds, siblings of `$ref` ignored). */
  openapi: string;
  /**
   * What the `$ref`s of the schemas above (parameters, bodies, responses, headers, components) reach, transitively:
   * each target at its own JSON pointer in an otherwise empty object (schema-root.ts). Emitters resolve an IR
   * schema's `$ref` against this, never against the bundled document.
   */
  schemaRoot: JsonSchema;
  /** What generation should tell the user: base paths capped, unreachable operations, parts of the document ignored (a GET request body); one sentence each. */
  warnings: string[];
  /** Names that are not what the spec asked for (a method whose short name was taken, a parameter key), in order. */
  renames: Rename[];
}

/** A name the generated code could not give as asked: listed in the client README and on stderr, never silent. */
export interface Rename {
  /** "method": `api.<group>.<name>`; "parameter": a key of an operation's params object. */
  kind: "method" | "parameter";
  /** `Operation.id`. */
  operation: string;
  /** The group (methods) or the parameter's location and wire name (parameters), e.g. "query body". */
  where: string;
  wanted: string;
  got: string;
  /** Why, as a Markdown sentence fragment. */
  reason: string;
}

export interface ApiVersion {
  /** `info.version` verbatim. (Its major is the diff's and the versioning rules' business, not the emitters'.) */
  raw: string;
}

export interface Server {
  url: string;
  description?: string;
  variables: Record<string, { default: string; enum?: string[]; description?: string }>;
}

export interface ErrorSchema {
  /** Key in `components.schemas` (the openapi-typescript name), or null when the error schema is inline. */
  name: string | null;
  /** The media type the error responses declare for it (the Content-Type of every failure the server answers). */
  mediaType: string;
  schema: JsonSchema;
  /** An error response that returns this schema: the client types an inline error schema through it. */
  usedBy: { path: string; method: HttpMethod; status: string; mediaType: string } | null; // path: the path key (`Operation.pathKey`)
  /** Where a failure's message, code and field errors go in this schema (see `payload` for the whole recipe). */
  fields: ErrorFields;
  /** How the server builds a payload of this schema from a failure; computed once here, handed to the runtime as data. */
  payload: ErrorPart;
}

/** Where the parts of a failure go: FieldPaths from the payload's root, where "[]" stands for every entry of an array. */
export interface ErrorFields {
  message: FieldPath | null;
  code: FieldPath | null;
  /** The array that carries one entry per invalid field (or per error). */
  details: FieldPath | null;
}

/**
 * One place of an error payload and what fills it. The type lives with the server runtime that follows it
 * (templates/runtime/server/error-payload.ts, copied into generated servers), so that the two cannot drift apart.
 */
export type { ErrorPart } from "../../templates/runtime/server/error-payload.js";

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
  /** Unique within the group, by method-names.ts's rule (e.g. "list", "get", "delete", "listForOrg"): `api.<group>.<name>`. */
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
  /**
   * By error status key ("400", "4XX", "default"): the payload this operation documents there, where it is not the
   * API-wide error schema under its media type (another schema, a text or XML media type). Absent: none differ.
   */
  errorPayloads?: Readonly<Record<string, ErrorPayload>>;
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
  /** The key in the client's params object: the wire name, unless it is "body", "__proto__" or another parameter's key. */
  inputKey: string;
  in: ParamLocation;
  required: boolean;
  deprecated: boolean;
  description?: string;
  schema: JsonSchema;
  /** Resolved style (defaults applied: form for query/cookie, simple for path/header). */
  style: "form" | "simple" | "label" | "matrix" | "spaceDelimited" | "pipeDelimited" | "deepObject";
  /** Resolved explode (default: true for form, false otherwise). */
  explode: boolean;
  /** RFC 3986 §2.2 reserved characters sent as they are in a query value (OpenAPI `allowReserved`). */
  allowReserved: boolean;
  /** The spec's `example`, else the value of its first `examples` entry (parameter, then its schema); absent when none. */
  example?: unknown;
  /** How the server deserialises and coerces the wire value, from the resolved schema (param-shape.ts). */
  shape: ParamShape;
  /** What the schema, its `$ref`s followed, says of the values (a page size's default and maximum; enumerated values). */
  constraints: ValueConstraints;
}

/** Members present only when the resolved schema has them. */
export interface ValueConstraints {
  default?: unknown;
  maximum?: number;
  enum?: readonly unknown[];
}

/** Types a wire string may be read as, in the order the server tries them; empty: kept as the raw string. */
export type ScalarType = "string" | "integer" | "number" | "boolean" | "null";

/**
 * What one array item or object member is read as: a scalar type, or `json` where it may be an object or an array.
 * RFC 6570 (§2.3), which OpenAPI's styles are built on (OpenAPI 3.1 §4.8.12.4), has only strings, lists and
 * associative arrays of strings, so no style defines an array of objects or a nested member (deepObject: "the behavior
 * for nested objects and arrays is undefined"). specwright carries such an item or member as its JSON text, in the
 * place the style gives it (`Actions={"Name":"a"}&Actions={"Name":"b"}`, `filter[range]={"gte":1}`); the client
 * writes that and the server reads it.
 */
export type ItemType = ScalarType | "json";

/**
 * What a parameter's schema resolves to through `$ref`/`allOf`/`oneOf`/`anyOf`. `json`: the parameter is defined
 * by `content` with a JSON media type (OpenAPI 3.1 §4.8.12.3), so its value is a JSON text. For `object`,
 * `open` says whether undeclared names belong to it (an exploded form object then takes every unknown query name).
 */
export type ParamShape =
  | { kind: "scalar"; types: ScalarType[] }
  | { kind: "array"; items: ItemType[] }
  | { kind: "object"; properties: Record<string, ItemType[]>; open: boolean; additional: ItemType[] }
  | { kind: "json"; mediaType: string };

export interface MediaContent {
  mediaType: string;
  schema: JsonSchema | null;
  /** `components.schemas` key when the schema is a direct $ref to one. */
  schemaName: string | null;
  /** The media type's `example`, else the value of its first `examples` entry, else the schema's; absent when none. */
  example?: unknown;
  /**
   * Request bodies in `application/x-www-form-urlencoded` and `multipart/form-data` only: each property of the
   * schema with the shape its string values are read by (an `encoding` entry whose contentType is JSON makes that
   * property a JSON text; in multipart, so does an object property without one, OpenAPI 3.0.3 §4.7.15.1).
   */
  formFields?: FormField[];
  /**
   * An `application/x-www-form-urlencoded` request body whose schema is a string (spoonacular.com: `type: string`,
   * example `"text=I like tacos"`): the body is the form's serialised text, read and validated as that text.
   */
  formText?: true;
}

export interface FormField {
  name: string;
  shape: ParamShape;
  /**
   * Multipart only: the property holds files (3.0 `format: binary`; 3.1 `contentMediaType` or `contentEncoding`,
   * §4.8.14.3), so its parts arrive as uploads, one or (an array) several.
   */
  file?: true;
  /** Multipart only: the media types (ranges) a file part may be, from the `encoding` entry's `contentType`. */
  contentTypes?: string[];
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
  /**
   * Another HTTP authentication scheme (`scheme: negotiate`, `payone-hmac-sha256`): carried as
   * `Authorization: <scheme> <credentials>` (RFC 9110 §11.6.2), the credentials computed by the caller.
   */
  | { kind: "http-other"; rawName: string; safeName: string; scheme: string; description?: string }
  | {
      kind: "api-key";
      rawName: string;
      safeName: string;
      in: "header" | "query" | "cookie";
      paramName: string;
      description?: string;
    }
  | { kind: "oauth2"; rawName: string; safeName: string; flows: Record<string, unknown>; description?: string }
  | { kind: "openid-connect"; rawName: string; safeName: string; openIdConnectUrl: string; description?: string }
  | { kind: "unsupported"; rawName: string; safeName: string; type: string; description?: string };

/** All schemes listed must be satisfied together (AND); an operation's `security` is a list of alternatives (OR). */
export interface SecurityRequirement {
  schemes: { rawName: string; scopes: string[] }[];
}

/**
 * Where a field lives in a response body (or in an item): property names from the root, e.g. `["next_page", "offset"]`
 * for Asana's `next_page.offset`, `["has_more"]` for a top-level field. Written dotted (`next_page.offset`) in
 * `x-pagination` and config; always verified to exist in the schema (through `$ref`s and `allOf`) before it gets here.
 */
export type FieldPath = readonly string[];

/**
 * How a list operation pages. `itemsField` null means the response body is itself the array.
 * `source` says whether it was declared (`x-pagination` / config; verified) or detected per CONVENTIONS.md §1.
 * Parameters (`*Param`) are query parameter names verbatim; fields (`*Field`) are paths into the response body.
 * A member that is null is one the spec does not have: nothing is sent or read for it.
 */
export type Pagination =
  | {
      /**
       * Opaque next-page token (AIP-158, Slack, Asana, Notion): send `tokenParam` = the token read at `nextTokenField`;
       * an empty/absent/null token is the last page, and so is `hasMoreField` false when the schema has one (Notion).
       */
      kind: "cursor";
      source: PaginationSource;
      tokenParam: string;
      sizeParam: string | null;
      nextTokenField: FieldPath;
      /** Boolean "more pages follow" next to the token (Notion's `has_more`); null when the schema has none. */
      hasMoreField: FieldPath | null;
      itemsField: FieldPath | null;
      /**
       * How the token is spelled in `nextTokenField` and in `tokenParam`: "base64" when the field's schema is
       * `format: byte` (OpenAPI 3.0 Data Types: base64-encoded characters; Google declares its page tokens so);
       * absent: as issued.
       */
      tokenEncoding?: "base64";
    }
  | {
      /**
       * Numeric offset/limit (detected only when both parameters are integer or number; a declaration may not name a
       * string one, which is a token: kind cursor): next offset = offset + items received. The list ends on the
       * API's own signal when a reply carries one: `isLastField` true (Jira), `hasMoreField` false, `totalField`
       * reached, a `Link` without rel="next"; else on a short page (fewer items than asked); always on an empty page.
       */
      kind: "offset";
      source: PaginationSource;
      offsetParam: string;
      limitParam: string;
      /** Boolean "this is the last page" (Jira's `isLast`); null when the schema has none. */
      isLastField: FieldPath | null;
      /** Boolean "more pages follow"; null when the schema has none. */
      hasMoreField: FieldPath | null;
      /** Integer total item count (Jira's `total`); null when the schema has none. */
      totalField: FieldPath | null;
      itemsField: FieldPath | null;
    }
  | {
      /** RFC 8288 `Link` header: follow rel="next" until absent (GitHub). */
      kind: "link";
      source: PaginationSource;
      sizeParam: string | null;
      itemsField: FieldPath | null;
    }
  | {
      /**
       * Keyset "after the last item" (Stripe): send `afterParam` = the last item's `cursorField` (a path inside an
       * item) while `hasMoreField` is true.
       */
      kind: "after";
      source: PaginationSource;
      afterParam: string;
      cursorField: FieldPath;
      hasMoreField: FieldPath;
      sizeParam: string | null;
      itemsField: FieldPath | null;
    };

export type PaginationSource = "declared" | "detected";

export interface SchemaDef {
  /** Key in `components.schemas` verbatim: openapi-typescript emits `components["schemas"][rawName]`. */
  rawName: string;
  /** Safe identifier, unique among schemas (for type aliases / validator names). */
  safeName: string;
  schema: JsonSchema;
}
