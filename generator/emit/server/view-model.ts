// View models for the server templates, built from the IR. Every spec string that reaches generated code goes
// through `literal` (a string/JSON literal) or `docComment`; templates insert them verbatim and add no logic.
import type { ApiModel, Operation, Parameter, Response, SecurityRequirement, SecurityScheme } from "../../model/ir.js";
import type { ErrorPayload } from "../../../templates/runtime/server/error-payload.js";
import { docComment, jsLiteral as literal, lineCommentText } from "../shared/code-literals.js";
import { Code, prettyLiteral } from "../shared/pretty-literal.js";
import { pageBounds } from "./page-bounds.js";
import type { CompiledValidators } from "./validators.js";
import { bodyKindOf } from "../../../templates/runtime/server/media-type.js";
import { segmentPathValues } from "./path-values.js";

export interface OperationView {
  id: string;
  /** `ListPetsRequest`: the handler's name in PascalCase, then `Request` (a number appended if taken). */
  requestType: string;
  /** The declaration's name: generic in the principal `P` only when its `auth` carries one. */
  requestTypeHead: string;
  /** How `Handlers<P>` refers to it. */
  requestTypeRef: string;
  /** Doc comments of the request type and the result type. */
  requestDoc: string;
  resultDoc: string;
  resultType: string;
  doc: string;
  /** `paths["/pets"]["get"]` */
  opType: string;
  pathType: string;
  queryType: string;
  headerType: string;
  cookieType: string;
  bodyType: string;
  authType: string;
  pageType: string;
  /** "\n  | A\n  | B", or " never" */
  resultUnion: string;
  spec: string;
}

export interface ServerView {
  header: string;
  titleComment: string;
  basePath: string;
  basePaths: string;
  schemes: string;
  schemeNames: string;
  requestHeaders: string;
  responseHeaders: string;
  /** `errorPayload: {...},` for the api description, or "" (RFC 9457 problems). */
  errorPayload: string;
  /**
   * Per-status error payloads shared by name: GitHub's 1,200 operations repeat a handful, and as a thousand inline
   * literals in one array TypeScript gives up on their union (TS2590). Declared once each, typed once.
   */
  errorConstants: { name: string; literal: string }[];
  operations: OperationView[];
  hasParamValidators: boolean;
  hasBodyValidators: boolean;
}

