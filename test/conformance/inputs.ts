// The inputs the conformance run sends to one operation: a valid one built from the spec (required parameters and
// the request body, from their examples when those fit the schema), and one the spec forbids (a required value
// left out, or a value of the wrong type), keyed as the generated client's parameters object is.
import { isFetchForbiddenMethod } from "../../generator/facts/http-methods.js";
import type { ApiModel, Operation, Parameter } from "../../generator/model/ir.js";
import { candidatesFor, firstValid } from "./samples.js";
import { deref, isObject, type SpecSchemas } from "./spec-schemas.js";
import { formCarries, nonEmptyForm, nonEmptySchema, routesElsewhere, wireCarries } from "./wire-values.js";

type Json = Record<string, unknown>;

export interface ValidInput {
  /** The generated client's parameters object (`body` for the request body). */
  input: Json;
  /** Why no valid input could be built (a value no candidate satisfies); the operation is then not exercised. */
  untestable?: string;
}

export interface InvalidInput {
  input: Json;
  /** What makes it invalid, for reports. */
  what: string;
}

const isJsonMedia = (mediaType: string) => /[/+]json\b/i.test(mediaType) || mediaType === "*/*";

/** The operation object in the bundled document (where parameter and body examples live). */
function operationNode(document: Json, op: Operation): { pathItem: Json; operation: Json } {
  const pathItem = deref(document, (document.paths as Json | undefined)?.[op.pathKey]) ?? {};
  return { pathItem, operation: deref(document, pathItem[op.method]) ?? {} };
}

function examplesOf(document: Json, node: Json | undefined): unknown[] {
  if (node === undefined) return [];
  const found: unknown[] = [];
  if (node.example !== undefined) found.push(node.example);
  if (isObject(node.examples))
    for (const example of Object.values(node.examples)) found.push(deref(document, example)?.value);
  return found;
}

function rawParameter(document: Json, op: Operation, param: Parameter): Json | undefined {
  const { pathItem, operation } = operationNode(document, op);
  const all = [
    ...(Array.isArray(operation.parameters) ? operation.parameters : []),
    ...(Array.isArray(pathItem.parameters) ? pathItem.parameters : []),
  ];
  const named = all.map((p) => deref(document, p)).filter((p) => p?.name === param.rawName);
  // A path parameter the key's query template carries is a query parameter in the model (model/path-key.ts).
  return named.find((p) => p?.in === param.in) ?? named.find((p) => p?.in === "path" && param.in === "query");
}

/**
 * Parameters the client fills from its `auth` option: the API keys of the one alternative it applies (auth.ts
 * applyAuth: the first whose schemes it can all send, anonymous ones last), each sent as a parameter of the same
 * name. A key of another alternative is not sent by auth: when it is also a required parameter (Trello: `key` OR
 * `token` as schemes, both required query parameters), the caller gives it, as the client's types demand.
 */
function credentialParameters(model: ApiModel, op: Operation): Set<string> {
  const schemes = new Map(model.securitySchemes.map((s) => [s.rawName, s]));
  const sendable = op.security.filter((requirement) =>
    requirement.schemes.every((s) => {
      const kind = schemes.get(s.rawName)?.kind;
      return kind !== undefined && kind !== "unsupported";
    }),
  );
  const applied = sendable.find((requirement) => requirement.schemes.length > 0);
  return new Set(
    (applied?.schemes ?? []).flatMap(({ rawName }) => {
      const s = schemes.get(rawName);
      return s?.kind === "api-key" ? [`${s.in} ${s.paramName.toLowerCase()}`] : [];
    }),
  );
}

/** The scheme type (mutualTLS: a client certificate) when every alternative of the operation's security needs one. */
function unsendableSecurity(model: ApiModel, op: Operation): string | undefined {
  const unsupported = new Map(
    model.securitySchemes.flatMap((s) => (s.kind === "unsupported" ? [[s.rawName, s.type] as const] : [])),
  );
  const needs = op.security.map((requirement) =>
    requirement.schemes.map((s) => unsupported.get(s.rawName)).find((type) => type !== undefined),
  );
  return needs.length > 0 && needs.every((type) => type !== undefined) ? needs[0] : undefined;
}

