// Builds the IR (ir.ts) from a bundled OpenAPI 3.x document: one pass, names made safe and unique here, once.
import { isTransportHeader } from "../facts/transport-headers.js";
import { escapePointerToken } from "../load/json-pointer.js";
import { basePathsOf } from "./base-paths.js";
import { unreachableOperationWarnings } from "./equivalent-paths.js";
import { ModelError } from "./model-error.js";
import { errorSchemaOf, operationErrorPayloads, type ConfiguredErrorSchema } from "./error-schema.js";
import { describesJson } from "../facts/media-types.js";
import { NameScope, camelIdentifier, pascalIdentifier } from "./identifiers.js";
import type {
  ApiModel,
  Group,
  HttpMethod,
  Rename,
  JsonSchema,
  MediaContent,
  Operation,
  Parameter,
  ParamLocation,
  RequestBody,
  Response,
  ResponseHeader,
  SchemaDef,
  SecurityRequirement,
  SecurityScheme,
  Server,
  ValueConstraints,
} from "./ir.js";
import { methodNames, type NamingStyle } from "./method-names.js";
import { formFields, parameterShape } from "./param-shape.js";
import { paginationFor, type PaginationDeclaration } from "./pagination.js";
import { carriedInQuery, pathOfKey, splitPathKey } from "./path-key.js";
import { isIgnoredHeaderParameter } from "../facts/ignored-header-parameters.js";
import { RefResolver, isObject, type JsonObject } from "./refs.js";
import { HTTP_METHODS, isFetchForbiddenMethod } from "../facts/http-methods.js";
import { schemaRootOf } from "./schema-root.js";

export interface BuildModelOptions {
  /** The spec file, as the user named it (for "generated from" headers). */
  source: string;
  /** API-wide pagination declaration from config, applied to the list operations it fits. */
  pagination?: PaginationDeclaration;
  /** Config declarations by operationId (like `x-pagination`, which wins): verified, an error when they do not fit. */
  paginationByOperation?: Readonly<Record<string, unknown>>;
  /** False to detect no pagination (config `pagination.auto: false`): only x-pagination / config declarations page. */
  autoPagination?: boolean;
  /** Items array name in cursor envelopes (config `pagination.items_field`; default "items"). */
  itemsField?: string;
  /** Error schema from config: `components.schemas` key and media type. Detected when absent. */
  errorSchema?: ConfiguredErrorSchema;
  /** Grouped method names: the rule of method-names.ts (default), or the operation ids as they are. */
  names?: NamingStyle;
}

const LOCATIONS: ParamLocation[] = ["path", "query", "header", "cookie"];
/** RFC 9110 §9.3.1/§9.3.2: content in a GET or HEAD request has no generally defined semantics (OpenAPI 3.1 §4.8.10
 * says the same), and fetch refuses to send one. */
const BODILESS = new Set<HttpMethod>(["get", "head"]);
const VERSION_SEGMENT = /^v\d+$/i;
/** A media type or range, `type "/" subtype` with optional parameters (RFC 9110 §8.3.1, §12.5.1). */
const MEDIA_RANGE = /^[^\s/;]+\/[^\s/;]+\s*(;.*)?$/;

const text = (value: unknown): string | undefined => (typeof value === "string" ? value : undefined);
const pointerOf = (...tokens: string[]) => "#" + tokens.map((token) => "/" + escapePointerToken(token)).join("");
const byKey =
  <T>(key: (value: T) => string) =>
  (a: T, b: T) =>
    key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
const isJson = describesJson;

interface RawOperation {
  path: string;
  method: HttpMethod;
  node: JsonObject;
  pathItem: JsonObject;
}

