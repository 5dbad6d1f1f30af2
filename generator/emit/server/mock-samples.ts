// The answer of each mock handler, computed at generation time (mock.ts only holds the data): a documented status
// (mockStatus), and the first body that conforms to that response's schema under the server's own response
// validation: the spec's example, else openapi-sampler's sample, else a value synthesized from the schema's
// constraints (synthesize.ts), first with optional properties, then with only what is required. Where none
// conforms (a schema no value satisfies), another documented status below 400 whose body does is answered, else
// the status without a body; either way a warning names the operation and the cause: a mock never answers a body
// its own response validation refuses with a 500.
// A list operation's sample holds its whole dataset (mock-dataset.ts) and the way it pages, which the runtime
// follows (templates/runtime/server/mock-paging.ts).
import { sample } from "openapi-sampler";
import type { JSONSchema7 } from "json-schema";
import type { ApiModel, FieldPath, Operation, Parameter, Response } from "../../model/ir.js";
import type { MockPaging } from "../../../templates/runtime/server/mock-paging.js";
import { withValueAt } from "../../../templates/runtime/server/mock-paging.js";
import { valueAt } from "../../../templates/runtime/server/pagination.js";
import { conformingBodies, type Accepts, type Candidates, type SampleChecks } from "./example-check.js";
import { droppedKeywordWarning, warnOnStderr, type Warn } from "../../model/pattern-policy.js";
import { pageBounds } from "./page-bounds.js";
import { arraySchemasAt, dataset, distinctFields } from "./mock-dataset.js";
import { synthesize } from "./synthesize.js";

export interface MockAnswer {
  status: number;
  body: unknown;
  /** Whether the answered response declares a Location header (the mock sends none it does not declare). */
  declaresLocation: boolean;
  /** How the mock pages a list operation; null: it answers `body` as it is. */
  paging: MockPaging | null;
}

export function mockAnswers(model: ApiModel, warn: Warn = warnOnStderr): Map<string, MockAnswer> {
  const root = model.schemaRoot;
  const bodies = new Map<string, { status: number; body: unknown }>();
  let checks: SampleChecks | undefined;
  const candidatesOf = (status: number, response: Response | undefined): Choice | undefined => {
    const content = response?.content[0];
    const schema = content?.schema ?? null;
    if (content === undefined || schema === null) return undefined;
    const accepts: Accepts = (node, value) => checks?.accepts(node, value) ?? true;
    const synthesized = (optional: boolean) => () =>
      synthesize(root, schema, { direction: "response", optional, accepts });
    const candidates = [() => sampled(schema, root), synthesized(true), synthesized(false)];
    if (content.example !== undefined) candidates.unshift(() => content.example);
    return { status, candidates: { schema, candidates } };
  };
  // First the status mockStatus picks; for the operations none of whose bodies conforms, the other documented
  // statuses below 400 (a 201 beside a 200 whose schema no value satisfies).
  const failing = new Map<string, { status: number; schema: unknown; last: unknown }>();
  const primary: [Operation, Choice][] = [];
  for (const op of model.operations) {
    const { status, response } = mockStatus(op);
    const choice = candidatesOf(status, response);
    if (choice === undefined) bodies.set(op.id, { status, body: undefined });
    else primary.push([op, choice]);
  }
  const chosen = conformingBodies(
    model,
    primary.map(([, choice]) => choice.candidates),
    (made) => (checks = made),
    droppedKeywordWarning(model.source, warn),
  );
  primary.forEach(([op, choice], index) => {
    const { body, conforms, last } = chosen[index] ?? { body: undefined, conforms: false, last: undefined };
    if (conforms) bodies.set(op.id, { status: choice.status, body });
    else failing.set(op.id, { status: choice.status, schema: choice.candidates.schema, last });
  });
  const others: [Operation, Choice][] = [];
  for (const op of model.operations.filter((candidate) => failing.has(candidate.id))) {
    const primaryStatus = failing.get(op.id)?.status;
    for (const response of op.responses) {
      if (!/^[123]\d\d$/.test(response.status) || Number(response.status) === primaryStatus) continue;
      const choice = candidatesOf(Number(response.status), response);
      if (choice !== undefined) others.push([op, choice]);
    }
  }
  const fallback =
    others.length === 0
      ? []
      : conformingBodies(
          model,
          others.map(([, choice]) => choice.candidates),
          (made) => (checks = made),
          droppedKeywordWarning(model.source, warn),
        );
  others.forEach(([op, choice], index) => {
    if (bodies.has(op.id) || fallback[index]?.conforms !== true) return;
    bodies.set(op.id, { status: choice.status, body: fallback[index]?.body });
    warn(
      `${model.source}: ${describe(op)}: no body the ${failing.get(op.id)?.status} response's schema accepts could be built; the mock answers the documented ${choice.status} instead`,
    );
  });
  for (const [id, { status, schema, last }] of failing) {
    if (bodies.has(id)) continue;
    const op = model.operations.find((candidate) => candidate.id === id);
    // OpenAPI 3.x §4.8.17.1: `content` describes *potential* payloads; an answer without one contradicts no schema.
    bodies.set(id, { status, body: undefined });
    const why = checks?.firstError(schema, last);
    warn(
      `${model.source}: ${op === undefined ? id : describe(op)}: no body the ${status} response's schema accepts could be built${why === undefined ? "" : ` (the best try: ${why})`}${hint(why)}; the mock answers ${status} without a body`,
    );
  }
  const answers = new Map<string, MockAnswer>();
  for (const op of model.operations) {
    const { status, body } = bodies.get(op.id) ?? { status: 200, body: undefined };
    const answered = op.responses.find((response) => response.status === String(status));
    const declaresLocation = answered?.headers.some((header) => header.rawName.toLowerCase() === "location") ?? false;
    answers.set(op.id, {
      ...(body === undefined
        ? { status, body, paging: null }
        : mockAnswer(op, root, status, body, (schema, value) => checks?.accepts(schema, value) ?? true)),
      declaresLocation,
    });
  }
  return answers;
}

