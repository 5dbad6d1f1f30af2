// The four checks of issue 12 on one operation, through the generated client: the valid request is accepted, its
// response conforms, a list ends within the page limit with every page accepted, an invalid request gets a 4xx
// error payload. Every 5xx seen is counted and explained by what the server logged.
import type { ApiModel, Operation } from "../../generator/model/ir.js";
import { PageLimitReached, type Exchange, type Recorder } from "./exchanges.js";
import { invalidInput, smallPageInput, validInput } from "./inputs.js";
import type { Failure, OperationOutcome } from "./outcome.js";
import { documentsBody, responseProblem } from "./response-check.js";
import type { Served } from "./serve.js";
import { deref, isObject, type SpecSchemas } from "./spec-schemas.js";

export const MAX_PAGES = 50;
const CALL_OPTIONS = { timeoutMs: 15_000, retry: false };

type Json = Record<string, unknown>;
type ClientMethod = (input: Json, options: object) => PromiseLike<unknown> & Partial<AsyncIterable<unknown>>;

export interface SpecContext {
  model: ApiModel;
  document: Json;
  schemas: SpecSchemas;
  client: Record<string, Record<string, ClientMethod>>;
  recorder: Recorder;
  served: Served;
}

/** A list operation: the IR pages it, or it is a GET whose first success response is an array. */
export function isList(document: Json, op: Operation): boolean {
  if (op.pagination !== null) return true;
  if (op.method !== "get") return false;
  const success = op.responses.find((r) => r.kind === "success")?.content[0]?.schema;
  return deref(document, success)?.type === "array";
}

/** No documented response but errors (4xx, 5xx and their ranges): no `default`, nothing below 400. */
export function documentsOnlyErrors(op: Operation): boolean {
  return op.responses.length > 0 && op.responses.every((response) => response.kind === "error");
}

/** Whether `status` is documented for the operation, exactly or by its `4XX`-style range. */
function documentsStatus(op: Operation, status: number): boolean {
  return op.responses.some(
    (response) =>
      response.status === String(status) || response.status.toUpperCase() === `${String(status).charAt(0)}XX`,
  );
}

/** The problem's short form for a report: status, code or title, and the first field error. */
export function describeAnswer(exchange: Exchange): string {
  let detail = exchange.text.slice(0, 200);
  try {
    const body = JSON.parse(exchange.text) as Json;
    const errors = Array.isArray(body.errors) && isObject(body.errors[0]) ? body.errors[0] : undefined;
    const code = typeof body.code === "string" ? body.code : typeof body.title === "string" ? body.title : "";
    // A 405's detail lists the path's methods, which vary per spec: the code is the class.
    const text = typeof body.detail === "string" && exchange.status !== 405 ? ` ${body.detail}` : "";
    // A spec's own error schema (Azure `{ errorCode, errorMessage }`) has none of those members: its text says why.
    if (errors) detail = `${code} ${JSON.stringify(errors.field)} ${errors.code}: ${errors.message}`;
    else if (`${code}${text}` !== "") detail = `${code}${text}`;
  } catch {
    // not JSON: the text itself
  }
  return `${exchange.status} ${detail.replace(/;? ?quote request id \S+ when reporting it\./, "")}`.trim();
}

function errorText(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  // fetch's TypeError says only "fetch failed"; its cause says why (a header value fetch refuses, a reset socket).
  const cause = error.cause instanceof Error ? error.cause : undefined;
  const deeper = cause?.cause instanceof Error ? cause.cause : undefined;
  return `${error.name}: ${error.message}${cause ? ` (${cause.message}${deeper ? `: ${deeper.message}` : ""})` : ""}`;
}

/** An operation's outcome before any check: nothing passed, nothing failed. */
export function newOutcome(document: Json, op: Operation): OperationOutcome {
  return {
    id: op.id,
    method: op.method,
    path: op.path,
    list: isList(document, op),
    checks: {},
    failures: [],
    fivexx: 0,
  };
}

