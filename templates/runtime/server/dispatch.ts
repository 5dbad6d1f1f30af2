// One dispatcher for every operation of the API, in place of one Express route per path: a request is tried
// against every path that matches its URL, in OpenAPI order, and a path that does not allow the method passes
// the request on to the next candidate (`/v1/{name}:cancel` (POST) is not shadowed by `/v1/{name}` (GET)).
// 405 comes only when no matching path allows the method; its Allow header lists what they all allow. Operations a
// discriminator selects (`#name` path keys) pass on a request none of them selects the same way.
import type { NextFunction, Request, RequestHandler, Response } from "express";
import { compilePath, comparePaths, decodeParam, pathShape } from "./paths.js";
import type { PathMatcher } from "./paths.js";
import { HttpProblem } from "./problem.js";

export interface Routable {
  method: string;
  path: string;
  pathValues?: Readonly<Record<string, readonly string[]>>;
}

export interface DispatchOptions {
  /** Prefixes the paths are served under ("" for the root); several when the server URL has variables. */
  basePaths: readonly string[];
  /** Answers an OPTIONS request that no operation declares, given every method allowed at the URL. */
  answerOptions(allow: readonly string[]): RequestHandler;
  /** Answer 404 problems for unknown paths under a base path. */
  notFound: boolean;
}

/** The handlers of one method at one path; `selection`: only the requests it selects (discriminator.ts). */
export interface ServedMethod {
  method: string;
  chain: readonly RequestHandler[];
  selection?: { selects(req: Request): boolean; refusal(): unknown } | undefined;
}

interface Route {
  matcher: PathMatcher;
  /** Equivalent paths (parameter names aside) have the same shape. */
  shape: string;
  /** Lower-case method -> what serves it. */
  methods: ReadonlyMap<string, ServedMethod>;
}

interface Candidate {
  route: Route;
  values: Record<string, string>;
  base: string;
}

const matchedBases = new WeakMap<Request, string>();

/** The base path a dispatched request matched under ("" for the root), e.g. for a span's `http.route`. */
export function matchedBasePath(req: Request): string {
  return matchedBases.get(req) ?? "";
}

export function dispatcher<T extends Routable>(
  operations: readonly T[],
  chainsOf: (ops: readonly T[], names: Readonly<Record<string, string>>) => Iterable<ServedMethod>,
  options: DispatchOptions,
): RequestHandler {
  const routes = routesOf(operations, chainsOf);
  const servingRoutes = new Map<string, Route[]>();
  /** The routes serving `method`, in matching order (selectiveFirst). */
  const serving = (method: string): Route[] => {
    let found = servingRoutes.get(method);
    if (found === undefined) {
      found = selectiveFirst(
        routes.filter((route) => servedBy(route, method) !== undefined),
        method,
      );
      if (found.length > 0) servingRoutes.set(method, found);
    }
    return found;
  };
  // Longest first, so `/api/v2` is tried before `/api` and each path's own base claims it.
  const bases = [...new Set(options.basePaths)].sort((a, b) => b.length - a.length);
  const optionsAnswers = new Map<string, RequestHandler>();
  /** The paths matching a request path, in matching order, each with its raw parameter values. */
  function* candidatesFor(path: string): Generator<Candidate> {
    for (const base of bases) {
      const rest = relativeTo(base, path);
      if (rest === undefined) continue;
      for (const route of routes) {
        const values = route.matcher.match(rest);
        if (values !== undefined) yield { route, values, base };
      }
    }
  }
  const underBase = (path: string): boolean => bases.some((base) => relativeTo(base, path) !== undefined);

  return (req, res, next) => {
    const method = req.method.toLowerCase();
    // Stops at the first path serving the method and selecting the request; the others are only needed for Allow.
    let refusal: unknown;
    for (const base of bases) {
      const rest = relativeTo(base, req.path);
      if (rest === undefined) continue;
      for (const route of serving(method)) {
        const values = route.matcher.match(rest);
        const served = values === undefined ? undefined : servedBy(route, method);
        if (values === undefined || served === undefined) continue;
        if (served.selection !== undefined && !served.selection.selects(req)) {
          refusal ??= served.selection.refusal();
          continue;
        }
        const params = decodedParams(values);
        if (params instanceof Error) {
          next(params);
          return;
        }
        req.params = params;
        if (base !== "") matchedBases.set(req, base);
        runChain(served.chain, req, res, next);
        return;
      }
    }
    if (refusal !== undefined) {
      next(refusal);
      return;
    }
    const candidates = [...candidatesFor(req.path)];
    if (candidates.length === 0) {
      next(
        options.notFound && underBase(req.path)
          ? new HttpProblem(404, "not_found", "No operation of this API matches the path.")
          : undefined,
      );
      return;
    }
    const allow = allowedMethods(candidates);
    const key = allow.join(", ");
    if (method === "options") {
      let answer = optionsAnswers.get(key);
      if (answer === undefined) optionsAnswers.set(key, (answer = options.answerOptions(allow)));
      answer(req, res, next);
      return;
    }
    next(
      new HttpProblem(405, "method_not_allowed", `${req.method} is not supported here; use ${key}.`, {
        headers: { Allow: key },
      }),
    );
  };
}

