// The path prefixes a server URL stands for: its variables (OpenAPI "Server Object") replaced by their
// default, then by every combination of their enum values, so `/api/{version}` is served at `/api/v1` and `/api/v2`.
import type { Server } from "./ir.js";

/** More prefixes than this and the server is served at the defaults only (with a warning): each costs a match per request. */
export const MAX_BASE_PATHS = 32;

const MAX_COMBINATIONS = 4096;

export interface BasePaths {
  /** The defaults' prefix first; "" when the URL has no path. */
  paths: string[];
  warning: string | undefined;
}

export function basePathsOf(server: Server | undefined): BasePaths {
  if (server === undefined) return { paths: [""], warning: undefined };
  const used = [...new Set([...server.url.matchAll(/\{([^{}]*)\}/g)].map((found) => found[1] ?? ""))];
  const choices = used.map((name) => {
    const variable = server.variables[name];
    // An undeclared variable is invalid OpenAPI; it is dropped, as before variables were expanded.
    if (variable === undefined) return { name, values: [""] };
    return { name, values: [...new Set([variable.default, ...(variable.enum ?? [])])] };
  });
  const combinations = choices.reduce((count, choice) => count * choice.values.length, 1);
  const defaults = pathOf(
    substitute(server.url, Object.fromEntries(choices.map((choice) => [choice.name, choice.values[0] ?? ""]))),
  );
  // Host variables multiply combinations without adding prefixes, so the bound is on distinct prefixes; the
  // enumeration itself is bounded too, against a product of large enums.
  if (combinations > MAX_COMBINATIONS)
    return { paths: [defaults], warning: tooMany(server.url, `${combinations} combinations of values`, defaults) };
  let assignments: Record<string, string>[] = [{}];
  for (const choice of choices)
    assignments = assignments.flatMap((assignment) =>
      choice.values.map((value) => ({ ...assignment, [choice.name]: value })),
    );
  const paths = [
    ...new Set([defaults, ...assignments.map((assignment) => pathOf(substitute(server.url, assignment)))]),
  ];
  if (paths.length > MAX_BASE_PATHS)
    return { paths: [defaults], warning: tooMany(server.url, `${paths.length} distinct paths`, defaults) };
  return { paths, warning: undefined };
}

function tooMany(url: string, what: string, defaults: string): string {
  return `server URL "${url}": its variables' values give ${what} (more than ${MAX_BASE_PATHS} base paths); the server is generated for the defaults only ("${defaults || "/"}"); pass createRouter's basePath option to serve others`;
}

function substitute(url: string, values: Readonly<Record<string, string>>): string {
  return url.replace(/\{([^{}]*)\}/g, (_whole, name: string) => values[name] ?? "");
}

/** The path of a (substituted) server URL: scheme and host dropped, no trailing slash; "" when it has none. */
function pathOf(url: string): string {
  const path = url
    .replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, "")
    .replace(/[?#].*$/, "")
    .replace(/\/{2,}/g, "/")
    .replace(/\/+$/, "");
  return path.startsWith("/") ? path : "";
}