interface Choice {
  status: number;
  candidates: Candidates;
}

const describe = (op: Operation): string => `${op.method.toUpperCase()} ${op.pathKey} (${op.id})`;

/** The usual cause of an unsatisfiable object schema, named with the fix. */
function hint(why: string | undefined): string {
  if (why === undefined || !why.includes("additional properties")) return "";
  return (
    ": where `additionalProperties: false` sits beside `allOf`, it does not see the properties the allOf parts declare (JSON Schema 2020-12 §10.3.2.3), " +
    "so no object with them validates; `unevaluatedProperties: false` (OpenAPI 3.1) says what such specs mean"
  );
}

/**
 * The status the mock answers and the response documenting it: the first documented 2xx; else the first other
 * documented status below 400 (a 3xx); else a `2XX` range or `default` answered as 200; else the first documented
 * status at all, so development-mode response validation (responseKey) always finds it documented.
 */
export function mockStatus(op: Operation): { status: number; response: Response | undefined } {
  const exact = op.responses.filter((response) => /^\d{3}$/.test(response.status));
  const pick =
    exact.find((response) => response.status.startsWith("2")) ??
    exact.find((response) => Number(response.status) < 400) ??
    op.responses.find((response) => response.status.toUpperCase() === "2XX") ??
    op.responses.find((response) => response.status === "default") ??
    exact[0] ??
    op.responses.find((response) => /^[1-5]XX$/i.test(response.status));
  if (pick === undefined) return { status: 200, response: undefined };
  const status = /^\d{3}$/.test(pick.status)
    ? Number(pick.status)
    : pick.status === "default"
      ? 200
      : Number(pick.status[0]) * 100;
  return { status, response: pick };
}

/** openapi-sampler's sample; undefined when it throws (it does on some recursive schemas). */
function sampled(schema: unknown, root: Readonly<Record<string, unknown>>): unknown {
  try {
    return sample(schema as JSONSchema7, { skipWriteOnly: true, quiet: true, maxSampleDepth: 4 }, root);
  } catch {
    return undefined;
  }
}