function isCredential(credentials: Set<string>, param: Parameter): boolean {
  return credentials.has(`${param.in} ${param.rawName.toLowerCase()}`);
}

export function validInput(model: ApiModel, document: Json, schemas: SpecSchemas, op: Operation): ValidInput {
  const credentials = credentialParameters(model, op);
  const input: Json = {};
  const unsendable = unsendableSecurity(model, op);
  if (unsendable !== undefined)
    return {
      input,
      untestable: `every security alternative needs a ${unsendable} credential, which no request field carries`,
    };
  // edrv.io `101 Switching Protocols` (a WebSocket handshake): an interim answer, after which the connection speaks
  // another protocol (RFC 9110 §15.2.2); no fetch call can take part in it.
  if (op.responses.length > 0 && op.responses.every((response) => response.status.startsWith("1")))
    return {
      input,
      untestable: "every documented answer is 1xx (a protocol switch), which no fetch call can take part in",
    };
  if (isFetchForbiddenMethod(op.method))
    return {
      input,
      untestable: `${op.method.toUpperCase()} is a forbidden method of the Fetch standard (§2.2.1), which no fetch call can send`,
    };
  for (const param of op.parameters) {
    if (!param.required || isCredential(credentials, param)) continue;
    const found = parameterValue(model, document, schemas, op, param);
    if (found === undefined)
      return { input, untestable: `no value fits the schema of ${param.in} parameter "${param.rawName}"` };
    input[param.inputKey] = found.value;
  }
  const body = bodyValue(document, schemas, op);
  if (body.untestable !== undefined) return { input, untestable: body.untestable };
  if (body.value !== undefined) input.body = body.value;
  return { input };
}

/** A value of `param` its schema accepts and the wire carries to this operation (wire-values.ts): documented ones first. */
function parameterValue(
  model: ApiModel,
  document: Json,
  schemas: SpecSchemas,
  op: Operation,
  param: Parameter,
): { value: unknown } | undefined {
  const documented = [
    ...firstPageToken(op, param),
    ...examplesOf(document, rawParameter(document, op, param)).flatMap((example) => [
      example,
      ...asSerialised(param, example),
    ]),
  ];
  const carried = (candidates: unknown[]) =>
    candidates.filter(
      (candidate) =>
        candidate !== undefined && wireCarries(param, candidate) && !routesElsewhere(model, op, param, candidate),
    );
  const found = firstValid(
    schemas,
    param.schema,
    carried(candidatesFor(document, param.schema, documented, "request")),
    "request",
  );
  if (found !== undefined) return found;
  const nonEmpty = nonEmptySchema(document, param);
  return nonEmpty === undefined
    ? undefined
    : firstValid(schemas, param.schema, carried(candidatesFor(document, nonEmpty, [], "request")), "request");
}

/**
 * A required page token (Drive's `changes.list` pageToken) on the first request: the empty token, which the server
 * reads as the first page (runtime/server/pagination.ts); any other text is a token it did not issue (a 400).
 */
function firstPageToken(op: Operation, param: Parameter): unknown[] {
  const pagination = op.pagination;
  return pagination?.kind === "cursor" && param.in === "query" && param.rawName === pagination.tokenParam ? [""] : [];
}

/** An array parameter's example written as its serialised text (bkk.hu `routeId` example "BKK_3040,BKK_3060"). */
function asSerialised(param: Parameter, example: unknown): unknown[] {
  if (param.shape.kind !== "array" || typeof example !== "string") return [];
  const delimiter = param.style === "spaceDelimited" ? " " : param.style === "pipeDelimited" ? "|" : ",";
  return [example.split(delimiter)];
}