export function buildModel(document: Readonly<Record<string, unknown>>, options: BuildModelOptions): ApiModel {
  const root = document as JsonObject;
  const refs = new RefResolver(root);
  const info = isObject(root.info) ? root.info : {};
  const components = isObject(root.components) ? root.components : {};
  const servers = readServers(root.servers);
  const served = basePathsOf(servers[0]);
  const basePath = served.paths[0] ?? "";
  const rawOperations = collectOperations(root, refs);
  const tagDescriptions = new Map<string, string | undefined>(
    (Array.isArray(root.tags) ? root.tags : [])
      .filter(isObject)
      .map((tag) => [String(tag.name), text(tag.description)]),
  );

  const securitySchemes = readSecuritySchemes(refs, components.securitySchemes);
  const defaultSecurity = readSecurity(root.security) ?? [];
  const warnings: string[] = [];

  // Operation ids: unique across the API. Offered in (path, method) order so that suffixes are deterministic. An id
  // names the server handler and the client's standalone function, so it may not be one of the client's own exports.
  const idScope = new NameScope(CLIENT_EXPORTS);
  const groupScope = new NameScope();
  const groupByRaw = new Map<string, string>();
  const named = rawOperations.map((raw) => {
    const operationId = text(raw.node.operationId);
    const id = idScope.claim(camelIdentifier(operationId ?? derivedOperationId(raw.method, raw.path), "operation"));
    const groupRaw = text((raw.node.tags as unknown[] | undefined)?.[0]) ?? firstSegment(pathOfKey(raw.path), basePath);
    let group = groupByRaw.get(groupRaw);
    if (group === undefined) {
      group = groupScope.claim(camelIdentifier(groupRaw, "default_"));
      groupByRaw.set(groupRaw, group);
    }
    return { raw, id, operationId, groupRaw, group, method: raw.method, path: pathOfKey(raw.path) };
  });
  const renames: Rename[] = [];
  const nameOf = new Map<string, string>();
  for (const [groupRaw, group] of groupByRaw) {
    const result = methodNames(
      groupRaw,
      group,
      named.filter((op) => op.group === group),
      options.names ?? "rule",
    );
    for (const [id, name] of result.names) nameOf.set(id, name);
    renames.push(...result.renames);
  }
  const operations: Operation[] = named.map(({ raw, id, operationId, group }) => {
    const operation = buildOperation(
      raw,
      { id, operationId, group, name: nameOf.get(id) ?? id },
      refs,
      defaultSecurity,
      options,
      warnings,
    );
    renames.push(...parameterRenames(operation));
    return operation;
  });
  operations.sort(byKey((op) => `${op.group}\u0000${op.name}`));
  const errorSchema = errorSchemaOf(root, refs, options.errorSchema);
  for (const op of operations) {
    const payloads = operationErrorPayloads(op, errorSchema, refs);
    if (Object.keys(payloads).length > 0) op.errorPayloads = payloads;
  }

  const groups: Group[] = [...groupByRaw].map(([rawName, safeName]) => ({
    rawName,
    safeName,
    ...(tagDescriptions.get(rawName) !== undefined ? { description: tagDescriptions.get(rawName) } : {}),
    operationIds: operations.filter((op) => op.group === safeName).map((op) => op.id),
  }));
  groups.sort(byKey((group) => group.safeName));

  const schemaScope = new NameScope();
  const schemas: SchemaDef[] = Object.entries(isObject(components.schemas) ? components.schemas : {})
    .sort(byKey(([name]) => name))
    .map(([rawName, schema]) => ({
      rawName,
      safeName: schemaScope.claim(pascalIdentifier(rawName, "Schema")),
      schema: (isObject(schema) ? schema : {}) as JsonSchema,
    }));

  return {
    source: options.source,
    title: text(info.title) ?? "API",
    ...(text(info.description) !== undefined ? { description: text(info.description) } : {}),
    version: { raw: text(info.version) ?? "" },
    basePath,
    basePaths: served.paths,
    servers,
    securitySchemes,
    defaultSecurity,
    errorSchema,
    operations,
    groups,
    schemas,
    openapi: text(root.openapi) ?? "",
    schemaRoot: schemaRootOf(root, irSchemas(operations, schemas, errorSchema)),
    warnings: [
      ...(served.warning === undefined ? [] : [served.warning]),
      ...unreachableOperationWarnings(operations),
      ...warnings,
    ],
    renames,
  };
}

/** Every schema the IR holds: what `schemaRoot` must resolve the `$ref`s of. */
function* irSchemas(
  operations: readonly Operation[],
  schemas: readonly SchemaDef[],
  errorSchema: ApiModel["errorSchema"],
): Generator<JsonSchema> {
  for (const op of operations) {
    for (const param of op.parameters) yield param.schema;
    for (const media of op.requestBody?.content ?? []) if (media.schema !== null) yield media.schema;
    for (const response of op.responses) {
      for (const media of response.content) if (media.schema !== null) yield media.schema;
      for (const header of response.headers) yield header.schema;
    }
  }
  for (const def of schemas) yield def.schema;
  if (errorSchema !== null) yield errorSchema.schema;
}

