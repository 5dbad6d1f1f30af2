// IR -> the view models the client templates render. Every string from the spec leaves here as a safe code
// fragment (string literal, doc comment, property key) or a safe identifier from the model: templates insert verbatim.
import type { ApiModel, MediaContent, Operation, Pagination, Parameter, SecurityScheme } from "../../model/ir.js";
import { codeSpan, docComment, jsString, markdownInline, markdownText, propertyKey } from "../shared/code-literals.js";
import { bodyExample, pagingNote, parameterExample, type SampleDocument } from "./readme-view.js";

export interface ClientView {
  title: string;
  titleDoc: string;
  defaultBaseUrl: string;
  problemType: string;
  /** Whether client.ts needs types.ts's `components` (only the problem type names it); unused imports break noUnusedLocals. */
  importsComponents: boolean;
  securitySchemes: { key: string; spec: string }[];
  hasPagination: boolean;
  groups: GroupView[];
  /** Every component schema as a named type (schemas.ts). */
  schemaTypes: { name: string; type: string }[];
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
  /** The body of this operation's error responses (each documented error status), else the API's Problem. */
  errorName: string;
  errorType: string;
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
  errorExample: string;
  /** Imports and calls the first operation as a standalone function. */
  standaloneExample: string;
  /** A call of the first non-paginated operation with `{ withResponse: true }`. */
  withResponseCall: string;
  /** Markdown list items: method names resolved to stay unique, and parameters whose key is not their wire name. */
  methodRenames: string[];
  parameterRenames: string[];
}