function bodyValue(document: Json, schemas: SpecSchemas, op: Operation): { value?: unknown; untestable?: string } {
  const content = op.requestBody?.content[0];
  if (op.requestBody === null || content === undefined) return {};
  const requestBody = deref(document, operationNode(document, op).operation.requestBody);
  const media = isObject(requestBody?.content) ? deref(document, requestBody.content[content.mediaType]) : undefined;
  const schema = content.schema ?? {};
  const scalarForm = scalarFormType(document, content.mediaType, schema);
  if (scalarForm !== undefined && op.requestBody.required)
    return { untestable: `the multipart/form-data body's schema is a ${scalarForm}, which no form's named parts make` };
  const carried = (candidates: unknown[]) =>
    candidates.filter((candidate) => formCarries(document, content.mediaType, schema, candidate));
  const nonEmpty = nonEmptyForm(document, content.mediaType, schema);
  const found =
    firstValid(
      schemas,
      schema,
      carried(candidatesFor(document, schema, examplesOf(document, media), "request")),
      "request",
    ) ??
    (nonEmpty === undefined
      ? undefined
      : firstValid(schemas, schema, carried(candidatesFor(document, nonEmpty, [], "request")), "request"));
  if (found === undefined)
    return op.requestBody.required
      ? { untestable: `no value fits the request body schema (${content.mediaType})` }
      : {};
  return { value: asMedia(content.mediaType, found.value) };
}

/**
 * A multipart/form-data schema's type when it is a scalar (libretranslate.local's `type: string`): a form is a set
 * of named parts (RFC 7578 §4; OpenAPI 3.1 §4.8.15.4 maps them to an object's properties), so none validates.
 */
function scalarFormType(document: Json, mediaType: string, schema: unknown): string | undefined {
  if (!/multipart\/form-data/i.test(mediaType)) return undefined;
  const type = deref(document, schema)?.type;
  return typeof type === "string" && ["string", "number", "integer", "boolean"].includes(type) ? type : undefined;
}

