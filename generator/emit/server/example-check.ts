// Which of a response's candidate bodies (the spec's example, generated samples) conforms to its schema. Real
// specs ship examples that break their own schemas (Slack's integer `id` typed string; a third of GitHub's); a
// mock answering one fails development-mode response validation with a 500. Checked with the rules the runtime's
// response validation uses (json-schema.ts), in one compiled schema for the whole API: one compilation per
// schema would cost GitHub's 930 examples ten seconds.
import { Ajv2020 } from "ajv/dist/2020.js";
import type { ValidateFunction } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import type { ApiModel } from "../../model/ir.js";
import { SchemaRegistry } from "../../../templates/runtime/server/json-schema.js";
import { specPattern } from "../../../templates/runtime/server/patterns.js";

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

/**
 * For each entry, its first candidate that conforms to its schema (else its first; a schema ajv cannot compile
 * accepts anything). `makeAccepts` receives the check of one schema, for synthesizing oneOf branches.
 */
export function conformingBodies(model: Pick<ApiModel, "openapi" | "schemaRoot">, entries: readonly Candidates[], makeAccepts?: (accepts: Accepts) => void): unknown[] {
  const chosen: unknown[] = entries.map(() => undefined);
  const checker = new ResponseChecker(model);
  makeAccepts?.((schema, value) => checker.accepts(schema, value));
  const validate = checker.compileAll(entries.map((entry) => entry.schema));
  let pending = entries.map((_, index) => index);
  const rounds = Math.max(0, ...entries.map((entry) => entry.candidates.length));
  for (let round = 0; round < rounds && pending.length > 0; round++) {
    const tried = new Map<number, unknown>();
    for (const index of pending) {
      const make = entries[index]?.candidates[round];
      if (make === undefined) continue;
      const body = make();
      if (round === 0) chosen[index] = body;
      if (body !== undefined) tried.set(index, body);
    }
    // One schema ajv cannot compile fails the whole API's: then each is checked alone.
    const failing =
      validate === undefined
        ? new Set([...tried].filter(([index, body]) => !checker.accepts(entries[index]?.schema, body)).map(([index]) => key(index)))
        : failingKeys(validate, Object.fromEntries([...tried].map(([index, body]) => [key(index), body])));
    for (const [index, body] of tried) if (!failing.has(key(index))) chosen[index] = body;
    pending = pending.filter((index) => tried.has(index) ? failing.has(key(index)) : (entries[index]?.candidates.length ?? 0) > round + 1);
  }
  return chosen;
}

const key = (index: number): string => `b${index}`;

/**
 * ajv set up as the generated server's development-mode response validation is (response-validation.ts): 2020-12,
 * formats, patterns kept and run by re2js in linear time, so no sample check hangs on a catastrophic pattern.
 */
class ResponseChecker {
  private readonly registry: SchemaRegistry;
  private readonly ajv: Ajv2020;
  private readonly single = new WeakMap<object, ValidateFunction | null>();
  private rootAdded = false;

  constructor(model: Pick<ApiModel, "openapi" | "schemaRoot">) {
    this.registry = new SchemaRegistry(model.schemaRoot, model.openapi.startsWith("3.0"), "response");
    const regExp = Object.assign((source: string, flags: string) => specPattern(source, flags), { code: "specPattern" });
    this.ajv = new Ajv2020({ strict: false, allErrors: true, logger: false, validateFormats: true, inlineRefs: false, code: { regExp } });
    addFormats(this.ajv);
  }

  /** One schema: an object whose member `b<i>` is the i-th schema's body. */
  compileAll(schemas: readonly unknown[]): ValidateFunction | undefined {
    return this.compile(() => ({ type: "object", properties: Object.fromEntries(schemas.map((schema, index) => [key(index), this.registry.convert(schema)])) }));
  }

  accepts(schema: unknown, value: unknown): boolean {
    if (typeof schema !== "object" || schema === null) return true;
    let validate = this.single.get(schema);
    if (validate === undefined) {
      validate = this.compile(() => this.registry.convert(schema)) ?? null;
      this.single.set(schema, validate);
    }
    return validate === null || validate(value) === true;
  }

  private compile(build: () => boolean | Record<string, unknown>): ValidateFunction | undefined {
    try {
      const schema = build();
      // The root grows as new $refs are met, so it is (re)registered after each conversion.
      if (this.rootAdded) this.ajv.removeSchema(this.registry.rootId);
      this.ajv.addSchema(this.registry.root());
      this.rootAdded = true;
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