const isJson = (mediaType: string) => /[/+]json\b/i.test(mediaType) || mediaType === "*/*";
/** Code shown in a Markdown fence: a backtick (only ever inside a string literal here) must not end the fence. */
const fenced = (code: string) => code.replace(/`/g, "\\u0060");
const pascal = (identifier: string) => identifier.charAt(0).toUpperCase() + identifier.slice(1);

function mediaType(content: MediaContent, base: string): string {
  if (isJson(content.mediaType) || /x-www-form-urlencoded/i.test(content.mediaType)) return `${base}[${jsString(content.mediaType)}]`;
  if (/multipart\/form-data/i.test(content.mediaType)) return "FormData";
  return /^text\//i.test(content.mediaType) ? "string" : "Blob";
}

function resultType(op: Operation, opTypeName: string): string {
  const types = new Set<string>();
  for (const response of op.responses.filter((r) => r.kind === "success")) {
    const content = response.content[0];
    types.add(content ? mediaType(content, `${opTypeName}["responses"][${jsString(response.status)}]["content"]`) : "undefined");
  }
  return types.size ? [...types].join(" | ") : "unknown";
}

/** The union of the operation's documented error bodies (4XX, 5XX, default), JSON first; `Problem` when it has none. */
function errorType(op: Operation, opTypeName: string): string {
  const types = new Set<string>();
  for (const response of op.responses.filter((r) => r.kind === "error" || r.kind === "default")) {
    const content = response.content[0];
    // A body that is a component schema is named by it: one short union rather than one member per status.
    if (content?.schemaName && isJson(content.mediaType)) types.add(`components["schemas"][${jsString(content.schemaName)}]`);
    else if (content) types.add(mediaType(content, `${opTypeName}["responses"][${jsString(response.status)}]["content"]`));
  }
  return types.size ? [...types].join(" | ") : "Problem";
}

function paramSpec(param: Parameter, key: string): string {
  const defaultStyle = param.in === "query" || param.in === "cookie" ? "form" : "simple";
  const extra: string[] = [];
  if (key !== param.rawName) extra.push(`key: ${jsString(key)}`);
  if (param.style !== defaultStyle) extra.push(`style: ${jsString(param.style)}`);
  if (param.explode !== (param.style === "form")) extra.push(`explode: ${param.explode}`);
  return `[${jsString(param.in)}, ${jsString(param.rawName)}${extra.length ? `, { ${extra.join(", ")} }` : ""}]`;
}

function supportedScheme(scheme: SecurityScheme): string | null {
  switch (scheme.kind) {
    case "http-bearer": return `{ type: "bearer" }`;
    case "http-basic": return `{ type: "basic" }`;
    case "oauth2":
    case "openid-connect": return `{ type: "oauth2" }`;
    case "api-key": return `{ type: "apiKey", in: ${jsString(scheme.in)}, name: ${jsString(scheme.paramName)} }`;
    default: return null;
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
  const optional = (member: string, path: readonly string[] | null) => (path === null ? "" : `, ${member}: ${pathLiteral(path)}`);
  const items = optional("items", pagination.itemsField);
  switch (pagination.kind) {
    case "cursor": return `{ kind: "cursor", token: ${jsString(key(pagination.tokenParam))}, next: ${pathLiteral(pagination.nextTokenField)}${optional("hasMore", pagination.hasMoreField)}${items} }`;
    case "offset": {
      const signals = optional("isLast", pagination.isLastField) + optional("hasMore", pagination.hasMoreField) + optional("total", pagination.totalField);
      return `{ kind: "offset", offset: ${jsString(key(pagination.offsetParam))}, limit: ${jsString(key(pagination.limitParam))}${signals}${items} }`;
    }
    case "link": return `{ kind: "link"${items} }`;
    case "after": return `{ kind: "after", after: ${jsString(key(pagination.afterParam))}, cursor: ${pathLiteral(pagination.cursorField)}, hasMore: ${pathLiteral(pagination.hasMoreField)}${items} }`;
  }
}

/** The discriminator's wire values the client adds itself ([location, name, value or null for a bare name]): every
 * constant, and each name that must be present but no parameter supplies. */
function fixedLiteral(op: Operation): string | null {
  const entries: string[] = [];
  for (const [location, list] of [["query", op.discriminator?.query ?? []], ["header", op.discriminator?.headers ?? []]] as const) {
    for (const entry of list) {
      if (entry.value === undefined && discriminatorParam(op, location, entry.name)) continue;
      entries.push(`[${jsString(location)}, ${jsString(entry.name)}, ${entry.value === undefined ? "null" : jsString(entry.value)}]`);
    }
  }
  return entries.length ? `[${entries.join(", ")}]` : null;
}

/** The declared parameter a discriminator entry names (headers case-insensitively, RFC 9110 §5.1). */
function discriminatorParam(op: Operation, location: "query" | "header", name: string): Parameter | undefined {
  return op.parameters.find((p) => p.in === location && (location === "header" ? p.rawName.toLowerCase() === name.toLowerCase() : p.rawName === name));
}

/** How the discriminator changes a parameter: `fixed` (a constant the client sends: not sent from the input, optional),
 * `required` (its presence selects the operation). */
function discriminated(op: Operation, param: Parameter): "fixed" | "required" | null {
  if (param.in !== "query" && param.in !== "header") return null;
  const list = (param.in === "query" ? op.discriminator?.query : op.discriminator?.headers) ?? [];
  const entry = list.find((e) => discriminatorParam(op, param.in as "query" | "header", e.name) === param);
  return entry === undefined ? null : entry.value === undefined ? "required" : "fixed";
}

function operationView(op: Operation, supported: Set<string>, document: SampleDocument): OperationView {
  const base = pascal(op.id);
  const opTypeName = `${base}Op`;
  const keyOf = (rawName: string) => op.parameters.find((p) => p.rawName === rawName && p.in === "query")?.inputKey ?? rawName;
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
      type: mediaType(body, `NonNullable<${opTypeName}["requestBody"]>["content"]`),
    });
  }
  const spec = [`method: ${jsString(op.method.toUpperCase())}`, `path: ${jsString(op.path)}`];
  if (sent.length) spec.push(`params: [${sent.map((param) => paramSpec(param, param.inputKey)).join(", ")}]`);
  const fixed = fixedLiteral(op);
  if (fixed) spec.push(`fixed: ${fixed}`);
  if (op.requestBody && body) spec.push(`body: ${jsString(body.mediaType)}`);
  const security = securityLiteral(op, supported);
  if (security) spec.push(`security: ${security}`);
  const resultName = `${base}Result`;
  const required = members.filter((member) => !member.optional);
  const exampleArgs = required.map((member) => `${member.key}: ${member.key === "body" ? bodyExample(op, document) : parameterExample(op.parameters.find((p) => propertyKey(p.inputKey) === member.key)!, document)}`);
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
    errorName: `${base}Error`,
    errorType: errorType(op, opTypeName),
    specName: `${op.id}$spec`,
    specLiteral: `{ ${spec.join(", ")} }`,
    members,
    paramsOptional: required.length === 0,
    resultType: resultType(op, opTypeName),
    pagination: op.pagination
      ? { scheme: schemeLiteral(op.pagination, keyOf), itemType: `ItemOf<${resultName}, ${op.pagination.itemsField === null ? "null" : pathLiteral(op.pagination.itemsField)}>` }
      : null,
    readmeTitle: `${codeSpan(`${op.method.toUpperCase()} ${op.pathKey}`)}${op.summary ? ` — ${oneLine(markdownText(op.summary))}` : ""}`,
    readmeNotes: [firstParagraph(op.description), pagingNote(op) ?? ""].filter((note) => note !== ""),
    call: fenced(call),
    standaloneCall: fenced(`${op.id}(client${args ? ", " + args : ""})`),
    example: fenced(op.pagination ? `for await (const item of ${call}) console.log(item);` : `const result = await ${call};`),
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
  return fenced([
    `import { walkPages } from "./client.js";`,
    ``,
    `// next: the parameters of the following page (read from this page), or undefined after the last one.`,
    `for await (const page of walkPages((params) => api.${op.group}.${op.name}(params), {}, (page, params) => undefined)) console.log(page);`,
  ].join("\n"));
}