function collectOperations(root: JsonObject, refs: RefResolver): RawOperation[] {
  const paths = isObject(root.paths) ? root.paths : {};
  const out: RawOperation[] = [];
  for (const path of Object.keys(paths).sort()) {
    refuseBarePercent(
      path,
      `path "${path}"`,
      `/paths/${escapePointerToken(path)}`,
      "percent-encode a literal % as %25, and never follow it by another %",
    );
    const pathItem = refs.resolve(paths[path]);
    if (!pathItem) continue;
    for (const method of HTTP_METHODS) {
      const node = refs.resolve(pathItem[method]);
      if (node) out.push({ path, method, node, pathItem });
    }
  }
  return out;
}

/** openapi-typescript percent-decodes path keys and inline parameter names (as JSON pointer tokens), once per
 * nesting level, and throws a URIError when a decoding meets a `%` that starts no escape (`%`, or `%25` followed
 * by `%zz`): refused here with a diagnostic instead. */
function refuseBarePercent(name: string, what: string, pointer: string, fix: string): void {
  let current = name;
  for (;;) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(current);
    } catch {
      throw new ModelError(`${what} has a "%" that the type generator cannot percent-decode`, pointer, fix);
    }
    if (decoded === current) return;
    current = decoded; // shorter each time: the loop ends
  }
}

/** `get /pets/{pet_id}/tags` -> "getPetsByPetIdTags". */
function derivedOperationId(method: string, path: string): string {
  const segments = path
    .split("/")
    .filter(Boolean)
    .map((segment) => {
      const param = segment.match(/^\{(.+)\}$/);
      return param?.[1] ? `by ${param[1]}` : segment;
    });
  return [method, ...segments].join(" ");
}

/**
 * The generated client's own camelCase exports, beside which it exports one function per operation id, and the
 * locals of `createClient` (`client`, `options`), which would shadow an operation function of that name.
 */
const CLIENT_EXPORTS = [
  "createClient",
  "createBaseClient",
  "isApiError",
  "defaultBaseUrl",
  "walkPages",
  "client",
  "options",
];

/** First literal path segment after the server base path and any version segment ("/v1/pets/{id}" -> "pets"). */
function firstSegment(path: string, basePath: string): string {
  const relative = basePath && path.startsWith(basePath + "/") ? path.slice(basePath.length) : path;
  const literal = relative
    .split("/")
    .find((segment) => segment && !segment.startsWith("{") && !VERSION_SEGMENT.test(segment));
  return literal ?? "default";
}

/** The parameters whose params-object key is not their wire name. */
function parameterRenames(op: Operation): Rename[] {
  return op.parameters
    .filter((param) => param.inputKey !== param.rawName)
    .map((param) => ({
      kind: "parameter",
      operation: op.id,
      where: `${param.in} ${param.rawName}`,
      wanted: param.rawName,
      got: param.inputKey,
      reason:
        param.rawName === "body"
          ? "`body` is the request body's key"
          : param.rawName === "__proto__"
            ? "`__proto__` cannot be an own key of an object literal"
            : "another parameter of the operation has that key",
    }));
}

interface OperationNames {
  id: string;
  operationId: string | undefined;
  group: string;
  name: string;
}