export async function exercise(context: SpecContext, op: Operation): Promise<OperationOutcome> {
  const { model, document, schemas, client, recorder, served } = context;
  const outcome = newOutcome(document, op);
  const fail = (failure: Failure) => outcome.failures.push(failure);
  const count5xx = (exchanges: readonly Exchange[], during: string) => {
    for (const exchange of exchanges.filter((e) => e.status >= 500)) {
      outcome.fivexx += 1;
      const logged = served.logged.shift();
      fail({
        check: "5xx",
        message: `${during}: ${logged ? `${exchange.status} ${logged.error}` : describeAnswer(exchange)}`,
      });
    }
    served.logged.length = 0;
  };
  const method = client[op.group]?.[op.name];
  if (typeof method !== "function") {
    fail({ check: "accepted", message: `the client has no method ${op.group}.${op.name}` });
    outcome.checks.accepted = false;
    return outcome;
  }

  const valid = validInput(model, document, schemas, op);
  if (valid.untestable !== undefined) {
    outcome.untestable = valid.untestable;
    return outcome;
  }

  // (a) + (b): the valid request, its response.
  let exchanges = recorder.begin();
  let thrown: unknown;
  served.handled.length = 0;
  await Promise.resolve(method(valid.input, CALL_OPTIONS)).catch((error: unknown) => (thrown = error));
  const answer = exchanges[exchanges.length - 1];
  // An operation documenting only errors is answered one of them by the mock, by design: accepted when its handler
  // ran (the server's checks passed) and the status is documented; its error then is the expected result, a 5xx
  // (appwrite's `/health` documents only a 500) included.
  const documentedError =
    answer !== undefined &&
    answer.status >= 400 &&
    documentsOnlyErrors(op) &&
    served.handled.includes(op.id) &&
    documentsStatus(op, answer.status);
  count5xx(documentedError ? exchanges.slice(0, -1) : exchanges, "valid request");
  if (answer === undefined) {
    outcome.checks.accepted = false;
    fail({ check: "accepted", message: `no request sent: ${errorText(thrown)}` });
    return outcome;
  }
  outcome.checks.accepted = answer.status < 400 || documentedError;
  if (answer.status >= 400 && answer.status < 500 && !documentedError)
    fail({ check: "accepted", message: `valid request answered ${describeAnswer(answer)}` });
  if (outcome.checks.accepted) {
    const problem = responseProblem(document, schemas, op, answer);
    outcome.checks.conforms = problem === undefined;
    if (problem !== undefined) fail({ check: "conforms", message: problem });
    if (thrown !== undefined && !documentedError)
      fail({ check: "accepted", message: `the client failed on a ${answer.status}: ${errorText(thrown)}` });
  }

  // (c): iterate a list to its end.
  if (outcome.list && outcome.checks.accepted) {
    exchanges = recorder.begin(MAX_PAGES);
    const result = method(smallPageInput(document, schemas, op, valid.input), CALL_OPTIONS);
    let iterationError: unknown;
    if (typeof result[Symbol.asyncIterator] === "function") {
      try {
        for await (const _item of result as AsyncIterable<unknown>) void _item;
      } catch (error) {
        iterationError = error;
      }
    } else {
      await Promise.resolve(result).catch((error: unknown) => (iterationError = error));
    }
    outcome.pages = exchanges.length;
    count5xx(exchanges, "list page");
    const refused = exchanges.find((e) => e.status >= 400);
    outcome.checks.terminates = iterationError === undefined && refused === undefined;
    if (iterationError instanceof PageLimitReached)
      fail({
        check: "terminates",
        message: `iteration did not end within ${MAX_PAGES} pages (${op.pagination?.kind ?? "unpaged"} paging)`,
      });
    else if (refused)
      fail({
        check: "terminates",
        message: `page ${exchanges.indexOf(refused) + 1} answered ${describeAnswer(refused)} (${op.pagination?.kind ?? "unpaged"} paging)`,
      });
    else if (iterationError !== undefined)
      fail({ check: "terminates", message: `iteration failed: ${errorText(iterationError)}` });
  }

  // (d): one input the spec forbids.
  const invalid = invalidInput(model, document, schemas, op, valid.input);
  if (invalid !== undefined) {
    exchanges = recorder.begin();
    await Promise.resolve(method(invalid.input, CALL_OPTIONS)).catch(() => undefined);
    const reply = exchanges[exchanges.length - 1];
    count5xx(exchanges, `invalid request (${invalid.what})`);
    // HEAD answers carry no body (RFC 9110 §9.3.2): there the status alone is the error.
    const rejected =
      reply !== undefined && reply.status >= 400 && reply.status < 500 && (reply.text !== "" || op.method === "head");
    outcome.checks.rejectsInvalid = rejected;
    if (!rejected)
      fail({
        check: "rejectsInvalid",
        message:
          reply === undefined
            ? `no request sent for ${invalid.what}`
            : `${invalid.what}: answered ${describeAnswer(reply)}`,
      });
    if (rejected && documentsBody(document, op, reply.status)) {
      const problem = responseProblem(document, schemas, op, reply);
      outcome.checks.errorPayload = problem === undefined;
      if (problem !== undefined) fail({ check: "errorPayload", message: `${reply.status} error payload: ${problem}` });
    }
  }
  return outcome;
}
