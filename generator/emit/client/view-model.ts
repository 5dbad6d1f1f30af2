// IR -> the view models the client templates render. Every string from the spec leaves here as a safe code
// fragment (string literal, doc comment, property key) or a safe identifier from the model: templates insert verbatim.
import type { ApiModel, MediaContent, Operation, Pagination, Parameter, SecurityScheme } from "../../model/ir.js";
import { redirectResults, resultResponses } from "../../model/result-responses.js";
import { codeSpan, docComment, jsString, markdownInline, markdownText, propertyKey } from "../shared/code-literals.js";
import { escapePointerToken } from "../../load/json-pointer.js";
import { bodyExample, pagingNote, parameterExample, type SampleDocument } from "./readme-view.js";
import { visibility, type View } from "./visibility.js";
import { describesJson } from "../../facts/media-types.js";
import type { TypesInput } from "../types.js";

/** A body schema's type in a view (`schemas$.PetInput`, or an inline type), null when the view changes nothing. */
type BodyTypes = (pointer: string, view: View) => string | null;
const NO_VIEWS: BodyTypes = () => null;

export interface ClientView {
  title: string;
  titleDoc: string;
  defaultBaseUrl: string;
  problemType: string;
  /** Whether client.ts needs types.ts's `components` (only the problem type names it); unused imports break noUnusedLocals. */
  importsComponents: boolean;
  /** Whether client.ts names a view type of schemas.ts (`schemas$.PetInput`). */
  importsSchemas: boolean;
  securitySchemes: { key: string; spec: string }[];
  hasPagination: boolean;
  hasOperations: boolean;
  groups: GroupView[];
  /** Every component schema as a named type (schemas.ts): its response view, and `<Name>Input` where the request view differs. */
  schemaTypes: { name: string; type: string }[];
  schemasImportComponents: boolean;
  /** Helper types schemas.ts declares for its view types (openapi-typescript's WithRequired). */
  schemaHelpers: string[];
  /** The schema types client.ts re-exports: all but those whose name client.ts gives something else. */
  clientSchemaExports: string[];
  auth: AuthView;
  readme: ReadmeView;
}

export interface GroupView {
  name: string;
  doc: string;
  operations: OperationView[];
}

export interface OperationView {
  name: string;
  /** The standalone function (`listPets`): the operation id, as the server's handler is named. */
  fnName: string;
  fnDoc: string;
  group: string;
  doc: string;
  opType: string;
  opTypeName: string;
  paramsName: string;
  resultName: string;
  itemName: string;
  /** What a failed call throws: the union of ApiError subclasses by status, each with its body (`problem`). */
  errorName: string;
  errorType: string;
  /** The union of the bodies (`error.problem`) of errorName. */
  problemName: string;
  /** The operation's error guard (`isCreatePetError(error, 409)`). */
  guardName: string;
  specName: string;
  specLiteral: string;
  members: { doc: string; key: string; optional: boolean; type: string }[];
  paramsOptional: boolean;
  resultType: string;
  pagination: { scheme: string; itemType: string } | null;
  readmeTitle: string;
  /** README lines under the title: the description's first paragraph (Markdown kept) and how the operation pages. */
  readmeNotes: string[];
  /** The example call (`api.group.name({ … })`), with example values from the spec. */
  call: string;
  /** The same call as a standalone function (`getPet(client, { … })`). */
  standaloneCall: string;
  example: string;
}

interface AuthView {
  httpSchemes: { name: string; scheme: string }[];
  bearer: boolean;
  basic: boolean;
  apiKeys: { name: string; where: string }[];
  oauth: boolean;
  none: boolean;
}

interface ReadmeView {
  title: string;
  description: string;
  source: string;
  authExample: string;
  paginationExample: string;
  /** A walkPages example on the first list operation the client does not page; "" when there is none. */
  manualPagingExample: string;
  /** A try/catch of the first operation that documents an error status, with its guard. */
  typedErrorExample: string;
  /** withResponse on the first paginated operation (its first page, then `.pages()`). */
  pagedWithResponseExample: string;
  /** Imports and calls the first operation as a standalone function. */
  standaloneExample: string;
  /** A call of the first non-paginated operation with `{ withResponse: true }`. */
  withResponseCall: string;
  /** Markdown list items: method names resolved to stay unique, and parameters whose key is not their wire name. */
  methodRenames: string[];
  parameterRenames: string[];
}