function buildOperation(
  raw: RawOperation,
  names: OperationNames,
  refs: RefResolver,
  defaultSecurity: SecurityRequirement[],
  options: BuildModelOptions,
  warnings: string[],
): Operation {
  const { node } = raw;
  const pointer = pointerOf("paths", raw.path, raw.method);
  if (isFetchForbiddenMethod(raw.method))
    warnings.push(
      `${raw.method.toUpperCase()} ${raw.path} (${names.operationId ?? names.id}): a fetch client cannot send ${raw.method.toUpperCase()}, a forbidden method of the Fetch standard (§2.2.1), so the generated client's call throws; the generated server still answers it; ${pointer}`,
    );
  const declared = queryTemplateParameters(raw.path, readParameters(refs, raw.pathItem.parameters, node.parameters));
  const { path, discriminator } = splitPathKey(raw.path, declared);
  // OpenAPI 3.1 §4.8.12.1: a path parameter's name MUST occur in the path as `{name}`. One that does not can never be
  // sent (mastercard masterpassqr `/send/` declares `partnerId`), so requiring it would refuse every request.
  const parameters = declared.filter((param) => {
    if (param.in === "header" && isTransportHeader(param.rawName)) {
      // azure.com datalake-store `Transfer-Encoding: chunked`, required: the client's transport frames the body itself;
      // conjur.local `Accept-Encoding: base64`: undici sends its own `gzip, deflate`.
      warnings.push(
        `${raw.method.toUpperCase()} ${raw.path} (${names.operationId ?? names.id}): header parameter "${param.rawName}" ignored, the HTTP implementation sets this header itself, not the request (RFC 9110 §7.6.1, Fetch §2.2.2 forbidden request-header), and fetch refuses it; ${pointer}/parameters`,
      );
      return false;
    }
    if (param.in === "header" && isIgnoredHeaderParameter(param.rawName)) {
      warnings.push(
        `${raw.method.toUpperCase()} ${raw.path} (${names.operationId ?? names.id}): header parameter "${param.rawName}" ignored: OpenAPI says a header parameter named Accept, Content-Type or Authorization SHALL be ignored (the media types and the security schemes set those); ${pointer}/parameters`,
      );
      return false;
    }
    if (param.in !== "path" || path.includes(`{${param.rawName}}`)) return true;
    warnings.push(
      `${raw.method.toUpperCase()} ${raw.path} (${names.operationId ?? names.id}): path parameter "${param.rawName}" ignored, the path has no {${param.rawName}}; ${pointer}/parameters`,
    );
    return false;
  });
  let requestBody = readRequestBody(refs, node.requestBody);
  const notMediaTypes = requestBody?.content.filter((media) => !MEDIA_RANGE.test(media.mediaType)) ?? [];
  if (requestBody !== null && notMediaTypes.length > 0) {
    // spoonacular.com `content: { "": { schema } }`: no Content-Type names it, so no client can send that body.
    warnings.push(
      `${raw.method.toUpperCase()} ${raw.path} (${names.operationId ?? names.id}): request body content ${notMediaTypes.map((media) => JSON.stringify(media.mediaType)).join(", ")} ignored, a content key is a media type or range such as "application/json" (RFC 9110 §8.3.1, OpenAPI 3.1 §4.8.13.1); ${pointer}/requestBody/content`,
    );
    const content = requestBody.content.filter((media) => MEDIA_RANGE.test(media.mediaType));
    requestBody = content.length === 0 ? null : { ...requestBody, content };
  }
  if (requestBody !== null && BODILESS.has(raw.method)) {
    warnings.push(
      `${raw.method.toUpperCase()} ${raw.path} (${names.operationId ?? names.id}): request body ignored, a ${raw.method.toUpperCase()} request carries none (RFC 9110 §9.3.1); ${pointer}/requestBody`,
    );
    requestBody = null;
  }
  for (const param of parameters)
    refuseBarePercent(
      param.rawName,
      `${param.in} parameter "${param.rawName}" of ${raw.method.toUpperCase()} ${raw.path}`,
      pointer,
      "rename the parameter without a literal %",
    );
  const responses = readResponses(refs, node.responses);
  const success = responses.find(
    (response) => response.kind === "success" && response.content.some((c) => isJson(c.mediaType)),
  );
  const pagination = paginationFor(
    {
      method: raw.method,
      path,
      pointer,
      queryParams: new Map(parameters.filter((p) => p.in === "query").map((p) => [p.rawName, p.schema])),
      successSchema: success?.content.find((c) => isJson(c.mediaType))?.schema ?? null,
      successHeaders: new Set((success?.headers ?? []).map((header) => header.rawName.toLowerCase())),
      ...declaredPagination(node, names.operationId, options),
      configured: options.pagination,
      itemsField: options.itemsField ?? "items",
      detect: options.autoPagination !== false,
    },
    refs,
  );
  const tags = Array.isArray(node.tags) ? node.tags.filter((tag): tag is string => typeof tag === "string") : [];
  return {
    id: names.id,
    ...(names.operationId !== undefined ? { operationId: names.operationId } : {}),
    group: names.group,
    name: names.name,
    method: raw.method,
    pathKey: raw.path,
    path,
    discriminator,
    ...(text(node.summary) !== undefined ? { summary: text(node.summary) } : {}),
    ...(text(node.description) !== undefined ? { description: text(node.description) } : {}),
    tags,
    deprecated: node.deprecated === true,
    parameters,
    requestBody,
    responses,
    security: readSecurity(node.security) ?? defaultSecurity,
    pagination,
  };
}

