/** Path segments of a URL or path template that look like a version: `v1`, `v2`, and the wrong `v2.5`, `v1_1`. */
export function majorVersionSegments(urlOrPath: string): string[] {
  // Most paths carry no version at all: skip the split (this runs for every path of every document).
  if (!/\/v\d/i.test(urlOrPath)) return [];
  const path = urlOrPath.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, "");
  return path.split("/").filter((segment) => /^v\d+([._-]\d+)*$/i.test(segment));
}

/** The major number N of the first `/v{N}` segment, or undefined. */
export function majorVersionOf(urlOrPath: string): number | undefined {
  const segment = majorVersionSegments(urlOrPath).find((s) => /^v\d+$/i.test(s));
  return segment === undefined ? undefined : Number(segment.slice(1));
}