const isJson = describesJson;
/** Code shown in a Markdown fence: a backtick (only ever inside a string literal here) must not end the fence. */
const fenced = (code: string) => code.replace(/`/g, "\\u0060");
const pascal = (identifier: string) => identifier.charAt(0).toUpperCase() + identifier.slice(1);

function mediaType(content: MediaContent, base: string): string {
  if (isJson(content.mediaType) || /x-www-form-urlencoded/i.test(content.mediaType))
    return `${base}[${jsString(content.mediaType)}]`;
  if (/multipart\/form-data/i.test(content.mediaType)) return "FormData";
  return /^text\//i.test(content.mediaType) ? "string" : "Blob";
}

/** Where an operation's JSON schema for a body is (`requestBody` or `responses/200`). */
function bodyPointer(op: Operation, where: readonly string[], content: MediaContent): string {
  return `#/paths/${escapePointerToken(op.pathKey)}/${op.method}/${where.map(escapePointerToken).join("/")}/content/${escapePointerToken(content.mediaType)}/schema`;
}

/** `mediaType`, with the body's type in `view` where that leaves properties out (readOnly, writeOnly). */
function viewedType(
  op: Operation,
  where: readonly string[],
  content: MediaContent,
  base: string,
  view: View,
  bodyTypes: BodyTypes,
): string {
  const plain = mediaType(content, base);
  return plain.startsWith(base) ? (bodyTypes(bodyPointer(op, where, content), view) ?? plain) : plain;
}

function resultType(op: Operation, opTypeName: string, bodyTypes: BodyTypes): string {
  const types = new Set<string>();
  for (const response of resultResponses(op)) {
    const content = response.content[0];
    types.add(
      content
        ? viewedType(
            op,
            ["responses", response.status],
            content,
            `${opTypeName}["responses"][${jsString(response.status)}]["content"]`,
            "response",
            bodyTypes,
          )
        : "undefined",
    );
  }
  return types.size ? [...types].join(" | ") : "unknown";
}

/** The body of an error response, by type: its component schema's name when it has one, else the response's media type. */
function errorBody(
  op: Operation,
  response: Operation["responses"][number],
  opTypeName: string,
  bodyTypes: BodyTypes,
): string {
  const content = response.content[0];
  if (!content) return "Problem";
  const viewed = isJson(content.mediaType)
    ? bodyTypes(bodyPointer(op, ["responses", response.status], content), "response")
    : null;
  if (viewed !== null) return viewed;
  if (content.schemaName && isJson(content.mediaType)) return `components["schemas"][${jsString(content.schemaName)}]`;
  return mediaType(content, `${opTypeName}["responses"][${jsString(response.status)}]["content"]`);
}

/**
 * The operation's thrown error union (runtime `OperationError`): each documented status with its body; the other 4xx
 * with the `4XX` range's body, else `default`'s, else the API's Problem; the other 5xx likewise with `5XX`'s.
 */
function errorType(op: Operation, opTypeName: string, bodyTypes: BodyTypes): string {
  const errors = op.responses.filter((r) => r.kind === "error" || r.kind === "default");
  const documented = errors
    .filter((r) => /^\d{3}$/.test(r.status))
    .map((r) => `${r.status}: ${errorBody(op, r, opTypeName, bodyTypes)}`);
  const fallback = (range: string) => {
    const response = errors.find((r) => r.status.toUpperCase() === range) ?? errors.find((r) => r.kind === "default");
    return response ? errorBody(op, response, opTypeName, bodyTypes) : "Problem";
  };
  return `OperationError$<{ ${documented.join("; ")}${documented.length ? " " : ""}}, ${fallback("4XX")}, ${fallback("5XX")}>`;
}

function paramSpec(param: Parameter, key: string): string {
  const defaultStyle = param.in === "query" || param.in === "cookie" ? "form" : "simple";
  const extra: string[] = [];
  if (key !== param.rawName) extra.push(`key: ${jsString(key)}`);
  if (param.style !== defaultStyle) extra.push(`style: ${jsString(param.style)}`);
  if (param.explode !== (param.style === "form")) extra.push(`explode: ${param.explode}`);
  if (param.allowReserved && param.in === "query") extra.push("reserved: true");
  if (param.shape.kind === "json") extra.push("json: true");
  return `[${jsString(param.in)}, ${jsString(param.rawName)}${extra.length ? `, { ${extra.join(", ")} }` : ""}]`;
}

