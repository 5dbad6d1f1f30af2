// OpenAPI 3.0.3 §4.7.12.1 and 3.1 §4.8.12.1, Parameter Object `name`: "If `in` is "header" and the `name` field is
// "Accept", "Content-Type" or "Authorization", the parameter definition SHALL be ignored." The request body's media
// type, the responses' media types and the security schemes say what those headers carry (AWS tnb declares an
// `application/json` body beside a `Content-Type` parameter whose enum is `application/zip`).
const IGNORED: ReadonlySet<string> = new Set(["accept", "content-type", "authorization"]);

/** Whether a declared parameter is one of the header parameters OpenAPI says to ignore. */
export function isIgnoredHeaderParameter(location: string, name: string): boolean {
  return location === "header" && IGNORED.has(name.toLowerCase());
}
