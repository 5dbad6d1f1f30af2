// Parameter serialization per OpenAPI 3 `style`/`explode` (path, query, header, cookie). Input that cannot be sent as
// asked (a missing path parameter, a value leaving the operation's path, a header value that would break the header)
// is refused with an InvalidParameterError before any request.
import { InvalidParameterError } from "./errors.js";

export type ParamLocation = "path" | "query" | "header" | "cookie";
export type ParamStyle = "form" | "simple" | "label" | "matrix" | "spaceDelimited" | "pipeDelimited" | "deepObject";

/**
 * [location, wire name, non-defaults: `key` (the input property when it differs from the name), style, explode,
 * `reserved` (OpenAPI `allowReserved`), `json` (defined by `content` with a JSON media type, OpenAPI 3.1 §4.8.12.3: the
 * value is sent as its JSON text)].
 */
export type ParamSpec = readonly [
  ParamLocation,
  string,
  { key?: string; style?: ParamStyle; explode?: boolean; reserved?: true; json?: boolean }?,
];

const encode = encodeURIComponent;

/**
 * `allowReserved: true` (OpenAPI 3.0.3 §4.7.12.1, 3.1 §4.8.12.1): RFC 3986 §2.2 reserved characters go out as they are
 * (`/a/b:c`, `ids[0]`). Except `&`, `=`, `#` and `+`, which would end the pair, end the query or read as a space
 * (OpenAPI 3.1.1 says the same of them): those stay percent-encoded.
 */
const encodeReserved = (text: string) =>
  encode(text).replace(/%(3A|2F|3F|5B|5D|40|21|24|27|28|29|2A|2C|3B)/gi, (escape) => decodeURIComponent(escape));

/**
 * One item's text. An item or member that is itself an object or array goes as its JSON text: RFC 6570 (§2.3), which
 * OpenAPI's styles follow (OpenAPI 3.1 §4.8.12.4), has no nested values, so no style defines an array of objects
 * (AWS `ScheduledUpdateGroupActions`) or a nested member; the generated server reads the same JSON text back.
 */
function itemText(item: unknown): string {
  return typeof item === "object" && item !== null ? JSON.stringify(item) : String(item);
}

/** A value as a list of items: array elements as [value], object members as [key, value], a scalar as [value]. */
function parts(value: unknown): string[][] {
  if (Array.isArray(value)) return value.map((item) => [itemText(item)]);
  if (typeof value === "object" && value !== null) {
    return Object.entries(value)
      .filter(([, member]) => member != null)
      .map(([key, member]) => [key, itemText(member)]);
  }
  return [[String(value)]];
}

/** Encoded `name=value` pairs for the query string. */
export function queryPairs(
  name: string,
  value: unknown,
  style: ParamStyle = "form",
  explode = style === "form",
  reserved = false,
): string[] {
  const items = parts(value);
  const encode = reserved ? encodeReserved : encodeURIComponent;
  if (style === "deepObject")
    return items.map(([key, member]) => `${encode(name)}[${encode(key ?? "")}]=${encode(member ?? "")}`);
  if (explode) return items.map((item) => (item.length === 2 ? item : [name, ...item]).map(encode).join("="));
  const separator = style === "spaceDelimited" ? "%20" : style === "pipeDelimited" ? "|" : ",";
  return [`${encode(name)}=${items.map((item) => item.map(encode).join(",")).join(separator)}`];
}

/** The text replacing `{name}` in the path template. */
export function pathValue(name: string, value: unknown, style: ParamStyle = "simple", explode = false): string {
  const items = parts(value);
  const joined = (separator: string) => items.map((item) => item.map(encode).join(explode ? "=" : ",")).join(separator);
  if (style === "label") return "." + joined(explode ? "." : ",");
  if (style === "matrix") {
    if (!explode) return `;${encode(name)}=${joined(",")}`;
    return items.map((item) => ";" + (item.length === 2 ? item : [name, ...item]).map(encode).join("=")).join("");
  }
  return joined(",");
}

/** Header and cookie values use the `simple` form without percent-encoding of the separators. */
export function plainValue(value: unknown, explode = false): string {
  return parts(value)
    .map((item) => item.join(explode ? "=" : ","))
    .join(",");
}

/**
 * A wire value the operation always carries, from its path key's suffix (`/#X-Amz-Target=Svc.Op`, `/jobs?op=LIST`,
 * `/{Key}#uploads`): [location, name, value]; a null value is a bare query name (`?uploads`).
 */
export type FixedParam = readonly ["query" | "header", string, string | null];

export interface SerializedParams {
  path: string;
  query: string[];
  headers: [string, string][];
  cookies: string[];
}

/**
 * `value`, if `name` is a field name (RFC 9110 §5.1: a token) and `value` a field value (§5.5: tab, space, visible ASCII,
 * obs-text). CR or LF would end the header early; fetch throws a bare TypeError on them and on other controls.
 */
export function headerValue(name: string, value: string): string {
  const problem = !/^[\w!#$%&'*+.^`|~-]+$/.test(name)
    ? "is not a valid header name"
    : /^[\t\x20-\x7e\x80-\xff]*$/.test(value)
      ? ""
      : "has a line break, a control character or a character above U+00FF in its value";
  if (problem) throw new InvalidParameterError(name, `header ${JSON.stringify(name)} ${problem}`);
  return value;
}

/**
 * The path with every parameter substituted. Values are percent-encoded (`/`, `?`, `#` included, RFC 3986 §3.3) so
 * each stays inside its segment; a segment that ends up empty, `.` or `..` is refused, since URL resolution removes or
 * climbs it (RFC 3986 §5.2.4) and the request would reach another resource (`DELETE /v1/things/..` is `DELETE /v1/`).
 */
function checkedPath(template: string, path: string): string {
  const templateSegments = template.split("/");
  path.split("/").forEach((segment, index) => {
    const source = templateSegments[index] ?? "";
    if (/^\.{0,2}$/.test(segment) && segment !== source) {
      const name = /\{([^}]*)\}/.exec(source)?.[1] ?? source;
      throw new InvalidParameterError(
        name,
        `path parameter "${name}" may not be ${segment ? `"${segment}"` : "empty"}: the request would leave the path ${template}`,
      );
    }
  });
  return path;
}

export function serializeParams(
  path: string,
  specs: readonly ParamSpec[],
  input: Readonly<Record<string, unknown>>,
  fixed: readonly FixedParam[] = [],
): SerializedParams {
  const out: SerializedParams = { path, query: [], headers: [], cookies: [] };
  for (const [location, name, value] of fixed) {
    if (location === "header") out.headers.push([name, value ?? ""]);
    else out.query.push(value === null ? encode(name) : `${encode(name)}=${encode(value)}`);
  }
  for (const [location, name, extra = {}] of specs) {
    const given = input[extra.key ?? name];
    const value = extra.json === true && given !== undefined ? JSON.stringify(given) : given;
    if (value === undefined || value === null) {
      // OpenAPI 3 Parameter Object: a path parameter is always `required`.
      if (location === "path")
        throw new InvalidParameterError(name, `path parameter "${name}" is required for ${path}`);
      continue;
    }
    if (location === "path")
      out.path = out.path.split(`{${name}}`).join(pathValue(name, value, extra.style, extra.explode));
    else if (location === "query")
      out.query.push(...queryPairs(name, value, extra.style, extra.explode, extra.reserved === true));
    else if (location === "header") out.headers.push([name, plainValue(value, extra.explode)]);
    else out.cookies.push(`${name}=${encode(plainValue(value))}`);
  }
  out.path = checkedPath(path, out.path);
  return out;
}