/** "(kept by x, GET /p)" of a method rename's reason, as Markdown. */
const keeper = (reason: string) => {
  const match = /\(kept by (.*)\)$/.exec(reason);
  return match?.[1] ? ` (kept by ${markdownInline(match[1])})` : "";
};

/** Names client.ts exports or declares itself (besides the per-operation types): runtime classes, types, helpers. */
const CLIENT_NAMES = [
  "Problem", "Client", "BaseClient", "CallOptions", "Method", "OptionalParamsMethod", "WithResponse", "ClientOptions", "RequestOptions", "AuthOptions", "Credential", "RetryOptions",
  "PageOptions", "Paginated", "ItemOf", "OperationSpec", "SecuritySchemeSpec", "PaginationError", "ApiError",
  "BadRequestError", "UnauthorizedError", "ForbiddenError", "NotFoundError", "ConflictError", "UnprocessableEntityError",
  "RateLimitError", "ServerError", "NetworkError", "TimeoutError", "InvalidParameterError", "ResponseTooLargeError",
];

/** Schema types client.ts can re-export without clashing with a name of its own (the others: from schemas.ts). */
function schemaExports(model: ApiModel, operations: OperationView[]): string[] {
  const taken = new Set([...CLIENT_NAMES, ...operations.flatMap((op) => [op.opTypeName, op.paramsName, op.resultName, op.itemName, op.errorName])]);
  return model.schemas.map((schema) => schema.safeName).filter((name) => !taken.has(name));
}

