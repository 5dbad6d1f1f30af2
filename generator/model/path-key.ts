// Path keys that carry more than a path. Specs converted from other formats (AWS Smithy, Azure x-ms-paths, Box)
// disambiguate operations sharing one URL by writing a URL fragment or query string into the key:
// `/#X-Amz-Target=Svc.Op`, `/{Bucket}/{Key}#uploadId`, `/analyze#overload=stream`, `/jobs?op=LISTAFTERID`.
// OpenAPI 3.1 §4.8.8 says path keys are relative paths that "MUST begin with a forward slash" and carry no query
// string; a fragment is never sent (RFC 3986 §3.5). The key is split here into the real path and a discriminator:
// what the request must carry on the wire to select this operation among those sharing the path and method.
import type { Discriminator, DiscriminatorEntry } from "./ir.js";

export interface SplitPathKey {
  path: string;
  discriminator: Discriminator | null;
}

interface DeclaredParameter {
  rawName: string;
  in: string;
}

/** A `{name}` value: the query parameter of that name supplies it (medium.com `?query={query}`). */
const TEMPLATE_VALUE = /^\{([^{}]+)\}$/;

function decoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The key up to its first `#` or `?` ("/" when that leaves nothing: `/#X-Amz-Target=...` is `/`). */
export function pathOfKey(key: string): string {
  const cut = key.search(/[#?]/);
  return cut < 0 ? key : key.slice(0, cut) || "/";
}

/** Names the key's query part (after `?`, before any `#`) gives as `name={name}`. */
function queryTemplateNames(key: string): string[] {
  const question = key.indexOf("?");
  const hash = key.indexOf("#");
  if (question < 0 || (hash >= 0 && hash < question)) return [];
  const query = key.slice(question + 1, hash < 0 ? undefined : hash);
  return query.split("&").flatMap((part) => {
    const equals = part.indexOf("=");
    if (equals < 0) return [];
    const name = decoded(part.slice(0, equals));
    return TEMPLATE_VALUE.exec(decoded(part.slice(equals + 1)))?.[1] === name ? [name] : [];
  });
}

/**
 * Path parameters the key's query template carries (weatherbit `/alerts?lat={lat}`, icons8, clicksend: `lat` is
 * declared `in: path` but the path has no `{lat}`): a client filling the template sends them as query parameters
 * of that name, which is what they are on the wire; the model and the types read them so.
 */
export function carriedInQuery(key: string, parameters: readonly DeclaredParameter[]): Set<string> {
  const path = pathOfKey(key);
  const declares = (location: string, name: string) => parameters.some((p) => p.in === location && p.rawName === name);
  return new Set(
    queryTemplateNames(key).filter(
      (name) => declares("path", name) && !declares("query", name) && !path.includes(`{${name}}`),
    ),
  );
}

/**
 * `?a=b&c` -> query a=b (a constant) and c (must be present). After `#`, a name is a header when the operation
 * declares a header parameter of that name (case-insensitive, RFC 9110 §5.1) and no query parameter of it
 * (AWS `#X-Amz-Target=Svc.Op`, S3 `#x-amz-copy-source`); otherwise a query parameter. A `name={name}` template
 * naming no declared parameter (icons8 `&exact_amount={exact_amount}`) is dropped: nothing fills it. A key whose
 * query part holds a template naming anything but the query parameter of the same name (learnifier
 * `?key={APIKEY}`) is left verbatim: no wire form can be derived from it. Path parameters the template carries are
 * query parameters by then (carriedInQuery).
 */
export function splitPathKey(key: string, parameters: readonly DeclaredParameter[]): SplitPathKey {
  const cut = key.search(/[#?]/);
  if (cut < 0) return { path: key, discriminator: null };
  const path = pathOfKey(key);
  const fragment = key.charAt(cut) === "#";
  const declares = (location: string, name: string) =>
    parameters.some(
      (p) =>
        p.in === location &&
        (location === "header" ? p.rawName.toLowerCase() === name.toLowerCase() : p.rawName === name),
    );
  const query: DiscriminatorEntry[] = [];
  const headers: DiscriminatorEntry[] = [];
  for (const part of key.slice(cut + 1).split(/[&#?]/)) {
    if (part === "") continue;
    const equals = part.indexOf("=");
    const name = decoded(equals < 0 ? part : part.slice(0, equals));
    const raw = equals < 0 ? undefined : decoded(part.slice(equals + 1));
    const template = raw === undefined ? null : TEMPLATE_VALUE.exec(raw);
    if (template && template[1] === name && !parameters.some((p) => p.rawName === name)) continue;
    if (template && (template[1] !== name || !declares("query", name))) return { path: key, discriminator: null };
    const entry: DiscriminatorEntry = raw === undefined || template ? { name } : { name, value: raw };
    if (fragment && declares("header", name) && !declares("query", name)) headers.push(entry);
    else query.push(entry);
  }
  return { path, discriminator: query.length + headers.length > 0 ? { query, headers } : null };
}
