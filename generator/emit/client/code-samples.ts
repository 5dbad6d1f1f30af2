// Per-operation code samples for the portal's reference (Redoc's `x-codeSamples`): a call with the generated client
// (the README's call, with the same example values from readme-view.ts), and the same request with curl.
import type { ApiModel, Operation, Parameter, SecurityScheme } from "../../model/ir.js";
import { jsString } from "../shared/code-literals.js";
import { bodyValue, parameterExample, parameterValue, type SampleDocument } from "./readme-view.js";
import { clientView, defaultBaseUrl, type OperationView } from "./view-model.js";

/** One entry of Redoc's `x-codeSamples` (https://redocly.com/docs/api-reference-docs/specification-extensions/x-code-samples). */
export interface CodeSample {
  lang: string;
  label: string;
  source: string;
}

export interface OperationSamples {
  method: string;
  /** The key under `paths`, verbatim: where the samples go. */
  pathKey: string;
  samples: CodeSample[];
}

/** The import every client sample starts with: a test type-checks the samples by pointing it at a generated client. */
export const CLIENT_IMPORT = `import { createClient, isApiError } from "./client.js";`;

const FALLBACK_BASE_URL = "https://api.example.com";

/** A client sample and a curl sample for every operation of the model, in model order. */
export function codeSamples(model: ApiModel, document: SampleDocument): OperationSamples[] {
  const views = new Map(
    clientView(model, document)
      .groups.flatMap((group) => group.operations)
      .map((view) => [view.fnName, view]),
  );
  const schemes = new Map(model.securitySchemes.map((scheme) => [scheme.rawName, scheme]));
  const baseUrl = defaultBaseUrl(model) || FALLBACK_BASE_URL;
  return model.operations.map((op) => {
    const view = views.get(op.id);
    const scheme = firstScheme(op, schemes);
    const samples = [{ lang: "Shell", label: "curl", source: curlSample(op, baseUrl, scheme, document) }];
    if (view)
      samples.unshift({
        lang: "TypeScript",
        label: "TypeScript client",
        source: clientSample(op, view, baseUrl, scheme, document),
      });
    return { method: op.method, pathKey: op.pathKey, samples };
  });
}

/** The scheme of the operation's first requirement that names one (anonymous alternatives need no credential). */
function firstScheme(op: Operation, schemes: Map<string, SecurityScheme>): SecurityScheme | undefined {
  if (op.security.some((requirement) => requirement.schemes.length === 0)) return undefined;
  const name = op.security[0]?.schemes[0]?.rawName;
  return name === undefined ? undefined : schemes.get(name);
}

function clientSample(
  op: Operation,
  view: OperationView,
  baseUrl: string,
  scheme: SecurityScheme | undefined,
  document: SampleDocument,
): string {
  const auth = clientAuth(scheme);
  // One option a line: Redoc's sample panel is narrow.
  const setup = [
    "const api = createClient({",
    `  baseUrl: ${jsString(baseUrl)},`,
    ...(auth ? [`  auth: ${auth},`] : []),
    "});",
  ];
  const call = op.pagination ? pagedCall(op, view, document) : view.call;
  const noun = singular(op.group);
  const body = op.pagination
    ? [`  for await (const ${noun} of ${call}) {`, `    console.log(${noun});`, "  }"]
    : [
        `  const ${op.name === "get" ? noun : "result"} = await ${call};`,
        `  console.log(${op.name === "get" ? noun : "result"});`,
      ];
  return [
    CLIENT_IMPORT,
    "",
    ...setup,
    "",
    "try {",
    ...body,
    "} catch (error) {",
    "  // An error status: error.problem is its typed body.",
    "  if (isApiError(error)) console.error(error.status, error.problem);",
    "  else throw error;",
    "}",
  ].join("\n");
}

/** The README's call with the page size added, so the sample shows how to ask for bigger pages. */
function pagedCall(op: Operation, view: OperationView, document: SampleDocument): string {
  const paging = op.pagination!;
  const sizeName = paging.kind === "offset" ? paging.limitParam : paging.sizeParam;
  const size =
    sizeName === null ? undefined : op.parameters.find((param) => param.in === "query" && param.rawName === sizeName);
  const required = view.members.some((member) => !member.optional);
  if (!size || view.members.find((member) => member.key === size.inputKey)?.optional === false) return view.call;
  const sizeArg = `${propertyName(size.inputKey)}: ${parameterExample(size, document)}`;
  return required ? view.call.replace(/ \}\)$/, `, ${sizeArg} })`) : view.call.replace(/\(\)$/, `({ ${sizeArg} })`);
}

function propertyName(key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? key : jsString(key);
}