function declaredPagination(
  node: JsonObject,
  operationId: string | undefined,
  options: BuildModelOptions,
): { declared: unknown; declaredWhere: string } {
  if (node["x-pagination"] !== undefined || operationId === undefined)
    return { declared: node["x-pagination"], declaredWhere: "x-pagination" };
  const byOperation = options.paginationByOperation ?? {};
  const declared = Object.prototype.hasOwnProperty.call(byOperation, operationId)
    ? byOperation[operationId]
    : undefined;
  return { declared, declaredWhere: `config pagination.${operationId}` };
}

/**
 * The parameters with those the key's query template carries (carriedInQuery) made query parameters, serialised as
 * the template would write them: `name=a,b` (form, not exploded; OpenAPI 3.1 §4.8.12.4).
 */
function queryTemplateParameters(key: string, parameters: Parameter[]): Parameter[] {
  const carried = carriedInQuery(key, parameters);
  if (carried.size === 0) return parameters;
  return parameters.map((param) =>
    param.in === "path" && carried.has(param.rawName)
      ? { ...param, in: "query", style: "form", explode: false }
      : param,
  );
}

function readParameters(refs: RefResolver, pathLevel: unknown, operationLevel: unknown): Parameter[] {
  // Operation-level parameters override path-level ones with the same name and location.
  const byKey = new Map<string, JsonObject>();
  for (const list of [pathLevel, operationLevel]) {
    for (const entry of Array.isArray(list) ? list : []) {
      const param = refs.resolve(entry);
      if (param && typeof param.name === "string" && LOCATIONS.includes(param.in as ParamLocation))
        byKey.set(`${param.in}\u0000${param.name}`, param);
    }
  }
  const params = [...byKey.values()].sort(
    (a, b) => LOCATIONS.indexOf(a.in as ParamLocation) - LOCATIONS.indexOf(b.in as ParamLocation) || byKeyName(a, b),
  );
  const scope = new NameScope(["body", "options"]);
  const keys = new Set(["body", "__proto__"]);
  return params.map((param) => {
    const safeName = scope.claim(camelIdentifier(String(param.name), "param"));
    let inputKey = keys.has(String(param.name)) ? safeName : String(param.name);
    for (let n = 2; keys.has(inputKey); n++) inputKey = `${safeName}${n}`;
    keys.add(inputKey);
    const location = param.in as ParamLocation;
    const style = (text(param.style) ??
      (location === "query" || location === "cookie" ? "form" : "simple")) as Parameter["style"];
    const contentEntry = isObject(param.content)
      ? Object.entries(param.content).find(([, media]) => isObject(media))
      : undefined;
    const content = contentEntry?.[1] as JsonObject | undefined;
    const schema = (
      isObject(param.schema) ? param.schema : isObject(content?.schema) ? content.schema : {}
    ) as JsonSchema;
    return {
      rawName: String(param.name),
      safeName,
      inputKey,
      in: location,
      required: location === "path" || param.required === true,
      deprecated: param.deprecated === true,
      ...(text(param.description) !== undefined ? { description: text(param.description) } : {}),
      schema,
      style,
      explode: typeof param.explode === "boolean" ? param.explode : style === "form",
      allowReserved: param.allowReserved === true,
      ...exampleMember(refs, param, content, param.schema ?? content?.schema),
      shape: parameterShape(refs, schema, isObject(param.schema) ? undefined : contentEntry?.[0]),
      constraints: valueConstraints(refs.resolve(schema)),
    };
  });
}

function valueConstraints(schema: JsonObject | undefined): ValueConstraints {
  if (schema === undefined) return {};
  return {
    ...("default" in schema ? { default: schema.default } : {}),
    ...(typeof schema.maximum === "number" ? { maximum: schema.maximum } : {}),
    ...(Array.isArray(schema.enum) ? { enum: schema.enum } : {}),
  };
}

/**
 * `{ example }` from the first node that has one (OpenAPI 3.1 §4.8.12/§4.8.14: `example`, else `examples`, a map
 * of Example Objects, of which the first `value`), then the schema's `example` / `examples[0]`; `{}` when none.
 * `externalValue` is never read: an example is data the document holds.
 */