/** The request path below `base` ("/" for the base itself), or undefined when it is not under it. */
function relativeTo(base: string, path: string): string | undefined {
  if (base !== "" && path !== base && !path.startsWith(`${base}/`)) return undefined;
  return path.slice(base.length) || "/";
}

function routesOf<T extends Routable>(
  operations: readonly T[],
  chainsOf: (ops: readonly T[], names: Readonly<Record<string, string>>) => Iterable<ServedMethod>,
): Route[] {
  const byPath = new Map<string, T[]>();
  for (const op of operations) byPath.set(op.path, [...(byPath.get(op.path) ?? []), op]);
  return [...byPath.entries()]
    .sort(([a], [b]) => comparePaths(a, b))
    .map(([path, ops]) => {
      const matcher = compilePath(path, (name) => valuesOf(ops, name));
      return {
        matcher,
        shape: pathShape(path),
        methods: new Map([...chainsOf(ops, matcher.names)].map((served) => [served.method.toLowerCase(), served])),
      };
    });
}

/**
 * `routes` with, among equivalent paths, those whose `method` is selected by a discriminator first (in their order),
 * in the places the group holds: a path taking every request would otherwise hide an equivalent path's operation
 * that only some requests select, whichever path sorts first. Other paths keep their order.
 */
function selectiveFirst(routes: readonly Route[], method: string): Route[] {
  const out = [...routes];
  const places = new Map<string, number[]>();
  routes.forEach((route, index) => places.set(route.shape, [...(places.get(route.shape) ?? []), index]));
  for (const indexes of places.values()) {
    if (indexes.length < 2) continue;
    const members = indexes.map((index) => routes[index]!);
    const selective = (route: Route) => servedBy(route, method)?.selection !== undefined;
    const reordered = [...members.filter(selective), ...members.filter((route) => !selective(route))];
    indexes.forEach((index, k) => (out[index] = reordered[k]!));
  }
  return out;
}

/** A parameter's values when every operation of the path enumerates them (the union), else undefined: unconstrained. */
function valuesOf(operations: readonly Routable[], name: string): readonly string[] | undefined {
  const lists = operations.map((op) =>
    op.pathValues !== undefined && Object.hasOwn(op.pathValues, name) ? op.pathValues[name] : undefined,
  );
  if (lists.some((list) => list === undefined)) return undefined;
  return [...new Set(lists.flatMap((list) => list ?? []))];
}

/** HEAD is served by GET where the path declares no HEAD operation (RFC 9110 §9.3.2). */
function servedBy(route: Route, method: string): ServedMethod | undefined {
  return route.methods.get(method) ?? (method === "head" ? route.methods.get("get") : undefined);
}

function allowedMethods(candidates: readonly Candidate[]): string[] {
  const methods = new Set(
    candidates.flatMap(({ route }) => [...route.methods.keys()].map((method) => method.toUpperCase())),
  );
  if (methods.has("GET")) methods.add("HEAD");
  methods.add("OPTIONS");
  return [...methods].sort();
}

/** Percent-decoded values; an invalid encoding is the client's mistake, raised as Express raises it (status 400). */
function decodedParams(values: Readonly<Record<string, string>>): Record<string, string> | Error {
  const out: Record<string, string> = {};
  for (const [key, raw] of Object.entries(values)) {
    const value = decodeParam(raw);
    if (value === undefined)
      return Object.assign(new URIError(`Failed to decode path parameter '${raw}'`), { status: 400 });
    out[key] = value;
  }
  return out;
}

/** Runs handlers in order as Express would: each continues with next(), an error or a rejection ends the chain. */
export function runChain(chain: readonly RequestHandler[], req: Request, res: Response, done: NextFunction): void {
  let index = 0;
  const step = (error?: unknown): void => {
    const handler = chain[index++];
    if (error !== undefined || handler === undefined) {
      done(error);
      return;
    }
    try {
      const result: unknown = handler(req, res, step);
      if (result instanceof Promise) result.catch(done);
    } catch (thrown) {
      done(thrown);
    }
  };
  step();
}