function withResponseCall(op: OperationView | undefined): string {
  if (!op) return "api.group.operation({}, { withResponse: true })";
  const args = op.call.replace(/^[^(]*\(|\)$/g, "");
  return `${op.call.slice(0, op.call.indexOf("("))}(${args || "{}"}, { withResponse: true })`;
}

function standaloneExample(op: OperationView | undefined, baseUrl: string): string {
  if (!op) return "// this API declares no operations";
  return [
    `import { createBaseClient, ${op.fnName} } from "./client.js";`,
    ``,
    `const client = createBaseClient({ baseUrl: ${jsString(baseUrl || "https://api.example.com")} });`,
    op.pagination ? `for await (const item of ${op.standaloneCall}) console.log(item);` : `const result = await ${op.standaloneCall};`,
  ].join("\n");
}

/** The first paragraph of a description as README Markdown ("" when none). */
function firstParagraph(text: string | undefined): string {
  return markdownText(text?.split(/\n\s*\n/)[0] ?? "");
}

const oneLine = (markdown: string) => markdown.replace(/\s*\n\s*/g, " ");

/** `document` (the bundled spec) only resolves `$ref`s when README examples are sampled from schemas. */
export function clientView(model: ApiModel, document?: SampleDocument): ClientView {
  const schemes = model.securitySchemes.flatMap((scheme) => {
    const spec = supportedScheme(scheme);
    return spec ? [{ key: propertyKey(scheme.rawName), spec, scheme }] : [];
  });
  const supported = new Set(schemes.map(({ scheme }) => scheme.rawName));
  const operations = model.operations.map((op) => operationView(op, supported, document));
  const groups = model.groups.map((group) => ({
    name: group.safeName,
    doc: docComment([group.description], "    "),
    operations: operations.filter((op) => op.group === group.safeName),
  }));
  const apiKeys = schemes.flatMap(({ scheme }) => (scheme.kind === "api-key" ? [{ name: markdownInline(scheme.rawName), where: markdownInline(`${scheme.in} ${scheme.paramName}`) }] : []));
  const auth = {
    bearer: schemes.some(({ scheme }) => scheme.kind === "http-bearer"),
    basic: schemes.some(({ scheme }) => scheme.kind === "http-basic"),
    apiKeys,
    oauth: schemes.some(({ scheme }) => scheme.kind === "oauth2" || scheme.kind === "openid-connect"),
    none: schemes.length === 0,
  };
  const firstPaged = operations.find((op) => op.pagination);
  const firstGroup = groups[0]?.name ?? "group";
  const authExample = auth.bearer ? `auth: { bearer: process.env.API_TOKEN }` : auth.oauth ? `auth: { accessToken: () => getAccessToken() }`
    : auth.apiKeys.length ? `auth: { apiKey: process.env.API_KEY }` : auth.basic ? `auth: { basic: { username: "user", password: "secret" } }` : "";
  return {
    title: jsString(model.title),
    titleDoc: docComment([`Client for ${model.title} (version ${model.version.raw}).`]),
    defaultBaseUrl: jsString(defaultBaseUrl(model)),
    problemType: problemType(model),
    importsComponents: problemType(model).startsWith("components["),
    securitySchemes: schemes.map(({ key, spec }) => ({ key, spec })),
    hasPagination: operations.some((op) => op.pagination),
    groups,
    schemaTypes: model.schemas.map((schema) => ({ name: schema.safeName, type: `components["schemas"][${jsString(schema.rawName)}]` })),
    clientSchemaExports: schemaExports(model, operations),
    auth,
    readme: {
      title: markdownInline(model.title),
      description: firstParagraph(model.description),
      source: codeSpan(model.source),
      authExample: fenced(`const api = createClient({ baseUrl: ${jsString(defaultBaseUrl(model) || "https://api.example.com")}${authExample ? ", " + authExample : ""} });`),
      paginationExample: firstPaged ? firstPaged.example : `// this API declares no paginated list operations`,
      manualPagingExample: manualPagingExample(model),
      errorExample: `await ${groups[0]?.operations[0]?.call ?? `api.${firstGroup}.operation()`};`,
      standaloneExample: standaloneExample(operations[0], defaultBaseUrl(model)),
      withResponseCall: withResponseCall(operations.find((op) => op.pagination === null)),
      methodRenames: model.renames.filter((r) => r.kind === "method").map((r) => `${codeSpan(`${r.where}.${r.got}`)} (${codeSpan(r.operation)}): ${codeSpan(r.wanted)} is taken${keeper(r.reason)}`),
      parameterRenames: model.renames.filter((r) => r.kind === "parameter").map((r) => `${codeSpan(r.operation)}: the ${markdownInline(r.where)} parameter is the key ${codeSpan(r.got)} (${markdownInline(r.reason.replace(/`/g, ""))})`),
    },
  };
}

/** RFC 9457 Problem Details with CONVENTIONS.md §3's `code` and `errors`: what the server sends without an error schema. */
const RFC_9457_PROBLEM = "{ type: string; title: string; status: number; detail?: string; instance?: string; code: string; errors?: { field: string; code: string; message: string }[] }";

/** The body of every failure the generated server answers with: the spec's error schema, else an RFC 9457 problem. */
function problemType(model: ApiModel): string {
  const errors = model.errorSchema;
  if (errors === null) return RFC_9457_PROBLEM;
  if (errors.name !== null) return `components["schemas"][${jsString(errors.name)}]`;
  if (errors.usedBy === null) return "unknown";
  const { path, method, status, mediaType } = errors.usedBy;
  return `paths[${jsString(path)}][${jsString(method)}]["responses"][${jsString(status)}]["content"][${jsString(mediaType)}]`;
}