/** A list operation's body holds its dataset; its paging says how the mock serves it. */
function mockAnswer(
  op: Operation,
  root: unknown,
  status: number,
  body: unknown,
  accepts: Accepts,
): Omit<MockAnswer, "declaresLocation"> {
  const paging = mockPaging(op, root, status, body);
  if (paging === null) return { status, body, paging };
  const path = paging.items ?? [];
  const items = valueAt(body, path);
  if (!Array.isArray(items) || items.length === 0) return { status, body, paging }; // an empty list: one page, its token cleared
  const schema = responseSchema(op, status);
  const unique = arraySchemasAt(root, schema, path).some((array) => array.uniqueItems === true);
  // Under uniqueItems, a copy replaces its original in the sample, whose other items stay: the check sees the
  // changed item against the item schema and against the others.
  const fits = (index: number, item: unknown) =>
    accepts(
      schema,
      withValueAt(
        body,
        path,
        items.map((original, at) => (at === index ? item : original)),
      ),
    );
  const all = dataset(items, { distinct: distinctFields(op), ...(unique ? { fits } : {}) });
  return { status, body: withValueAt(body, path, all), paging };
}

const responseSchema = (op: Operation, status: number): unknown =>
  op.responses.find((response) => response.status === String(status))?.content[0]?.schema;

function mockPaging(op: Operation, root: unknown, status: number, body: unknown): MockPaging | null {
  const pagination = op.pagination;
  if (pagination === null) return null;
  const minItems = Math.max(
    0,
    ...arraySchemasAt(root, responseSchema(op, status), pagination.itemsField ?? []).map((array) =>
      typeof array.minItems === "number" ? array.minItems : 0,
    ),
  );
  return { ...schemeOf(op, pagination, body), ...(minItems > 0 ? { minItems } : {}) };
}

function schemeOf(
  op: Operation,
  pagination: NonNullable<Operation["pagination"]>,
  body: unknown,
): DistributiveOmit<MockPaging, "minItems"> {
  const items = pagination.itemsField;
  switch (pagination.kind) {
    case "cursor":
      return {
        kind: "cursor",
        items,
        next: pagination.nextTokenField,
        hasMore: pagination.hasMoreField,
        total: totalBeside(body, pagination.nextTokenField),
      };
    case "offset":
      return {
        kind: "offset",
        items,
        isLast: pagination.isLastField,
        hasMore: pagination.hasMoreField,
        total: pagination.totalField,
      };
    case "link":
      return {
        kind: "link",
        items,
        pageParam: pageNumberParam(op.parameters),
        sizeParam: pagination.sizeParam,
        ...pageBounds(op, pagination.sizeParam),
      };
    case "after":
      return {
        kind: "after",
        items,
        afterParam: pagination.afterParam,
        cursor: pagination.cursorField,
        hasMore: pagination.hasMoreField,
        sizeParam: pagination.sizeParam,
        ...pageBounds(op, pagination.sizeParam),
      };
  }
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** AIP-158's `total_size` and its kin, next to the next token: a count the mock keeps true to its dataset. */
const TOTAL_NAMES = ["total_size", "totalSize", "total", "total_count", "totalCount"];

function totalBeside(body: unknown, nextToken: FieldPath): FieldPath | null {
  for (const place of [nextToken.slice(0, -1), []]) {
    const name = TOTAL_NAMES.find((candidate) => typeof valueAt(body, [...place, candidate]) === "number");
    if (name !== undefined) return [...place, name];
  }
  return null;
}

/** The link style's page-number parameter (GitHub's `page`); without one the mock's list is one page. */
function pageNumberParam(parameters: readonly Parameter[]): string | null {
  const page = parameters.find(
    (param) =>
      param.in === "query" &&
      param.rawName === "page" &&
      param.shape.kind === "scalar" &&
      param.shape.types.some((type) => type === "integer" || type === "number"),
  );
  return page?.rawName ?? null;
}