function supportedScheme(scheme: SecurityScheme): string | null {
  switch (scheme.kind) {
    case "http-bearer":
      return `{ type: "bearer" }`;
    case "http-basic":
      return `{ type: "basic" }`;
    case "http-other":
      return `{ type: "http", scheme: ${jsString(scheme.scheme)} }`;
    case "oauth2":
    case "openid-connect":
      return `{ type: "oauth2" }`;
    case "api-key":
      return `{ type: "apiKey", in: ${jsString(scheme.in)}, name: ${jsString(scheme.paramName)} }`;
    default:
      return null;
  }
}

function securityLiteral(op: Operation, supported: Set<string>): string | null {
  const alternatives = op.security
    .filter((requirement) => requirement.schemes.every((scheme) => supported.has(scheme.rawName)))
    .map((requirement) => requirement.schemes.map((scheme) => scheme.rawName));
  // Anonymous alternatives last: credentials are sent whenever the caller configured them.
  alternatives.sort((a, b) => Number(a.length === 0) - Number(b.length === 0));
  if (alternatives.length === 0 || alternatives.every((names) => names.length === 0)) return null;
  return `[${alternatives.map((names) => `[${names.map(jsString).join(", ")}]`).join(", ")}]`;
}

/** A field path as a readonly tuple literal, usable both as a value and (with `typeof`-free syntax) as a type. */
function pathLiteral(path: readonly string[]): string {
  return `[${path.map(jsString).join(", ")}]`;
}

function schemeLiteral(pagination: Pagination, key: (rawName: string) => string): string {
  const optional = (member: string, path: readonly string[] | null) =>
    path === null ? "" : `, ${member}: ${pathLiteral(path)}`;
  const items = optional("items", pagination.itemsField);
  switch (pagination.kind) {
    case "cursor":
      return `{ kind: "cursor", token: ${jsString(key(pagination.tokenParam))}, next: ${pathLiteral(pagination.nextTokenField)}${optional("hasMore", pagination.hasMoreField)}${items} }`;
    case "offset": {
      const signals =
        optional("isLast", pagination.isLastField) +
        optional("hasMore", pagination.hasMoreField) +
        optional("total", pagination.totalField);
      return `{ kind: "offset", offset: ${jsString(key(pagination.offsetParam))}, limit: ${jsString(key(pagination.limitParam))}${signals}${items} }`;
    }
    case "link":
      return `{ kind: "link"${items} }`;
    case "after":
      return `{ kind: "after", after: ${jsString(key(pagination.afterParam))}, cursor: ${pathLiteral(pagination.cursorField)}, hasMore: ${pathLiteral(pagination.hasMoreField)}${items} }`;
  }
}

/** The discriminator's wire values the client adds itself ([location, name, value or null for a bare name]): every
 * constant, and each name that must be present but no parameter supplies. */
function fixedLiteral(op: Operation): string | null {
  const entries: string[] = [];
  for (const [location, list] of [
    ["query", op.discriminator?.query ?? []],
    ["header", op.discriminator?.headers ?? []],
  ] as const) {
    for (const entry of list) {
      if (entry.value === undefined && discriminatorParam(op, location, entry.name)) continue;
      entries.push(
        `[${jsString(location)}, ${jsString(entry.name)}, ${entry.value === undefined ? "null" : jsString(entry.value)}]`,
      );
    }
  }
  return entries.length ? `[${entries.join(", ")}]` : null;
}

/** The declared parameter a discriminator entry names (headers case-insensitively, RFC 9110 §5.1). */
function discriminatorParam(op: Operation, location: "query" | "header", name: string): Parameter | undefined {
  return op.parameters.find(
    (p) =>
      p.in === location &&
      (location === "header" ? p.rawName.toLowerCase() === name.toLowerCase() : p.rawName === name),
  );
}

/** How the discriminator changes a parameter: `fixed` (a constant the client sends: not sent from the input, optional),
 * `required` (its presence selects the operation). */