/** The body in the form the client sends for its media type (JSON and forms as values, others as text or bytes). */
function asMedia(mediaType: string, value: unknown): unknown {
  if (isJsonMedia(mediaType) || /x-www-form-urlencoded/i.test(mediaType)) return value;
  if (/multipart\/form-data/i.test(mediaType)) {
    const form = new FormData();
    if (isObject(value))
      for (const [name, field] of Object.entries(value)) {
        // An array of scalars is one part per item under the property's name (OpenAPI 3.1 §4.8.15.4, as a form
        // repeats the name); one part holding its JSON text ("[34]") is one string item to the server.
        const items = Array.isArray(field) && field.every(isScalar) ? field : [field];
        for (const item of items) form.append(name, typeof item === "string" ? item : JSON.stringify(item));
      }
    return form;
  }
  if (/^text\//i.test(mediaType)) return typeof value === "string" ? value : JSON.stringify(value);
  return new Blob([typeof value === "string" ? value : JSON.stringify(value)]);
}

const isScalar = (value: unknown): boolean => ["string", "number", "boolean"].includes(typeof value);

/** Headers every request of the generated client carries (its own, and those Node's fetch adds). */
const ALWAYS_SENT_HEADERS = new Set([
  "accept",
  "accept-language",
  "accept-encoding",
  "user-agent",
  "content-type",
  "content-length",
  "host",
  "connection",
  "authorization",
  "sec-fetch-mode",
]);

/** Wrong-typed stand-ins, each checked against the schema before use. */
const WRONG_PARAMETER = "zz-not-valid";
const WRONG_BODIES: readonly unknown[] = ["zz-not-valid", 12345, true, [12345], { zz: 1 }];

/**
 * One input the spec forbids, from the valid one: a required query/header parameter left out, else a typed
 * parameter given a value of the wrong type, else a required body property left out, else a body of the wrong
 * type. Undefined when the spec forbids nothing a client could send (no required or typed input).
 */
export function invalidInput(
  model: ApiModel,
  document: Json,
  schemas: SpecSchemas,
  op: Operation,
  valid: Json,
): InvalidInput | undefined {
  const credentials = credentialParameters(model, op);
  // A constant the path key's discriminator fixes (`/#X-Amz-Target=Svc.Op`) is sent by the client itself; a name
  // whose presence selects the operation (S3 `/{Bucket}/{Key}#uploadId`) left out asks for another operation at the
  // same path (`DeleteObject` rather than `AbortMultipartUpload`), which is a valid request of its own.
  const fixed = new Set([
    ...(op.discriminator?.headers ?? []).map((e) => `header ${e.name.toLowerCase()}`),
    ...(op.discriminator?.query ?? []).map((e) => `query ${e.name}`),
  ]);
  const isFixed = (p: Operation["parameters"][number]) =>
    fixed.has(p.in === "header" ? `header ${p.rawName.toLowerCase()}` : `${p.in} ${p.rawName}`);
  const params = op.parameters.filter((p) => !isCredential(credentials, p) && !isFixed(p));
  // A required parameter with a default is filled in by the server (OpenAPI 3.0.3 §4.7.12: default applies when
  // absent); headers the client or fetch always sets cannot be left out.
  const missing = params.find(
    (p) =>
      p.required &&
      (p.in === "query" || (p.in === "header" && !ALWAYS_SENT_HEADERS.has(p.rawName.toLowerCase()))) &&
      deref(document, p.schema)?.default === undefined,
  );
  if (missing) {
    const input = { ...valid };
    delete input[missing.inputKey];
    return { input, what: `required ${missing.in} parameter "${missing.rawName}" left out` };
  }
  // Headers whose definition OpenAPI says to ignore (Accept, Content-Type, Authorization) are not in the IR.
  const typed = params.filter((p) => p.in !== "cookie" && (p.required || p.in === "query"));
  for (const param of typed) {
    const schema = deref(document, param.schema) ?? {};
    if (schema.type === "array" || schema.type === "object") continue;
    // Parameters travel as text: the stand-in must be refused both as the string and as what it parses to.
    if (schemas.accepts(param.schema, WRONG_PARAMETER, "request")) continue;
    return {
      input: { ...valid, [param.inputKey]: WRONG_PARAMETER },
      what: `${param.in} parameter "${param.rawName}" given ${JSON.stringify(WRONG_PARAMETER)}`,
    };
  }
  const content = op.requestBody?.content[0];
  // Only a body declared as JSON is parsed and checked by the server: `*/*` may be anything.
  if (
    content === undefined ||
    !/[/+]json\b/i.test(content.mediaType) ||
    !op.requestBody?.required ||
    content.schema === null
  )
    return undefined;
  const body = valid.body;
  if (isObject(body)) {
    for (const name of Object.keys(body)) {
      const without = { ...body };
      delete without[name];
      if (!schemas.accepts(content.schema, without, "request"))
        return { input: { ...valid, body: without }, what: `required body property "${name}" left out` };
    }
  }
  const wrong = WRONG_BODIES.find((value) => !schemas.accepts(content.schema, value, "request"));
  return wrong === undefined
    ? undefined
    : { input: { ...valid, body: wrong }, what: `body ${JSON.stringify(wrong)} of the wrong type` };
}

/**
 * The page size a list is iterated with: 1 (else 2) when its scheme names a size parameter that allows it. A page
 * of one is where an endless list shows: a full page asks for the next one, so the server must say where it ends.
 */
export function smallPageInput(_document: Json, schemas: SpecSchemas, op: Operation, valid: Json): Json {
  const pagination = op.pagination;
  const sizeName =
    pagination === null ? null : pagination.kind === "offset" ? pagination.limitParam : pagination.sizeParam;
  const param = op.parameters.find((p) => p.in === "query" && p.rawName === sizeName);
  if (param === undefined) return valid;
  const size = [1, 2].find((n) => schemas.accepts(param.schema, n, "request"));
  return size === undefined ? valid : { ...valid, [param.inputKey]: size };
}
