// The details validators (every error of an invalid input, up to a budget) are as large as the verdict ones and
// run only on invalid input, so server.ts imports them after the router is built rather than before: a large
// API starts listening without them. Until they have loaded, a request waits for them before its operation
// runs, so every answer is the same as if they had been there from the start.
import type { RequestHandler } from "express";
import type { OperationSpec } from "./operation.js";
import type { ValidateFunction } from "./validation.js";

/** The details modules by kind: their exports, named as the verdict validators are. */
export interface DetailModules {
  params: Readonly<Record<string, ValidateFunction>>;
  bodies: Readonly<Record<string, ValidateFunction>>;
}

export interface DetailsLoading {
  /** Copies of the operations whose `details` are filled in once the modules have loaded. */
  operations: readonly OperationSpec[];
  /** Holds a request back while the modules load; undefined when there is nothing to load. */
  gate: RequestHandler | undefined;
}

export function loadDetails(
  operations: readonly OperationSpec[],
  load: (() => Promise<DetailModules>) | undefined,
): DetailsLoading {
  const copies = operations.map((op) => ({ ...op }));
  if (load === undefined || !copies.some((op) => op.detailNames !== undefined))
    return { operations: copies, gate: undefined };
  let loaded = false;
  const loading = load().then((modules) => {
    for (const op of copies) if (op.detailNames !== undefined) op.details = detailsOf(op.detailNames, modules);
    loaded = true;
  });
  loading.catch(() => undefined); // reported to the requests that wait for it; never an unhandled rejection
  const gate: RequestHandler = (_req, _res, next) => {
    if (loaded) next();
    else loading.then(() => next(), next);
  };
  return { operations: copies, gate };
}

function detailsOf(
  names: NonNullable<OperationSpec["detailNames"]>,
  modules: DetailModules,
): NonNullable<OperationSpec["details"]> {
  const details: {
    -readonly [K in keyof NonNullable<OperationSpec["details"]>]: NonNullable<OperationSpec["details"]>[K];
  } = {};
  for (const location of ["path", "query", "header", "cookie"] as const) {
    const validate = names[location] === undefined ? undefined : modules.params[names[location]];
    if (validate !== undefined) details[location] = validate;
  }
  // fromEntries: a media type is an own key, whatever it is named.
  const bodies = Object.entries(names.bodies ?? {}).flatMap(([mediaType, name]) =>
    modules.bodies[name] === undefined ? [] : [[mediaType, modules.bodies[name]] as const],
  );
  if (bodies.length > 0) details.bodies = Object.fromEntries(bodies);
  return details;
}
