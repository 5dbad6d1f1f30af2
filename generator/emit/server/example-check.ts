// Which of a response's candidate bodies (the spec's example, generated samples) conforms to its schema. Real
// specs ship examples that break their own schemas (Slack's integer `id` typed string; a third of GitHub's); a
// mock answering one fails development-mode response validation with a 500. Checked with the rules the runtime's
// response validation uses (json-schema.ts), in one compiled schema for the whole API: one compilation per
// schema would cost GitHub's 930 examples ten seconds.
import { Ajv2020 } from "ajv/dist/2020.js";
import type { ValidateFunction } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import type { ApiModel } from "../../model/ir.js";
import {
  isUnicodePattern,
  SchemaRegistry,
  type DroppedKeyword,
} from "../../../templates/runtime/server/json-schema.js";
import { sampleMatcher } from "../../model/pattern-policy.js";

// ajv-formats is CommonJS: under NodeNext its default import is the module object.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

export interface Candidates {
  schema: unknown;
  /**
   * Bodies in order of preference (the spec's example, openapi-sampler's sample, synthesized ones), each made only
   * when those before it do not conform. The first that conforms is answered; when none does, the first.
   */
  candidates: readonly (() => unknown)[];
}

/** Whether a value validates against an IR schema (its refs resolved by the model's schemaRoot), under the response validation's rules. */
export type Accepts = (schema: unknown, value: unknown) => boolean;

/** The body chosen for an entry, and whether it conforms (false: no candidate did; `body` is the first). */
export interface Chosen {
  body: unknown;
  conforms: boolean;
  /** The last candidate made: what a warning shows when none conforms (the one built with most care). */
  last: unknown;
}

/** The checks `conformingBodies` hands its caller: for synthesizing oneOf branches, and for saying why a body fails. */
export interface SampleChecks {
  accepts: Accepts;
  /** The first reason `value` does not validate against `schema` ("/a/b must be string"); undefined when it does. */
  firstError(schema: unknown, value: unknown): string | undefined;
}

/**
 * For each entry, its first candidate that conforms to its schema (else its first, not conforming; a schema ajv
 * cannot compile accepts anything). `withChecks` receives the checks of one schema before any candidate is made.
 */
export function conformingBodies(
  model: Pick<ApiModel, "openapi" | "schemaRoot">,
  entries: readonly Candidates[],
  withChecks?: (checks: SampleChecks) => void,
  reportDropped?: DroppedKeyword,
): Chosen[] {
  const chosen: Chosen[] = entries.map(() => ({ body: undefined, conforms: false, last: undefined }));
  const checker = new ResponseChecker(model, reportDropped);
  withChecks?.({
    accepts: (schema, value) => checker.accepts(schema, value),
    firstError: (schema, value) => checker.firstError(schema, value),
  });
  const validate = checker.compileAll(entries.map((entry) => entry.schema));
  let pending = entries.map((_, index) => index);
  const rounds = Math.max(0, ...entries.map((entry) => entry.candidates.length));
  for (let round = 0; round < rounds && pending.length > 0; round++) {
    const tried = new Map<number, unknown>();
    for (const index of pending) {
      const make = entries[index]?.candidates[round];
      if (make === undefined) continue;
      const body = asSent(make());
      const entry = chosen[index];
      if (round === 0) chosen[index] = { body, conforms: false, last: body };
      else if (entry !== undefined && body !== undefined) entry.last = body;
      if (body !== undefined) tried.set(index, body);
    }
    // One schema ajv cannot compile fails the whole API's: then each is checked alone.
    const failing =
      validate === undefined
        ? new Set(
            [...tried]
              .filter(([index, body]) => !checker.accepts(entries[index]?.schema, body))
              .map(([index]) => key(index)),
          )
        : failingKeys(validate, Object.fromEntries([...tried].map(([index, body]) => [key(index), body])));
    for (const [index, body] of tried)
      if (!failing.has(key(index))) chosen[index] = { body, conforms: true, last: body };
    pending = pending.filter((index) =>
      tried.has(index) ? failing.has(key(index)) : (entries[index]?.candidates.length ?? 0) > round + 1,
    );
  }
  return chosen;
}

const key = (index: number): string => `b${index}`;

