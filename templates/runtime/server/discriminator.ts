// Operations that share a path and method, told apart by what the request carries: the discriminator taken from
// their path keys (`/#X-Amz-Target=Svc.Op` -> header X-Amz-Target, `/{Bucket}/{Key}#uploadId` -> query uploadId,
// `/jobs?op=LIST` -> query op=LIST). One Express handler per method picks the operation, most specific first.
import type { Request, RequestHandler } from "express";
import type { Discriminator, HttpMethod, OperationSpec } from "./operation.js";
import { runChain } from "./dispatch.js";
import { HttpProblem } from "./problem.js";
import type { FieldError } from "./problem.js";

/** At most this many selecting values are listed in the 400 problem (AWS services have hundreds). */
const LISTED_VALUES = 10;

/** The handlers of one method at one path, and when every operation there is selected by a discriminator, how. */
export interface MethodChain {
  method: HttpMethod;
  chain: RequestHandler[];
  /**
   * Absent when the method's operations take any request. Else a request none of them selects is passed on to the
   * other paths matching it (Azure's `/{applicationDefinitionId}#disambiguation_dummy` beside `/{applicationId}`),
   * and refused with `refusal` when none takes it.
   */
  selection?: { selects(req: Request): boolean; refusal(): HttpProblem } | undefined;
}

/** The handlers to register per method of one path: one operation's chain as it is, several behind a dispatcher. */
export function methodChains(
  operations: readonly OperationSpec[],
  chainOf: (op: OperationSpec) => RequestHandler[],
): MethodChain[] {
  const byMethod = new Map<HttpMethod, OperationSpec[]>();
  for (const op of operations) byMethod.set(op.method, [...(byMethod.get(op.method) ?? []), op]);
  return [...byMethod].map(([method, ops]): MethodChain => {
    const ordered = [...ops].sort((a, b) => size(b) - size(a)); // stable: spec order among equals
    const selection = ordered.every((op) => op.discriminator !== undefined)
      ? {
          selects: (req: Request) => ordered.some((op) => selects(op.discriminator, req)),
          refusal: () => noOperation(ordered),
        }
      : undefined;
    const only = ordered[0];
    if (ordered.length === 1 && only !== undefined) return { method, chain: chainOf(only), selection };
    const chains = ordered.map(chainOf);
    const dispatch: RequestHandler = (req, res, next) => {
      const chain = chains[ordered.findIndex((op) => selects(op.discriminator, req))];
      if (chain === undefined) next(noOperation(ordered));
      else runChain(chain, req, res, next);
    };
    return { method, chain: [dispatch], selection };
  });
}

/** Query names the discriminator requires: known to the operation even when it declares no parameter of that name. */
export function discriminatorQueryNames(op: OperationSpec): string[] {
  return (op.discriminator?.query ?? []).map((entry) => entry.name);
}

function size(op: OperationSpec): number {
  return (op.discriminator?.query.length ?? 0) + (op.discriminator?.headers.length ?? 0);
}

function selects(discriminator: Discriminator | undefined, req: Request): boolean {
  if (discriminator === undefined) return true;
  const question = req.url.indexOf("?");
  const query = new URLSearchParams(question < 0 ? "" : req.url.slice(question + 1));
  const queryOk = discriminator.query.every(({ name, value }) =>
    value === undefined ? query.has(name) : query.getAll(name).includes(value),
  );
  return (
    queryOk &&
    discriminator.headers.every(({ name, value }) => {
      const raw = req.headers[name.toLowerCase()];
      if (raw === undefined) return false;
      return value === undefined || (Array.isArray(raw) ? raw.join(",") : raw).trim() === value;
    })
  );
}

/** 400, like any missing or invalid parameter: the request selects none of the operations at this path and method. */
function noOperation(ops: readonly OperationSpec[]): HttpProblem {
  const wanted = new Map<string, Set<string>>();
  for (const op of ops) {
    for (const [location, entries] of [
      ["query", op.discriminator?.query ?? []],
      ["header", op.discriminator?.headers ?? []],
    ] as const) {
      for (const { name, value } of entries) {
        const field = `${location}.${location === "header" ? name.toLowerCase() : name}`;
        const values = wanted.get(field) ?? new Set<string>();
        if (value !== undefined) values.add(value);
        wanted.set(field, values);
      }
    }
  }
  const errors: FieldError[] = [...wanted].map(([field, values]) => {
    const listed = [...values]
      .slice(0, LISTED_VALUES)
      .map((value) => JSON.stringify(value))
      .join(", ");
    const more = values.size > LISTED_VALUES ? ` (and ${values.size - LISTED_VALUES} more)` : "";
    return {
      field,
      code: "no_matching_operation",
      message:
        values.size > 0
          ? `${field} selects the operation; send one of ${listed}${more}`
          : `${field} selects the operation; send it`,
    };
  });
  return new HttpProblem(
    400,
    "validation_failed",
    "The request selects none of the operations at this path and method.",
    { errors },
  );
}