function exampleMember(refs: RefResolver, ...nodes: unknown[]): { example?: unknown } {
  const [node, ...rest] = nodes;
  if (nodes.length === 0) return {};
  const found = rest.length === 0 ? schemaExample(refs, node) : mediaExample(refs, node);
  return found !== undefined ? { example: found } : exampleMember(refs, ...rest);
}

function mediaExample(refs: RefResolver, node: unknown): unknown {
  const media = refs.resolve(node);
  if (!media) return undefined;
  if (media.example !== undefined) return media.example;
  const first = isObject(media.examples) ? Object.values(media.examples)[0] : undefined;
  return refs.resolve(first)?.value;
}

function schemaExample(refs: RefResolver, node: unknown): unknown {
  const schema = refs.resolve(node);
  if (!schema) return undefined;
  return schema.example !== undefined
    ? schema.example
    : Array.isArray(schema.examples)
      ? schema.examples[0]
      : undefined;
}

function byKeyName(a: JsonObject, b: JsonObject): number {
  return String(a.name) < String(b.name) ? -1 : String(a.name) > String(b.name) ? 1 : 0;
}

function readContent(refs: RefResolver, content: unknown): MediaContent[] {
  if (!isObject(content)) return [];
  return Object.entries(content)
    .map(([mediaType, media]) => {
      const schema = isObject(media) && isObject(media.schema) ? (media.schema as JsonSchema) : null;
      return {
        mediaType,
        schema,
        schemaName: schema ? refs.schemaName(schema) : null,
        ...exampleMember(refs, media, schema),
      };
    })
    .sort(
      (a, b) =>
        Number(isJson(b.mediaType)) - Number(isJson(a.mediaType)) ||
        (a.mediaType < b.mediaType ? -1 : a.mediaType > b.mediaType ? 1 : 0),
    );
}

/** Bodies read field by field: "multipart" also reads file parts and JSON parts (OpenAPI 3.1 §4.8.15). */
function formKind(mediaType: string): "form" | "multipart" | undefined {
  const essence = mediaType.split(";")[0]?.trim().toLowerCase();
  return essence === "application/x-www-form-urlencoded"
    ? "form"
    : essence === "multipart/form-data"
      ? "multipart"
      : undefined;
}

function encodingOf(content: unknown, mediaType: string): unknown {
  const media = isObject(content) ? content[mediaType] : undefined;
  return isObject(media) ? media.encoding : undefined;
}

function readRequestBody(refs: RefResolver, value: unknown): RequestBody | null {
  const body = refs.resolve(value);
  if (!body) return null;
  return {
    required: body.required === true,
    ...(text(body.description) !== undefined ? { description: text(body.description) } : {}),
    content: readContent(refs, body.content).map((media) => {
      const kind = formKind(media.mediaType);
      if (kind === undefined || media.schema === null) return media;
      if (kind === "form" && refs.resolve(media.schema)?.type === "string")
        return { ...media, formText: true as const };
      return {
        ...media,
        formFields: formFields(refs, media.schema, encodingOf(body.content, media.mediaType), kind === "multipart"),
      };
    }),
  };
}

function responseKind(status: string): Response["kind"] {
  if (status === "default") return "default";
  const first = status.charAt(0);
  return first === "1" ? "informational" : first === "2" ? "success" : first === "3" ? "redirect" : "error";
}

function statusOrder(status: string): number {
  if (/^\d{3}$/.test(status)) return Number(status);
  if (/^\dXX$/i.test(status)) return Number(status.charAt(0)) * 100 + 99.5;
  return 10_000;
}

function readResponses(refs: RefResolver, value: unknown): Response[] {
  if (!isObject(value)) return [];
  return Object.keys(value)
    .sort((a, b) => statusOrder(a) - statusOrder(b) || (a < b ? -1 : 1))
    .flatMap((status) => {
      const response = refs.resolve(value[status]);
      if (!response) return [];
      const headers: ResponseHeader[] = Object.entries(isObject(response.headers) ? response.headers : {})
        .sort(byKey(([name]) => name))
        .flatMap(([rawName, header]) => {
          const resolved = refs.resolve(header);
          if (!resolved) return [];
          return [
            {
              rawName,
              required: resolved.required === true,
              ...(text(resolved.description) !== undefined ? { description: text(resolved.description) } : {}),
              schema: (isObject(resolved.schema) ? resolved.schema : {}) as JsonSchema,
            },
          ];
        });
      return [
        {
          status,
          kind: responseKind(status),
          ...(text(response.description) !== undefined ? { description: text(response.description) } : {}),
          content: readContent(refs, response.content),
          headers,
        },
      ];
    });
}