function discriminated(op: Operation, param: Parameter): "fixed" | "required" | null {
  if (param.in !== "query" && param.in !== "header") return null;
  const list = (param.in === "query" ? op.discriminator?.query : op.discriminator?.headers) ?? [];
  const entry = list.find((e) => discriminatorParam(op, param.in as "query" | "header", e.name) === param);
  return entry === undefined ? null : entry.value === undefined ? "required" : "fixed";
}

function operationView(
  op: Operation,
  supported: Set<string>,
  document: SampleDocument,
  bodyTypes: BodyTypes,
): OperationView {
  const base = pascal(op.id);
  const opTypeName = `${base}Op`;
  const keyOf = (rawName: string) =>
    op.parameters.find((p) => p.rawName === rawName && p.in === "query")?.inputKey ?? rawName;
  const sent = op.parameters.filter((param) => discriminated(op, param) !== "fixed");
  const members = op.parameters.map((param) => ({
    doc: docComment([param.description, param.deprecated ? "@deprecated" : undefined], "  "),
    key: propertyKey(param.inputKey),
    optional: discriminated(op, param) === "fixed" || (!param.required && discriminated(op, param) !== "required"),
    type: `NonNullable<${opTypeName}["parameters"][${jsString(param.in)}]>[${jsString(param.rawName)}]`,
  }));
  const body = op.requestBody?.content[0];
  if (op.requestBody && body) {
    members.push({
      doc: docComment([op.requestBody.description], "  "),
      key: "body",
      optional: !op.requestBody.required,
      type: viewedType(
        op,
        ["requestBody"],
        body,
        `NonNullable<${opTypeName}["requestBody"]>["content"]`,
        "request",
        bodyTypes,
      ),
    });
  }
  const spec = [`method: ${jsString(op.method.toUpperCase())}`, `path: ${jsString(op.path)}`];
  if (sent.length) spec.push(`params: [${sent.map((param) => paramSpec(param, param.inputKey)).join(", ")}]`);
  const fixed = fixedLiteral(op);
  if (fixed) spec.push(`fixed: ${fixed}`);
  if (op.requestBody && body) spec.push(`body: ${jsString(body.mediaType)}`);
  const security = securityLiteral(op, supported);
  if (security) spec.push(`security: ${security}`);
  const redirects = redirectResults(op);
  if (redirects.length) spec.push(`results: [${redirects.join(", ")}]`);
  const resultName = `${base}Result`;
  // `ApiError`, `ServerError`, `NetworkError`...: an operation named `api`, `server` or `network` must not redeclare them.
  const errorName = CLIENT_NAMES.includes(`${base}Error`) ? `${base}OperationError` : `${base}Error`;
  const required = members.filter((member) => !member.optional);
  const exampleArgs = required.map(
    (member) =>
      `${member.key}: ${member.key === "body" ? bodyExample(op, document) : parameterExample(op.parameters.find((p) => propertyKey(p.inputKey) === member.key)!, document)}`,
  );
  const args = exampleArgs.length ? `{ ${exampleArgs.join(", ")} }` : "";
  const call = `api.${op.group}.${op.name}(${args})`;
  return {
    name: op.name,
    fnName: op.id,
    fnDoc: docComment([op.summary, op.description, op.deprecated ? "@deprecated" : undefined]),
    group: op.group,
    doc: docComment([op.summary, op.description, op.deprecated ? "@deprecated" : undefined], "      "),
    opType: `paths[${jsString(op.pathKey)}][${jsString(op.method)}]`,
    opTypeName,
    paramsName: `${base}Params`,
    resultName,
    itemName: `${base}Item`,
    errorName,
    errorType: errorType(op, opTypeName, bodyTypes),
    problemName: `${base}Problem`,
    guardName: `is${errorName}`,
    specName: `${op.id}$spec`,
    specLiteral: `{ ${spec.join(", ")} }`,
    members,
    paramsOptional: required.length === 0,
    resultType: resultType(op, opTypeName, bodyTypes),
    pagination: op.pagination
      ? {
          scheme: schemeLiteral(op.pagination, keyOf),
          itemType: `ItemOf<${resultName}, ${op.pagination.itemsField === null ? "null" : pathLiteral(op.pagination.itemsField)}>`,
        }
      : null,
    readmeTitle: `${codeSpan(`${op.method.toUpperCase()} ${op.pathKey}`)}${op.summary ? ` — ${oneLine(markdownText(op.summary))}` : ""}`,
    readmeNotes: [firstParagraph(op.description), pagingNote(op) ?? ""].filter((note) => note !== ""),
    call: fenced(call),
    standaloneCall: fenced(`${op.id}(client${args ? ", " + args : ""})`),
    example: fenced(
      op.pagination ? `for await (const item of ${call}) console.log(item);` : `const result = await ${call};`,
    ),
  };
}

