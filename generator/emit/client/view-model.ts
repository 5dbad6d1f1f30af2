// IR -> the view models the client templates render. Every string from the spec leaves here as a safe code
// fragment (string literal, doc comment, property key) or a safe identifier from the model: templates insert verbatim.
import type { ApiModel, MediaContent, Operation, Pagination, Parameter, SecurityScheme } from "../../model/ir.js";
import { docComment, jsLiteral, jsString, markdownInline, propertyKey } from "../shared/code-literals.js";

export interface ClientView {
  title: string;
  titleDoc: string;
  defaultBaseUrl: string;
  problemType: string;
  securitySchemes: { key: string; spec: string }[];
  hasPagination: boolean;
  groups: GroupView[];
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
  group: string;
  doc: string;
  opType: string;
  opTypeName: string;
  paramsName: string;
  resultName: string;
  itemName: string;
  specName: string;
  specLiteral: string;
  members: { doc: string; key: string; optional: boolean; type: string }[];
  paramsOptional: boolean;
  resultType: string;
  pagination: { scheme: string; itemType: string } | null;
  readmeTitle: string;
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
  errorExample: string;
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

/** Input keys: the wire name, unless it is "body", "__proto__" or already used by a parameter in another location. */
export function inputKeys(parameters: readonly Parameter[]): Map<Parameter, string> {
  const used = new Set(["body", "__proto__"]);
  const keys = new Map<Parameter, string>();
  for (const param of parameters) {
    let key = used.has(param.rawName) ? param.safeName : param.rawName;
    for (let n = 2; used.has(key); n++) key = `${param.safeName}${n}`;
    used.add(key);
    keys.set(param, key);
  }
  return keys;
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

function schemeLiteral(pagination: Pagination, key: (rawName: string) => string): string {
  const items = pagination.itemsField === null ? "" : `, items: ${jsString(pagination.itemsField)}`;
  switch (pagination.kind) {
    case "cursor": return `{ kind: "cursor", token: ${jsString(key(pagination.tokenParam))}, next: ${jsString(pagination.nextTokenField)}${items} }`;
    case "offset": return `{ kind: "offset", offset: ${jsString(key(pagination.offsetParam))}, limit: ${jsString(key(pagination.limitParam))}${items} }`;
    case "link": return `{ kind: "link"${items} }`;
    case "after": return `{ kind: "after", after: ${jsString(key(pagination.afterParam))}, cursor: ${jsString(pagination.cursorField)}, hasMore: ${jsString(pagination.hasMoreField)}${items} }`;
  }
}

function exampleValue(param: Parameter): string {
  const schema = param.schema;
  const examples = Array.isArray(schema.examples) ? schema.examples : [];
  const candidate = schema.example ?? examples[0] ?? schema.default ?? (Array.isArray(schema.enum) ? schema.enum[0] : undefined);
  if (candidate !== undefined) return jsLiteral(candidate);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  return type === "integer" || type === "number" ? "1" : type === "boolean" ? "true" : type === "array" ? "[]" : jsString(param.rawName);
}

function operationView(op: Operation, supported: Set<string>): OperationView {
  const base = pascal(op.id);
  const opTypeName = `${base}Op`;
  const keys = inputKeys(op.parameters);
  const keyOf = (rawName: string) => keys.get(op.parameters.find((p) => p.rawName === rawName && p.in === "query")!) ?? rawName;
  const members = op.parameters.map((param) => ({
    doc: docComment([param.description, param.deprecated ? "@deprecated" : undefined], "  "),
    key: propertyKey(keys.get(param)!),
    optional: !param.required,
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
  if (op.parameters.length) spec.push(`params: [${op.parameters.map((param) => paramSpec(param, keys.get(param)!)).join(", ")}]`);
  if (op.requestBody && body) spec.push(`body: ${jsString(body.mediaType)}`);
  const security = securityLiteral(op, supported);
  if (security) spec.push(`security: ${security}`);
  const resultName = `${base}Result`;
  const required = members.filter((member) => !member.optional);
  const exampleArgs = required.map((member) => `${member.key}: ${member.key === "body" ? "{ /* … */ }" : exampleValue(op.parameters.find((p) => propertyKey(keys.get(p)!) === member.key)!)}`);
  const call = `api.${op.group}.${op.name}(${exampleArgs.length ? `{ ${exampleArgs.join(", ")} }` : ""})`;
  return {
    name: op.name,
    group: op.group,
    doc: docComment([op.summary, op.description, op.deprecated ? "@deprecated" : undefined], "      "),
    opType: `paths[${jsString(op.path)}][${jsString(op.method)}]`,
    opTypeName,
    paramsName: `${base}Params`,
    resultName,
    itemName: `${base}Item`,
    specName: `${op.id}Operation`,
    specLiteral: `{ ${spec.join(", ")} }`,
    members,
    paramsOptional: required.length === 0,
    resultType: resultType(op, opTypeName),
    pagination: op.pagination
      ? { scheme: schemeLiteral(op.pagination, keyOf), itemType: `ItemOf<${resultName}, ${op.pagination.itemsField === null ? "null" : jsString(op.pagination.itemsField)}>` }
      : null,
    readmeTitle: markdownInline(`${op.method.toUpperCase()} ${op.path}${op.summary ? ` — ${op.summary}` : ""}`),
    example: fenced(op.pagination ? `for await (const item of ${call}) console.log(item);` : `const result = await ${call};`),
  };
}

function defaultBaseUrl(model: ApiModel): string {
  const server = model.servers[0];
  if (!server) return "";
  return server.url.replace(/\{([^}]*)\}/g, (whole, name: string) => server.variables[name]?.default ?? whole);
}

export function clientView(model: ApiModel): ClientView {
  const schemes = model.securitySchemes.flatMap((scheme) => {
    const spec = supportedScheme(scheme);
    return spec ? [{ key: propertyKey(scheme.rawName), spec, scheme }] : [];
  });
  const supported = new Set(schemes.map(({ scheme }) => scheme.rawName));
  const operations = model.operations.map((op) => operationView(op, supported));
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
    problemType: model.errorSchema?.name ? `components["schemas"][${jsString(model.errorSchema.name)}]` : "unknown",
    securitySchemes: schemes.map(({ key, spec }) => ({ key, spec })),
    hasPagination: operations.some((op) => op.pagination),
    groups,
    auth,
    readme: {
      title: markdownInline(model.title),
      description: markdownInline(model.description?.split(/\n\s*\n/)[0] ?? ""),
      source: markdownInline(model.source),
      authExample: fenced(`const api = createClient({ baseUrl: ${jsString(defaultBaseUrl(model) || "https://api.example.com")}${authExample ? ", " + authExample : ""} });`),
      paginationExample: firstPaged ? firstPaged.example : `// this API declares no paginated list operations`,
      errorExample: `await api.${firstGroup}.${groups[0]?.operations[0]?.name ?? "operation"}(/* … */);`,
    },
  };
}