/**
 * A body as the mock's JSON serialization sends it: openapi-sampler leaves properties it stops at (its depth
 * limit) as `undefined`, which ajv counts toward `minProperties` and `required` while the wire carries none of
 * them (mailscript.com's `criteria: { minProperties: 1 }` went out as `{}`). Values JSON cannot hold stay as built.
 */
function asSent(body: unknown): unknown {
  if (body === undefined) return undefined;
  try {
    return JSON.parse(JSON.stringify(body)) as unknown;
  } catch {
    return body;
  }
}

/**
 * ajv set up as the generated server's development-mode response validation is (response-validation.ts): 2020-12,
 * formats; every pattern, as JavaScript reads it (pattern-policy.ts sampleMatcher: re2js in linear time, RegExp for
 * lookarounds redos-detector found safe, else RegExp under a time limit), so no sample check hangs on a
 * catastrophic pattern. That is stricter than the run-time response check, which runs only the linear ones: a
 * sample this accepts, that check accepts, and so does a client holding it to the spec's full pattern.
 */
class ResponseChecker {
  private readonly registry: SchemaRegistry;
  private readonly ajv: Ajv2020;
  private readonly single = new WeakMap<object, ValidateFunction | null>();
  /** How many definitions the root had when it was last registered with ajv (-1: never). */
  private rootSize = -1;

  constructor(model: Pick<ApiModel, "openapi" | "schemaRoot">, reportDropped?: DroppedKeyword) {
    this.registry = new SchemaRegistry(
      model.schemaRoot,
      model.openapi.startsWith("3.0"),
      "response",
      isUnicodePattern,
      undefined,
      reportDropped,
    );
    // sampleMatcher is defined for every pattern isUnicodePattern admits.
    const regExp = Object.assign((source: string) => sampleMatcher(source) ?? new RegExp(source, "u"), {
      code: "sampleMatcher",
    });
    this.ajv = new Ajv2020({
      strict: false,
      allErrors: true,
      logger: false,
      validateFormats: true,
      inlineRefs: false,
      code: { regExp },
    });
    addFormats(this.ajv);
  }

  /** One schema: an object whose member `b<i>` is the i-th schema's body. */
  compileAll(schemas: readonly unknown[]): ValidateFunction | undefined {
    return this.compile(() => ({
      type: "object",
      properties: Object.fromEntries(schemas.map((schema, index) => [key(index), this.registry.convert(schema)])),
    }));
  }

  accepts(schema: unknown, value: unknown): boolean {
    const validate = this.validator(schema);
    return validate === null || validate(value) === true;
  }

  firstError(schema: unknown, value: unknown): string | undefined {
    const validate = this.validator(schema);
    if (validate === null || validate(value) === true) return undefined;
    const error = validate.errors?.[0];
    return error === undefined
      ? "does not validate"
      : `${error.instancePath || "/"} ${error.message ?? "is not valid"}`;
  }

  private validator(schema: unknown): ValidateFunction | null {
    if (typeof schema !== "object" || schema === null) return null;
    let validate = this.single.get(schema);
    if (validate === undefined) {
      validate = this.compile(() => this.registry.convert(schema)) ?? null;
      this.single.set(schema, validate);
    }
    return validate;
  }

  private compile(build: () => boolean | Record<string, unknown>): ValidateFunction | undefined {
    try {
      const schema = build();
      // The root grows as new $refs are met, so it is re-registered when a conversion added definitions, and only
      // then: replacing it drops every definition ajv has compiled (on Microsoft Graph v1.0, compiling them again
      // for each schema checked was 65 s of the mock samples' 80).
      const root = this.registry.root();
      const size = Object.keys(root.$defs as object).length;
      if (size !== this.rootSize) {
        if (this.rootSize >= 0) this.ajv.removeSchema(this.registry.rootId);
        this.ajv.addSchema(root);
        this.rootSize = size;
      }
      return this.ajv.compile(typeof schema === "boolean" ? schema : { ...schema });
    } catch {
      return undefined;
    }
  }
}

function failingKeys(validate: ValidateFunction, bodies: Record<string, unknown>): Set<string> {
  if (Object.keys(bodies).length === 0 || validate(bodies)) return new Set();
  return new Set((validate.errors ?? []).map((error) => error.instancePath.split("/")[1] ?? ""));
}