function readSecurity(value: unknown): SecurityRequirement[] | undefined {
  if (!Array.isArray(value)) return undefined;
  return value.filter(isObject).map((requirement) => ({
    schemes: Object.entries(requirement).map(([rawName, scopes]) => ({
      rawName,
      scopes: Array.isArray(scopes) ? scopes.filter((scope): scope is string => typeof scope === "string") : [],
    })),
  }));
}

/** An RFC 9110 §5.6.2 token: what header names and auth-schemes are made of. */
const HTTP_TOKEN = /^[\w!#$%&'*+.^`|~-]+$/;

function readSecuritySchemes(refs: RefResolver, value: unknown): SecurityScheme[] {
  const scope = new NameScope();
  return Object.keys(isObject(value) ? value : {})
    .sort()
    .flatMap((rawName): SecurityScheme[] => {
      const scheme = refs.resolve((value as JsonObject)[rawName]);
      if (!scheme) return [];
      const safeName = scope.claim(camelIdentifier(rawName, "scheme"));
      const description = text(scheme.description);
      const common = { rawName, safeName, ...(description !== undefined ? { description } : {}) };
      const type = text(scheme.type) ?? "";
      const httpScheme = text(scheme.scheme)?.toLowerCase();
      if (type === "http" && httpScheme === "bearer") {
        return [
          {
            kind: "http-bearer",
            ...common,
            ...(text(scheme.bearerFormat) !== undefined ? { bearerFormat: text(scheme.bearerFormat) } : {}),
          },
        ];
      }
      if (type === "http" && httpScheme === "basic") return [{ kind: "http-basic", ...common }];
      // An auth-scheme is a token (RFC 9110 §11.1); anything else cannot be written in an Authorization header.
      const written = text(scheme.scheme);
      if (type === "http" && written !== undefined && HTTP_TOKEN.test(written))
        return [{ kind: "http-other", ...common, scheme: written }];
      // A header's name is a token (RFC 9110 §5.1): rapidapi's "ADVICEment API Key" can be neither sent nor received.
      if (
        type === "apiKey" &&
        scheme.in === "header" &&
        typeof scheme.name === "string" &&
        !HTTP_TOKEN.test(scheme.name)
      ) {
        return [
          {
            kind: "unsupported",
            ...common,
            type: `apiKey in header ${JSON.stringify(scheme.name)}, not a header name`,
          },
        ];
      }
      if (
        type === "apiKey" &&
        ["header", "query", "cookie"].includes(String(scheme.in)) &&
        typeof scheme.name === "string"
      ) {
        return [{ kind: "api-key", ...common, in: scheme.in as "header" | "query" | "cookie", paramName: scheme.name }];
      }
      if (type === "oauth2") return [{ kind: "oauth2", ...common, flows: isObject(scheme.flows) ? scheme.flows : {} }];
      if (type === "openIdConnect")
        return [{ kind: "openid-connect", ...common, openIdConnectUrl: text(scheme.openIdConnectUrl) ?? "" }];
      return [{ kind: "unsupported", ...common, type: httpScheme ? `${type}/${httpScheme}` : type }];
    });
}

function readServers(value: unknown): Server[] {
  return (Array.isArray(value) ? value : []).filter(isObject).map((server) => {
    const variables: Server["variables"] = {};
    for (const [name, variable] of Object.entries(isObject(server.variables) ? server.variables : {})) {
      if (!isObject(variable)) continue;
      variables[name] = {
        default: String(variable.default ?? ""),
        ...(Array.isArray(variable.enum) ? { enum: variable.enum.map(String) } : {}),
        ...(text(variable.description) !== undefined ? { description: text(variable.description) } : {}),
      };
    }
    return {
      url: text(server.url) ?? "/",
      ...(text(server.description) !== undefined ? { description: text(server.description) } : {}),
      variables,
    };
  });
}
