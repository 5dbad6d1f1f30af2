// Which of a response's candidate bodies (the spec's example, a generated sample) conforms to its schema. Real
// specs ship examples that break their own schemas (Slack's integer `id` typed string; a third of GitHub's); a
// mock answering one fails development-mode response validation with a 500. Checked with the rules the runtime's
// response validation uses (json-schema.ts), in one compiled schema for the whole API: one compilation per
// schema would cost GitHub's 930 examples ten seconds.
import { Ajv2020 } from "ajv/dist/2020.js";
import type { ValidateFunction } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { SchemaRegistry } from "../../../templates/runtime/server/json-schema.js";

// ajv-formats is CommonJS: under NodeNext its default import is the module object.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

export interface Candidates {
  schema: unknown;
  /** The body to answer with when it conforms. */
  preferred: unknown;
  /** Made only when `preferred` does not conform; used when it does. */
  fallback: () => unknown;
}

/** For each entry, `preferred` when it conforms to the schema, else the fallback when that does, else `preferred`. */
export function conformingBodies(document: Readonly<Record<string, unknown>>, entries: readonly Candidates[]): unknown[] {
  const chosen = entries.map((entry) => entry.preferred);
  if (entries.length === 0) return chosen;
  const validate = compileAll(document, entries);
  if (validate === undefined) return chosen;
  const failing = failingKeys(validate, Object.fromEntries(entries.map((entry, index) => [key(index), entry.preferred])));
  const fallbacks = new Map<number, unknown>();
  entries.forEach((entry, index) => {
    if (failing.has(key(index))) fallbacks.set(index, entry.fallback());
  });
  const stillFailing = failingKeys(validate, Object.fromEntries([...fallbacks].map(([index, body]) => [key(index), body])));
  for (const [index, body] of fallbacks) if (!stillFailing.has(key(index))) chosen[index] = body;
  return chosen;
}

const key = (index: number): string => `b${index}`;

/** One schema: an object whose member `b<i>` is entry i's body. */
function compileAll(document: Readonly<Record<string, unknown>>, entries: readonly Candidates[]): ValidateFunction | undefined {
  const openapi = document.openapi;
  const registry = new SchemaRegistry(document, typeof openapi === "string" && openapi.startsWith("3.0"), "response");
  const properties = Object.fromEntries(entries.map((entry, index) => [key(index), registry.convert(entry.schema)]));
  const ajv = new Ajv2020({ strict: false, allErrors: true, logger: false, validateFormats: true, inlineRefs: false });
  addFormats(ajv);
  try {
    ajv.addSchema(registry.root());
    return ajv.compile({ type: "object", properties });
  } catch {
    return undefined; // a schema ajv cannot compile: the examples are kept as they are
  }
}

function failingKeys(validate: ValidateFunction, bodies: Record<string, unknown>): Set<string> {
  if (validate(bodies)) return new Set();
  return new Set((validate.errors ?? []).map((error) => error.instancePath.split("/")[1] ?? ""));
}