export function buildServerView(model: ApiModel, validators: CompiledValidators, header: string): ServerView {
  const typeNames = new Set<string>();
  const uniqueType = (base: string): string => {
    let name = base;
    for (let i = 2; typeNames.has(name); i++) name = `${base}${i}`;
    typeNames.add(name);
    return name;
  };
  const schemes = schemeSpecs(model.securitySchemes);
  const requestHeaders = new Set<string>();
  const responseHeaders = new Set<string>();
  for (const op of model.operations) {
    for (const param of op.parameters) if (param.in === "header") requestHeaders.add(param.rawName);
    for (const response of op.responses) for (const h of response.headers) responseHeaders.add(h.rawName);
  }
  for (const scheme of model.securitySchemes)
    if (scheme.kind === "api-key" && scheme.in === "header") requestHeaders.add(scheme.paramName);

  const errorConstants: { name: string; literal: string }[] = [];
  const sharedErrors = new Map<string, Code>();
  const errorsOf = (payloads: NonNullable<Operation["errorPayloads"]>): Code => {
    const key = JSON.stringify(payloads);
    let reference = sharedErrors.get(key);
    if (reference === undefined) {
      const name = `ERRORS_${errorConstants.length + 1}`;
      errorConstants.push({ name, literal: prettyLiteral(payloads, "", name.length + 25) });
      reference = new Code(name);
      sharedErrors.set(key, reference);
    }
    return reference;
  };
  const operations = model.operations.map((op): OperationView => {
    const pascal = op.id.charAt(0).toUpperCase() + op.id.slice(1);
    const opType = `paths[${literal(op.pathKey)}][${literal(op.method)}]`;
    const bodyType = requestBodyType(op, opType);
    const requestType = uniqueType(`${pascal}Request`);
    const auth = authType(op.security);
    const generic = /\bP\b/.test(auth);
    const place = lineCommentText(`${op.method.toUpperCase()} ${op.pathKey}`);
    return {
      id: op.id,
      requestType,
      requestTypeHead: generic ? `${requestType}<P = unknown>` : requestType,
      requestTypeRef: generic ? `${requestType}<P>` : requestType,
      requestDoc: docComment([`What \`${op.id}\` receives (${place}).`], ""),
      resultDoc: docComment([`What \`${op.id}\` may answer: one of the documented responses.`], ""),
      resultType: uniqueType(`${pascal}Result`),
      doc: docComment(
        [op.summary, `${op.method.toUpperCase()} ${op.pathKey}`, op.deprecated ? "@deprecated" : undefined],
        "  ",
      ),
      opType,
      pathType: paramsType(op, "path", opType),
      queryType: paramsType(op, "query", opType),
      headerType: paramsType(op, "header", opType),
      cookieType: paramsType(op, "cookie", opType),
      bodyType,
      authType: auth,
      pageType:
        op.pagination?.kind === "cursor"
          ? "rt.CursorPage"
          : op.pagination?.kind === "offset"
            ? "rt.OffsetPage"
            : "undefined",
      resultUnion: unionOf(
        op.responses.filter((r) => r.kind !== "informational").map((response) => resultType(response, opType)),
      ),
      spec: operationSpec(op, validators, schemes, errorsOf),
    };
  });

  return {
    header,
    titleComment: lineCommentText(model.title).replace(/\*\//g, "*\\/"),
    basePath: literal(model.basePath),
    basePaths: apiMember("basePaths", model.basePaths),
    schemes: apiMember("schemes", schemes),
    schemeNames:
      model.securitySchemes.length === 0 ? "never" : model.securitySchemes.map((s) => literal(s.rawName)).join(" | "),
    requestHeaders: apiMember("requestHeaders", [...requestHeaders].sort()),
    responseHeaders: apiMember("responseHeaders", [...responseHeaders].sort()),
    errorPayload: errorPayloadLine(model),
    errorConstants,
    operations,
    hasParamValidators: validators.exports.params.length > 0,
    hasBodyValidators: validators.exports.bodies.length > 0,
  };
}

/** A member of server.ts's `api` object (indented two spaces), its value formatted. */
function apiMember(key: string, value: unknown): string {
  return prettyLiteral(value, "  ", key.length + 4);
}

/** The IR's recipe, as the runtime reads it. */
function errorPayloadLine(model: ApiModel): string {
  if (model.errorSchema === null) return "";
  const spec: ErrorPayload = { mediaType: model.errorSchema.mediaType, payload: model.errorSchema.payload };
  const name =
    model.errorSchema.name === null
      ? "the spec's inline error schema"
      : `the spec's error schema ${model.errorSchema.name}`;
  return `// Failures answer in ${lineCommentText(name)}, filled as runtime/server/error-payload.ts reads this recipe.
  errorPayload: ${apiMember("errorPayload", spec)},`;
}

/**
 * What the handler's `body` is: the declared type of each media type read as data, a Buffer for binary ones
 * (and ranges, which may receive either); in a multipart body, each file property is an `rt.Upload` (or a list).
 */
function requestBodyType(op: Operation, opType: string): string {
  if (op.requestBody === null) return "undefined";
  const members = new Set<string>();
  for (const { mediaType, formFields } of op.requestBody.content) {
    const kind = bodyKindOf(mediaType);
    const declared = `rt.RequestBodyOf<${opType}, ${literal(mediaType)}>`;
    const files = (formFields ?? []).filter((field) => field.file === true).map((field) => literal(field.name));
    if (mediaType.split(";")[0]?.trim().endsWith("/*") === true) members.add(declared).add("Buffer");
    else if (kind === "binary") members.add("Buffer");
    else if (kind === "multipart")
      members.add(files.length === 0 ? declared : `rt.WithUploads<${declared}, ${files.join(" | ")}>`);
    else members.add(declared);
  }
  if (!op.requestBody.required || members.size === 0) members.add("undefined");
  return [...members].join(" | ");
}

function unionOf(members: string[]): string {
  return members.length === 0 ? " never" : members.map((member) => `\n  | ${member}`).join("");
}

function paramsType(op: Operation, location: Parameter["in"], opType: string): string {
  return op.parameters.some((param) => param.in === location)
    ? `rt.ParamsIn<${opType}, ${literal(location)}>`
    : "rt.NoParams";
}

function authType(security: readonly SecurityRequirement[]): string {
  if (security.length === 0) return "undefined";
  const anonymous = security.some((requirement) => requirement.schemes.length === 0);
  return anonymous ? "rt.AuthContext<P> | undefined" : "rt.AuthContext<P>";
}

function resultType(response: Response, opType: string): string {
  const numeric = /^\d{3}$/.test(response.status);
  const status = numeric ? response.status : "number";
  const key = numeric ? response.status : literal(response.status);
  const media = response.content[0]?.mediaType;
  const body =
    media === undefined ? "body?: undefined" : `body: rt.ResponseBodyOf<${opType}, ${key}, ${literal(media)}>`;
  const location = response.status === "201" ? " location: string;" : "";
  return `({ status: ${status}; ${body};${location} } & rt.ResultExtras)`;
}

type SchemeSpecLiteral =
  | { kind: "bearer" | "basic"; name: string }
  | { kind: "http"; name: string; scheme: string }
  | { kind: "api-key"; name: string; in: "header" | "query" | "cookie"; paramName: string };

/** Built with fromEntries so that a scheme named `__proto__` is an own entry like any other. */
function schemeSpecs(schemes: readonly SecurityScheme[]): Record<string, SchemeSpecLiteral> {
  return Object.fromEntries(
    schemes.flatMap((scheme) => {
      const spec = schemeSpec(scheme);
      return spec === undefined ? [] : [[scheme.rawName, spec]];
    }),
  );
}

function schemeSpec(scheme: SecurityScheme): SchemeSpecLiteral | undefined {
  // OAuth2 and OpenID Connect present access tokens as bearer tokens; the verifier checks them.
  if (scheme.kind === "http-bearer" || scheme.kind === "oauth2" || scheme.kind === "openid-connect")
    return { kind: "bearer", name: scheme.rawName };
  if (scheme.kind === "http-basic") return { kind: "basic", name: scheme.rawName };
  if (scheme.kind === "http-other") return { kind: "http", name: scheme.rawName, scheme: scheme.scheme };
  if (scheme.kind === "api-key")
    return { kind: "api-key", name: scheme.rawName, in: scheme.in, paramName: scheme.paramName };
  return undefined;
}

/**
 * The operation's entry in server.ts's operations table: one member per line, each value formatted on its own
 * (prettyLiteral), validators referenced by name.
 */
function operationSpec(
  op: Operation,
  validators: CompiledValidators,
  schemes: Record<string, SchemeSpecLiteral>,
  errorsOf: (payloads: NonNullable<Operation["errorPayloads"]>) => Code,
): string {
  const names = validators.byOperation.get(op.id) ?? {};
  const params = (location: Parameter["in"]) =>
    op.parameters
      .filter((param) => param.in === location)
      .map((param) => ({ name: param.rawName, style: param.style, explode: param.explode, shape: param.shape }));
  // The verdict modules' exports; the details modules (what was wrong, once invalid) export the same names and are
  // loaded after start-up, so they are named here rather than imported.
  const references = (reference: (module: "param" | "body", name: string) => unknown): Record<string, unknown> => {
    const entries: [string, unknown][] = (["path", "query", "header", "cookie"] as const)
      .filter((location) => names[location] !== undefined)
      .map((location) => [location, reference("param", names[location] ?? "")]);
    const bodies = Object.entries(names.bodies ?? {}).map(([mediaType, name]) => [mediaType, reference("body", name)]);
    if (bodies.length > 0) entries.push(["bodies", Object.fromEntries(bodies)]);
    return Object.fromEntries(entries);
  };
  const forms = Object.fromEntries(
    (op.requestBody?.content ?? []).flatMap((c) => (c.formFields === undefined ? [] : [[c.mediaType, c.formFields]])),
  );
  const textForms = (op.requestBody?.content ?? []).filter((c) => c.formText === true).map((c) => c.mediaType);
  const body =
    op.requestBody === null
      ? null
      : {
          required: op.requestBody.required,
          mediaTypes: op.requestBody.content.map((c) => c.mediaType),
          ...(Object.keys(forms).length > 0 ? { forms } : {}),
          ...(textForms.length > 0 ? { textForms } : {}),
        };
  const security = op.security.map((requirement) =>
    requirement.schemes.map((scheme) => ({ scheme: scheme.rawName, scopes: scheme.scopes })),
  );
  const unknownSchemes = op.security
    .flatMap((r) => r.schemes)
    .filter((s) => !Object.hasOwn(schemes, s.rawName))
    .map((s) => s.rawName);
  // fromEntries: a status or media type named `__proto__` is an own entry like any other.
  const responses = Object.fromEntries(
    op.responses.map((response) => [response.status, response.content[0]?.mediaType ?? null]),
  );
  const members: [string, unknown][] = [
    ["id", op.id],
    ...(op.operationId !== undefined && op.operationId !== op.id
      ? [["operationId", op.operationId] as [string, unknown]]
      : []),
    ["method", op.method],
    ["path", op.path],
    ...(op.pathKey !== op.path ? [["pathKey", op.pathKey] as [string, unknown]] : []),
    ...(op.discriminator !== null ? [["discriminator", op.discriminator] as [string, unknown]] : []),
    ["params", { path: params("path"), query: params("query"), header: params("header"), cookie: params("cookie") }],
    ["validate", references((module, name) => new Code(`${module}Validators.${name}`))],
    ["detailNames", references((_module, name) => name)],
    ["body", body],
    ["invalidBodyStatus", invalidBodyStatus(op)],
    ["security", security],
    ["paging", pagingSpec(op)],
    ["responses", responses],
    ...(op.errorPayloads !== undefined ? [["errors", errorsOf(op.errorPayloads)] as [string, unknown]] : []),
  ];
  const pathValues = segmentPathValues(op);
  if (pathValues !== undefined) members.push(["pathValues", pathValues]);
  const indent = "      ";
  const lines = members.map(
    ([key, value]) => `${indent}${key}: ${prettyLiteral(value, indent, indent.length + key.length + 2)},`,
  );
  const note =
    unknownSchemes.length > 0
      ? `    // Unsupported security schemes (never satisfied): ${lineCommentText(unknownSchemes.join(", "))}\n`
      : "";
  return `${note}    {\n${lines.join("\n")}\n    }`;
}

function pagingSpec(op: Operation): unknown {
  const pagination = op.pagination;
  if (pagination === null) return null;
  if (pagination.kind === "cursor")
    return {
      kind: "cursor",
      tokenParam: pagination.tokenParam,
      sizeParam: pagination.sizeParam,
      ...pageBounds(op, pagination.sizeParam),
      ...(pagination.tokenEncoding === undefined ? {} : { tokenEncoding: pagination.tokenEncoding }),
    };
  if (pagination.kind === "offset") {
    const { offsetParam, limitParam, itemsField, totalField } = pagination;
    return {
      kind: "offset",
      offsetParam,
      limitParam,
      ...pageBounds(op, limitParam),
      itemsField,
      totalField,
      linkHeader: declaresLinkHeader(op),
    };
  }
  return null; // link / after styles: the handler pages itself (see the client for those styles)
}

/** The runtime answers offset pages with an RFC 8288 Link header only where the spec declares one. */
function declaresLinkHeader(op: Operation): boolean {
  return op.responses.some(
    (response) =>
      response.kind === "success" && response.headers.some((header) => header.rawName.toLowerCase() === "link"),
  );
}

/**
 * Schema violations of a JSON body answer 400 ("malformed or fails validation") unless the operation documents
 * 422 and not 400: then the spec says validation failures are 422. A spec with both keeps 422 for its own
 * business rules, which the handler returns.
 */
function invalidBodyStatus(op: Operation): 400 | 422 {
  const documents = (status: string) => op.responses.some((response) => response.status === status);
  return documents("422") && !documents("400") ? 422 : 400;
}