function clientAuth(scheme: SecurityScheme | undefined): string | undefined {
  switch (scheme?.kind) {
    case "http-bearer":
      return `{ bearer: "YOUR_TOKEN" }`;
    case "oauth2":
    case "openid-connect":
      return `{ accessToken: "YOUR_ACCESS_TOKEN" }`;
    case "api-key":
      return `{ apiKey: "YOUR_API_KEY" }`;
    case "http-basic":
      return `{ basic: { username: "YOUR_USERNAME", password: "YOUR_PASSWORD" } }`;
    default:
      return undefined;
  }
}

const RESERVED = new Set([
  "break",
  "case",
  "catch",
  "class",
  "const",
  "continue",
  "debugger",
  "default",
  "delete",
  "do",
  "else",
  "enum",
  "export",
  "extends",
  "false",
  "finally",
  "for",
  "function",
  "if",
  "import",
  "in",
  "instanceof",
  "new",
  "null",
  "return",
  "super",
  "switch",
  "this",
  "throw",
  "true",
  "try",
  "typeof",
  "var",
  "void",
  "while",
  "with",
  "yield",
  "let",
  "static",
  "await",
  "api",
  "error",
  "result",
  "console",
]);

/** `pets` -> `pet`, `stories` -> `story`: the loop variable of a list; `item` when that is no usable name. */
function singular(group: string): string {
  const noun = group.endsWith("ies")
    ? `${group.slice(0, -3)}y`
    : group.endsWith("s") && !group.endsWith("ss")
      ? group.slice(0, -1)
      : "item";
  return /^[a-z][A-Za-z0-9]*$/.test(noun) && !RESERVED.has(noun) ? noun : "item";
}

/** A POSIX shell word: single-quoted, a quote inside written as '\''. */
function shellWord(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** A parameter's example as it goes on the wire (RFC 6570 simple/form expansion of scalars and lists; objects as JSON). */
function wireValue(param: Parameter, document: SampleDocument): string {
  const value = parameterValue(param, document);
  if (value === undefined || value === null) return "";
  if (Array.isArray(value)) return value.map(String).join(",");
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}

function curlSample(
  op: Operation,
  baseUrl: string,
  scheme: SecurityScheme | undefined,
  document: SampleDocument,
): string {
  const required = op.parameters.filter((param) => param.required);
  let path = op.path;
  for (const param of required.filter((p) => p.in === "path"))
    path = path.split(`{${param.rawName}}`).join(encodeURIComponent(wireValue(param, document)));
  const query = required
    .filter((p) => p.in === "query")
    .map((p) => `${encodeURIComponent(p.rawName)}=${encodeURIComponent(wireValue(p, document))}`);
  const headers = required.filter((p) => p.in === "header").map((p) => `${p.rawName}: ${wireValue(p, document)}`);
  if (scheme?.kind === "api-key" && scheme.in === "query")
    query.push(`${encodeURIComponent(scheme.paramName)}=YOUR_API_KEY`);
  for (const entry of op.discriminator?.query ?? [])
    if (entry.value !== undefined) query.push(`${encodeURIComponent(entry.name)}=${encodeURIComponent(entry.value)}`);
  for (const entry of op.discriminator?.headers ?? [])
    if (entry.value !== undefined) headers.push(`${entry.name}: ${entry.value}`);
  const lines = [
    `curl -X ${op.method.toUpperCase()} ${shellWord(baseUrl.replace(/\/$/, "") + path + (query.length ? `?${query.join("&")}` : ""))}`,
  ];
  const auth = curlAuth(scheme);
  if (auth) lines.push(auth);
  lines.push(...headers.map((header) => `-H ${shellWord(header)}`));
  const content = op.requestBody?.content[0];
  if (content) {
    lines.push(`-H ${shellWord(`Content-Type: ${content.mediaType}`)}`);
    const body = bodyValue(op, document);
    if (body !== undefined) lines.push(`--data ${shellWord(typeof body === "string" ? body : JSON.stringify(body))}`);
  }
  return lines.join(" \\\n  ");
}

function curlAuth(scheme: SecurityScheme | undefined): string | undefined {
  switch (scheme?.kind) {
    case "http-bearer":
    case "oauth2":
    case "openid-connect":
      return `-H "Authorization: Bearer $TOKEN"`;
    case "api-key":
      return scheme.in === "header"
        ? `-H ${shellWord(`${scheme.paramName}: `)}"$API_KEY"`
        : scheme.in === "cookie"
          ? `--cookie ${shellWord(`${scheme.paramName}=`)}"$API_KEY"`
          : undefined;
    case "http-basic":
      return `-u "$USERNAME:$PASSWORD"`;
    default:
      return undefined;
  }
}