/** The first server's URL with its variables' defaults: the client's default `baseUrl`. */
export function defaultBaseUrl(model: ApiModel): string {
  const server = model.servers[0];
  if (!server) return "";
  return server.url.replace(/\{([^}]*)\}/g, (whole, name: string) => server.variables[name]?.default ?? whole);
}

function manualPagingExample(model: ApiModel): string {
  const op = model.operations.find((candidate) => candidate.pagination === null && pagingNote(candidate) !== null);
  if (!op) return "";
  return fenced(
    [
      `import { walkPages } from "./client.js";`,
      ``,
      `// next: the parameters of the following page (read from this page), or undefined after the last one.`,
      `for await (const page of walkPages((params) => api.${op.group}.${op.name}(params), {}, (page, params) => undefined)) console.log(page);`,
    ].join("\n"),
  );
}

/** "(kept by x, GET /p)" of a method rename's reason, as Markdown. */
const keeper = (reason: string) => {
  const match = /\(kept by (.*)\)$/.exec(reason);
  return match?.[1] ? ` (kept by ${markdownInline(match[1])})` : "";
};

/** Names client.ts exports or declares itself (besides the per-operation types): runtime classes, types, helpers. */
const CLIENT_NAMES = [
  "Problem",
  "Client",
  "BaseClient",
  "CallOptions",
  "Method",
  "OptionalParamsMethod",
  "WithResponse",
  "ClientOptions",
  "RequestOptions",
  "AuthOptions",
  "Credential",
  "RetryOptions",
  "PageOptions",
  "Paginated",
  "PagedMethod",
  "OptionalParamsPagedMethod",
  "ItemOf",
  "OperationSpec",
  "SecuritySchemeSpec",
  "PaginationError",
  "ApiError",
  "BadRequestError",
  "UnauthorizedError",
  "ForbiddenError",
  "NotFoundError",
  "ConflictError",
  "UnprocessableEntityError",
  "RateLimitError",
  "ServerError",
  "OtherStatusError",
  "OperationError",
  "ErrorWithStatus",
  "OperationErrorGuard",
  "FailedOperation",
  "NetworkError",
  "TimeoutError",
  "InvalidParameterError",
  "ResponseTooLargeError",
];

/** Schema types client.ts can re-export without clashing with a name of its own (the others: from schemas.ts). */
function schemaExports(schemaTypes: readonly { name: string }[], operations: OperationView[]): string[] {
  const taken = new Set([
    ...CLIENT_NAMES,
    ...operations.flatMap((op) => [
      op.opTypeName,
      op.paramsName,
      op.resultName,
      op.itemName,
      op.errorName,
      op.problemName,
      op.guardName,
    ]),
  ]);
  return schemaTypes.map((schema) => schema.name).filter((name) => !taken.has(name));
}

/** `call` with `options` (an object literal) as its second argument. */
function withOptions(op: OperationView, options: string): string {
  const args = op.call.replace(/^[^(]*\(|\)$/g, "");
  return `${op.call.slice(0, op.call.indexOf("("))}(${args || "{}"}, ${options})`;
}

function pagedWithResponseExample(op: OperationView | undefined): string {
  if (!op) return "// this API declares no paginated list operations";
  return [
    `const first = await ${withOptions(op, "{ withResponse: true }")};`,
    `console.log(first.response.headers.get("x-rate-limit-remaining"), first.data);`,
    `for await (const { data, response } of ${withOptions(op, "{ withResponse: true }")}.pages()) console.log(response.status, data);`,
  ].join("\n");
}

/** The first operation that documents an error status: a catch with its guard, for that status and for any. */
function typedErrorExample(model: ApiModel, operations: OperationView[]): string {
  // A status the caller handles in code (a conflict, a missing resource, a validation failure) shows the guard best.
  const rank = (status: string) => {
    const at = ["409", "404", "422"].indexOf(status);
    return at < 0 ? 3 : at;
  };
  const documented = model.operations
    .flatMap((op, index) => {
      const response = op.responses
        .filter((r) => r.kind === "error" && /^\d{3}$/.test(r.status))
        .sort((a, b) => rank(a.status) - rank(b.status))[0];
      const view = operations[index];
      return response && view ? [{ response, view }] : [];
    })
    .sort((a, b) => rank(a.response.status) - rank(b.response.status))[0];
  const view = documented?.view ?? operations[0];
  if (!view) return "// this API declares no operations";
  const status = documented?.response.status;
  const body = documented?.response.content[0]?.schemaName;
  return fenced(
    [
      `import { ${view.guardName} } from "./client.js";`,
      ``,
      `try {`,
      `  await ${view.call};`,
      `} catch (error) {`,
      ...(status
        ? [
            `  if (${view.guardName}(error, ${status})) console.error(error.problem); // the ${status} body${body ? ` (${jsString(body).slice(1, -1)})` : ""}`,
          ]
        : []),
      `  ${status ? "else if" : "if"} (${view.guardName}(error)) console.error(error.status, error.requestId, error.problem); // ${view.errorName}`,
      `  else throw error;`,
      `}`,
    ].join("\n"),
  );
}

function withResponseCall(op: OperationView | undefined): string {
  return op ? withOptions(op, "{ withResponse: true }") : "api.group.operation({}, { withResponse: true })";
}

function standaloneExample(op: OperationView | undefined, baseUrl: string): string {
  if (!op) return "// this API declares no operations";
  return [
    `import { createBaseClient, ${op.fnName} } from "./client.js";`,
    ``,
    `const client = createBaseClient({ baseUrl: ${jsString(baseUrl || "https://api.example.com")} });`,
    op.pagination
      ? `for await (const item of ${op.standaloneCall}) console.log(item);`
      : `const result = await ${op.standaloneCall};`,
  ].join("\n");
}

/** The first paragraph of a description as README Markdown ("" when none). */
function firstParagraph(text: string | undefined): string {
  return markdownText(text?.split(/\n\s*\n/)[0] ?? "");
}

const oneLine = (markdown: string) => markdown.replace(/\s*\n\s*/g, " ");

/** `document` (the bundled spec) only resolves `$ref`s when README examples are sampled from schemas. */
/** `types`: the document types.ts is made from, when the caller has it already (else made here). */
export function clientView(model: ApiModel, document?: SampleDocument, types?: TypesInput): ClientView {
  const schemes = model.securitySchemes.flatMap((scheme) => {
    const spec = supportedScheme(scheme);
    return spec ? [{ key: propertyKey(scheme.rawName), spec, scheme }] : [];
  });
  const supported = new Set(schemes.map(({ scheme }) => scheme.rawName));
  const ids = new Set(model.operations.map((op) => op.id));
  // A guard's name (`isGetTaskError`) that another operation's function has: the guard takes a "$" (ids never do).
  const views = document ? visibility(model, document as Readonly<Record<string, unknown>>, types) : undefined;
  const bodyTypes = views?.any ? views.bodyType : NO_VIEWS;
  const operations = model.operations
    .map((op) => operationView(op, supported, document, bodyTypes))
    .map((op) => (ids.has(op.guardName) ? { ...op, guardName: `${op.guardName}$` } : op));
  const groups = model.groups.map((group) => ({
    name: group.safeName,
    doc: docComment([group.description], "    "),
    operations: operations.filter((op) => op.group === group.safeName),
  }));
  const apiKeys = schemes.flatMap(({ scheme }) =>
    scheme.kind === "api-key"
      ? [{ name: markdownInline(scheme.rawName), where: markdownInline(`${scheme.in} ${scheme.paramName}`) }]
      : [],
  );
  const httpSchemes = schemes.flatMap(({ scheme }) =>
    scheme.kind === "http-other"
      ? [{ name: markdownInline(scheme.rawName), scheme: markdownInline(scheme.scheme) }]
      : [],
  );
  const auth = {
    httpSchemes,
    bearer: schemes.some(({ scheme }) => scheme.kind === "http-bearer"),
    basic: schemes.some(({ scheme }) => scheme.kind === "http-basic"),
    apiKeys,
    oauth: schemes.some(({ scheme }) => scheme.kind === "oauth2" || scheme.kind === "openid-connect"),
    none: schemes.length === 0,
  };
  const firstPaged = operations.find((op) => op.pagination);
  const schemaTypes = views?.any
    ? views.schemaTypes
    : model.schemas.map((schema) => ({
        name: schema.safeName,
        type: `components["schemas"][${jsString(schema.rawName)}]`,
      }));
  const authExample = auth.bearer
    ? `auth: { bearer: process.env.API_TOKEN }`
    : auth.oauth
      ? `auth: { accessToken: () => getAccessToken() }`
      : auth.apiKeys.length
        ? `auth: { apiKey: process.env.API_KEY }`
        : auth.basic
          ? `auth: { basic: { username: "user", password: "secret" } }`
          : "";
  return {
    title: jsString(model.title),
    titleDoc: docComment([`Client for ${model.title} (version ${model.version.raw}).`]),
    defaultBaseUrl: jsString(defaultBaseUrl(model)),
    problemType: problemType(model),
    importsComponents: [
      problemType(model),
      ...operations.flatMap((op) => [op.errorType, op.resultType, ...op.members.map((m) => m.type)]),
    ].some((type) => type.includes("components[")),
    importsSchemas: operations.some((op) =>
      [op.errorType, op.resultType, ...op.members.map((m) => m.type)].some((type) => type.includes("schemas$.")),
    ),
    securitySchemes: schemes.map(({ key, spec }) => ({ key, spec })),
    hasPagination: operations.some((op) => op.pagination),
    hasOperations: operations.length > 0,
    groups,
    schemaTypes,
    schemasImportComponents: schemaTypes.some((schema) => schema.type.includes("components[")),
    // After every operation view: their bodies may need a helper too.
    schemaHelpers: views?.helperTypes() ?? [],
    clientSchemaExports: schemaExports(schemaTypes, operations),
    auth,
    readme: {
      title: markdownInline(model.title),
      description: firstParagraph(model.description),
      source: codeSpan(model.source),
      authExample: fenced(
        `const api = createClient({ baseUrl: ${jsString(defaultBaseUrl(model) || "https://api.example.com")}${authExample ? ", " + authExample : ""} });`,
      ),
      paginationExample: firstPaged ? firstPaged.example : `// this API declares no paginated list operations`,
      manualPagingExample: manualPagingExample(model),
      typedErrorExample: typedErrorExample(model, operations),
      pagedWithResponseExample: pagedWithResponseExample(firstPaged),
      standaloneExample: standaloneExample(operations[0], defaultBaseUrl(model)),
      withResponseCall: withResponseCall(operations.find((op) => op.pagination === null)),
      methodRenames: model.renames
        .filter((r) => r.kind === "method")
        .map(
          (r) =>
            `${codeSpan(`${r.where}.${r.got}`)} (${codeSpan(r.operation)}): ${codeSpan(r.wanted)} is taken${keeper(r.reason)}`,
        ),
      parameterRenames: model.renames
        .filter((r) => r.kind === "parameter")
        .map(
          (r) =>
            `${codeSpan(r.operation)}: the ${markdownInline(r.where)} parameter is the key ${codeSpan(r.got)} (${markdownInline(r.reason.replace(/`/g, ""))})`,
        ),
    },
  };
}

/** RFC 9457 Problem Details with CONVENTIONS.md §3's `code` and `errors`: what the server sends without an error schema. */
const RFC_9457_PROBLEM =
  "{ type: string; title: string; status: number; detail?: string; instance?: string; code: string; errors?: { field: string; code: string; message: string }[] }";

/** The body of every failure the generated server answers with: the spec's error schema, else an RFC 9457 problem. */
function problemType(model: ApiModel): string {
  const errors = model.errorSchema;
  if (errors === null) return RFC_9457_PROBLEM;
  if (errors.name !== null) return `components["schemas"][${jsString(errors.name)}]`;
  if (errors.usedBy === null) return "unknown";
  const { path, method, status, mediaType } = errors.usedBy;
  return `paths[${jsString(path)}][${jsString(method)}]["responses"][${jsString(status)}]["content"][${jsString(mediaType)}]`;
}
